import { Button, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { Edit16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ApplicationSummary, Practice } from '../../../shared/workspace-api';
import { Problem } from '../shell/Problem';
import { PracticesEditor, practiceProblem } from './PracticesEditor';
import { workspaceApi } from './workspace-client';
import { useBits } from './bits';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
});

/** The aligned practices (which also decide who is a member): shown, and edited by members. */
export function PracticesPanel({ application, canEdit, onSaved }: { application: ApplicationSummary; canEdit: boolean; onSaved: (a: ApplicationSummary) => void }) {
  const bits = useBits();
  const styles = useStyles();
  const [editing, setEditing] = useState<Practice[]>();
  const [showErrors, setShowErrors] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (!editing) return;
    setShowErrors(true);
    if (editing.some((p) => practiceProblem(p))) return;
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await workspaceApi.updatePractices(application.id, { practices: editing }));
      setEditing(undefined);
      setShowErrors(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="practices-title">
      <Subtitle2 block as="h2" id="practices-title">
        Aligned practices
      </Subtitle2>
      {editing ? (
        <>
          <Caption1 block as="p">Staff of these practices are members of the workspace.</Caption1>
          <PracticesEditor practices={editing} onChange={setEditing} showErrors={showErrors} />
          {error !== undefined && <Problem error={error} title="Not saved" />}
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy} onClick={() => void save()}>
              {busy ? 'Saving…' : 'Save practices'}
            </Button>
            <Button onClick={() => setEditing(undefined)}>Cancel</Button>
          </div>
        </>
      ) : (
        <>
          <ul className={styles.list}>
            {application.practices.map((p) => (
              <li key={p.odsCode}>
                {p.name} <Caption1>({p.odsCode})</Caption1>
              </li>
            ))}
          </ul>
          {canEdit && (
            <Button size="small" icon={<Edit16Regular />} onClick={() => setEditing(application.practices.map((p) => ({ ...p })))} className={bits.topS}>
              Edit practices
            </Button>
          )}
        </>
      )}
    </section>
  );
}
