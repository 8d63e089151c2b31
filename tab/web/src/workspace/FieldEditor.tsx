import {
  Avatar,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { History16Regular, MergeRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState, type FocusEvent } from 'react';
import { ApiProblem } from '../api';
import type { FieldDefinition, FieldState, PresenceEntry } from '../../../shared/workspace-api';
import { ConflictDialog } from './ConflictDialog';
import { ListInput } from './ListInput';
import { SaveStatus } from './SaveStatus';
import { TableInput } from './TableInput';
import { DiffView } from './text-diff';
import { useFieldDraft, type SaveFn } from './use-field-draft';
import { conflictDetails, workspaceApi } from './workspace-client';

const useStyles = makeStyles({
  field: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, justifyContent: 'space-between' },
  left: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  longtext: { minHeight: '10em' },
  editors: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  compare: { maxHeight: '30vh', overflowY: 'auto', border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingHorizontalS, borderRadius: tokens.borderRadiusMedium },
  merged: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground3 },
});

export interface FieldEditorProps {
  appId: string;
  def: FieldDefinition;
  state: FieldState | undefined;
  canEdit: boolean;
  /** Others in this field right now. */
  others: PresenceEntry[];
  onSaved: (field: FieldState) => void;
  onFocusChange: (fieldId: string | undefined) => void;
  onDirtyChange: (fieldId: string, dirty: boolean) => void;
  onOpenHistory: (def: FieldDefinition) => void;
}

/** One field of a section: the right input for its kind, autosaved with its base version, and every way a save can end shown. */
export function FieldEditor({ appId, def, state, canEdit, others, onSaved, onFocusChange, onDirtyChange, onOpenHistory }: FieldEditorProps) {
  const styles = useStyles();
  const save: SaveFn = useCallback(
    async (text, baseVersion, resolvesConflict) => {
      try {
        const answer = await workspaceApi.saveField(appId, def.id, { text, baseVersion, ...(resolvesConflict ? { resolvesConflict } : {}) });
        onSaved(answer.field);
        return { kind: 'saved', value: answer.field.text, version: answer.field.version, merged: answer.outcome === 'merged' };
      } catch (error) {
        const conflict = conflictDetails(error);
        if (conflict) {
          onSaved(conflict.current);
          return {
            kind: 'conflict',
            conflictId: conflict.conflictId,
            theirs: { value: conflict.current.text, version: conflict.current.version, by: conflict.theirs.by?.name ?? conflict.current.updatedBy?.name, at: conflict.theirs.at ?? conflict.current.updatedAt },
            base: { value: conflict.base.text, version: conflict.base.version },
          };
        }
        if (error instanceof ApiProblem && error.code === 'unknown-base') {
          const current = (error.details as { current: FieldState }).current;
          onSaved(current);
          return { kind: 'conflict', conflictId: '', theirs: { value: current.text, version: current.version, by: current.updatedBy?.name, at: current.updatedAt }, base: undefined };
        }
        return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
      }
    },
    [appId, def.id, onSaved],
  );
  const server = { value: state?.text ?? '', version: state?.version ?? 0, by: state?.updatedBy?.name, at: state?.updatedAt };
  const f = useFieldDraft(server, save);
  const [comparing, setComparing] = useState(false);

  useEffect(() => onDirtyChange(def.id, f.dirty || f.state === 'saving' || f.state === 'conflict'), [def.id, f.dirty, f.state, onDirtyChange]);
  useEffect(() => {
    if (!f.merged) return;
    const t = setTimeout(f.clearMerged, 8000);
    return () => clearTimeout(t);
  }, [f.merged, f.clearMerged]);

  const readOnly = !canEdit;
  const onFocus = () => onFocusChange(def.id);
  const onBlur = (e: FocusEvent) => {
    if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
    f.flush();
    onFocusChange(undefined);
  };
  const commit = (text: string) => {
    f.setDraft(text);
    f.flush();
  };

  let input;
  switch (def.kind) {
    case 'longtext':
      input = <Textarea className={styles.longtext} resize="vertical" rows={8} value={f.draft} readOnly={readOnly} onChange={(_, d) => f.setDraft(d.value)} />;
      break;
    case 'list':
      input = <ListInput label={def.label} value={f.draft} suggestions={def.suggestions} readOnly={readOnly} onCommit={commit} />;
      break;
    case 'table':
      input = <TableInput label={def.label} value={f.draft} columns={def.columns ?? [{ key: 'value', label: def.label }]} readOnly={readOnly} onChange={f.setDraft} onCommit={commit} />;
      break;
    default:
      input = (
        <Input
          type={def.kind === 'date' ? 'date' : def.kind === 'email' ? 'email' : 'text'}
          value={f.draft}
          readOnly={readOnly}
          onChange={(_, d) => (def.kind === 'date' ? commit(d.value) : f.setDraft(d.value))}
        />
      );
  }
  const composite = def.kind === 'list' || def.kind === 'table';
  const editingOthers = others.filter((o) => o.mode === 'editing');

  return (
    <div className={styles.field} data-field-id={def.id} onFocus={onFocus} onBlur={onBlur}>
      {composite ? (
        <fieldset style={{ border: 'none', margin: 0, padding: 0, minWidth: 0 }}>
          <legend style={{ fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS }}>
            {def.label}
            {def.required ? ' (required)' : ''}
          </legend>
          {def.help && <Caption1 block as="p" style={{ marginTop: 0 }}>{def.help}</Caption1>}
          {input}
        </fieldset>
      ) : (
        <Field label={`${def.label}${def.required ? ' (required)' : ''}`} hint={def.help} validationState="none">
          {input}
        </Field>
      )}
      <div className={styles.bar}>
        <div className={styles.left}>
          {canEdit && <SaveStatus state={f.state} failure={f.failure} onRetry={f.flush} />}
          {f.merged && (
            <Caption1 className={styles.merged} role="status">
              <MergeRegular aria-hidden /> Merged with a change someone saved meanwhile
            </Caption1>
          )}
          {def.kind === 'longtext' && <Caption1>{f.draft.length.toLocaleString('en-GB')} characters</Caption1>}
          {editingOthers.length > 0 && (
            <span className={styles.editors}>
              {editingOthers.map((o) => (
                <Avatar key={o.clientId} size={20} name={o.person.name} aria-hidden />
              ))}
              <Caption1>{editingOthers.map((o) => o.person.name).join(', ')} editing</Caption1>
            </span>
          )}
        </div>
        <Button size="small" appearance="subtle" icon={<History16Regular />} onClick={() => onOpenHistory(def)} aria-label={`History of ${def.label}`}>
          History
        </Button>
      </div>
      {f.remote && (
        <MessageBar intent="info">
          <MessageBarBody>
            Updated by {f.remote.by ?? 'someone'} while you were editing — review. Your text is kept; saving merges both.
            {comparing && (
              <div className={styles.compare} tabIndex={0} role="region" aria-label="Their version compared with yours">
                <DiffView before={f.draft} after={f.remote.value} />
              </div>
            )}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => setComparing((c) => !c)}>
              {comparing ? 'Hide' : 'Compare'}
            </Button>
            <Button size="small" onClick={f.takeRemote}>
              Use theirs
            </Button>
            <Button
              size="small"
              appearance="primary"
              onClick={() => {
                f.dismissRemote();
                f.flush();
              }}
            >
              Merge and save
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {f.conflict && <ConflictDialog label={def.label} conflict={f.conflict} onResolve={f.resolve} />}
    </div>
  );
}
