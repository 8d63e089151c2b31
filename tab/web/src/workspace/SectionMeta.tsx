import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  makeStyles,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { SECTION_STATUSES, type Member, type Practice, type SectionState, type SectionStatus } from '../../../shared/workspace-api';
import { Problem } from '../shell/Problem';
import { STATUS_LABEL } from './labels';
import { DateInput } from '../ui/DateInput';
import { workspaceApi } from './workspace-client';
import { useLayout } from '../ui/styles';
import { useApiMutation } from '../data/use-api';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(200px, 100%), 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  // A long practice name is cut with an ellipsis inside its own box; it never runs under the select beside it.
  field: { minWidth: 0 },
  select: { width: '100%', minWidth: 0, maxWidth: '100%' },
  control: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
});

/** Owner (practice and/or person), status and due date of a section; saved as soon as one changes. */
export function SectionMeta({ appId, section, practices, members, canEdit, onSaved }: { appId: string; section: SectionState; practices: Practice[]; members: Member[]; canEdit: boolean; onSaved: (s: SectionState) => void }) {
  const styles = useStyles();
  // Saved as soon as one changes; the answer goes into the workspace's cached view (onSaved).
  const save = useApiMutation((body: Parameters<typeof workspaceApi.updateSection>[2]) => workspaceApi.updateSection(appId, section.sectionId, body), { update: (saved) => onSaved(saved) });
  const update = (body: Parameters<typeof workspaceApi.updateSection>[2]) => save.mutate(body);
  const busy = save.isPending;
  const error = save.error ?? undefined;
  const owner = section.owner;
  const setOwner = (practiceOds: string | undefined, staffId: string | undefined) =>
    void update({ owner: practiceOds || staffId ? { ...(practiceOds ? { practiceOds } : {}), ...(staffId ? { staffId } : {}) } : null });
  return (
    <div>
      <div className={styles.row}>
        <Field label="Owning practice" className={styles.field}>
          <Select className={styles.select} select={{ className: styles.control }} value={owner?.practiceOds ?? ''} disabled={!canEdit || busy} onChange={(_, d) => setOwner(d.value || undefined, owner?.person?.staffId)}>
            <option value="">No practice</option>
            {practices.map((p) => (
              <option key={p.odsCode} value={p.odsCode}>
                {p.name} ({p.odsCode})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Owner" className={styles.field}>
          <Select className={styles.select} select={{ className: styles.control }} value={owner?.person?.staffId ?? ''} disabled={!canEdit || busy} onChange={(_, d) => setOwner(owner?.practiceOds, d.value || undefined)}>
            <option value="">Nobody yet</option>
            {owner?.person && !members.some((m) => m.staffId === owner.person!.staffId) && <option value={owner.person.staffId}>{owner.person.name}</option>}
            {members.map((m) => (
              <option key={m.staffId} value={m.staffId}>
                {m.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Status" className={styles.field}>
          <Select className={styles.select} select={{ className: styles.control }} value={section.status} disabled={!canEdit || busy} onChange={(_, d) => void update({ status: d.value as SectionStatus })}>
            {SECTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </Select>
        </Field>
        <DateInput className={styles.field} label="Due date" value={section.dueDate} disabled={!canEdit || busy} onChange={(iso) => void update({ dueDate: iso ?? null })} />
      </div>
      {error ? <Problem error={error} title="Not saved" /> : null}
    </div>
  );
}

/** A hub reviewer's "changes requested" on a section, with the note the PCN will see. */
export function RequestChangesButton({ appId, sectionId, title, onSaved }: { appId: string; sectionId: string; title: string; onSaved: (s: SectionState) => void }) {
  const [note, setNote] = useState('');
  const [open, setOpen] = useState(false);
  const layout = useLayout();
  const [error, setError] = useState<unknown>();
  const submit = async () => {
    setError(undefined);
    try {
      onSaved(await workspaceApi.requestChanges(appId, sectionId, note.trim()));
      setOpen(false);
      setNote('');
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button>Request changes…</Button>
      </DialogTrigger>
      <DialogSurface className={layout.dialog}>
        <DialogBody>
          <DialogTitle>Request changes: {title}</DialogTitle>
          <DialogContent>
            <Field label="What needs to change" required>
              <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" rows={5} />
            </Field>
            {error !== undefined && <Problem error={error} title="Not sent" />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={!note.trim()} onClick={() => void submit()}>
              Send request
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button>Cancel</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
