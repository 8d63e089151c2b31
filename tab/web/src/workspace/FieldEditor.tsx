import { mergeClasses, Avatar, Button, Caption1, Field, Input, makeStyles, Spinner, Textarea, tokens } from '@fluentui/react-components';
import { History16Regular } from '@fluentui/react-icons';
import { useCallback, useState, type FocusEvent } from 'react';
import type * as Y from 'yjs';
import type { FieldDefinition, PresenceEntry } from '../../../shared/workspace-api';
import type { FieldAwareness } from '../../../shared/live/field-awareness';
import { useYText } from './editor/plain-binding';
import { RichTextEditor } from './editor/RichTextEditor';
import type { AnchoredThread } from './editor/comment-anchors';
import { ListInput } from './ListInput';
import { TableInput } from './TableInput';
import { useBits } from './bits';
import { DateInput } from '../ui/DateInput';

const useStyles = makeStyles({
  field: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  label: { fontWeight: tokens.fontWeightSemibold },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, justifyContent: 'space-between' },
  left: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  editors: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
});

export interface FieldEditorProps {
  def: FieldDefinition;
  /** The field's live document (undefined while it loads). */
  doc: Y.Doc | undefined;
  awareness: FieldAwareness | undefined;
  me: { staffId: string; name: string };
  canEdit: boolean;
  maxChars: number;
  /** Others in this field right now. */
  others: PresenceEntry[];
  threads: AnchoredThread[];
  onCommentOnSelection?: ((fieldId: string, anchor: { start: unknown; end: unknown; quote: string }) => void) | undefined;
  onFocusChange: (fieldId: string | undefined) => void;
  onOpenHistory: (def: FieldDefinition) => void;
}

/** One field, edited live: a rich editor for long answers, the right input for every other kind, all on the field's live document. */
export function FieldEditor({ def, doc, awareness, me, canEdit, maxChars, others, threads, onCommentOnSelection, onFocusChange, onOpenHistory }: FieldEditorProps) {
  const bits = useBits();
  const styles = useStyles();
  const [value, change] = useYText(def.kind === 'longtext' ? undefined : doc);
  const [richLength, setRichLength] = useState(0);
  const onLength = useCallback((n: number) => setRichLength(n), []);
  const readOnly = !canEdit;
  const labelText = `${def.label}${def.required ? ' (required)' : ''}`;
  const onFocus = () => onFocusChange(def.id);
  const onBlur = (e: FocusEvent) => {
    if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
    onFocusChange(undefined);
  };

  let input;
  if (!doc) input = <Spinner size="tiny" label="Loading…" />;
  else
    switch (def.kind) {
      case 'longtext':
        input = awareness && (
          <RichTextEditor
            label={def.label}
            doc={doc}
            awareness={awareness}
            me={me}
            editable={canEdit}
            maxChars={maxChars}
            threads={threads}
            onCommentOnSelection={onCommentOnSelection ? (anchor) => onCommentOnSelection(def.id, anchor) : undefined}
            onLength={onLength}
          />
        );
        break;
      case 'list':
        input = <ListInput label={def.label} value={value} suggestions={def.suggestions} readOnly={readOnly} onCommit={change} />;
        break;
      case 'table':
        input = <TableInput label={def.label} value={value} columns={def.columns ?? [{ key: 'value', label: def.label }]} readOnly={readOnly} onChange={change} onCommit={change} />;
        break;
      default:
        input =
          def.kind === 'date' ? (
            <DateInput label={labelText} hint={def.help ? `${def.help} (dd/mm/yyyy)` : 'dd/mm/yyyy'} value={value} disabled={readOnly} onChange={(iso) => change(iso ?? '')} />
          ) : def.kind === 'email' || def.kind === 'text' ? (
            <Input type={def.kind === 'email' ? 'email' : 'text'} value={value} readOnly={readOnly} onChange={(_, d) => change(d.value)} />
          ) : (
            <Textarea value={value} readOnly={readOnly} onChange={(_, d) => change(d.value)} />
          );
    }
  const grouped = def.kind === 'list' || def.kind === 'table' || def.kind === 'longtext';
  const editingOthers = others.filter((o) => o.mode === 'editing');

  return (
    <div className={styles.field} data-field-id={def.id} onFocus={onFocus} onBlur={onBlur}>
      {grouped ? (
        <fieldset className={styles.fieldset}>
          <legend className={mergeClasses(styles.label, bits.legend)}>
            {labelText}
          </legend>
          {def.help && (
            <Caption1 block as="p" className={bits.flushTop}>
              {def.help}
            </Caption1>
          )}
          {input}
        </fieldset>
      ) : def.kind === 'date' && doc ? (
        input
      ) : (
        <Field label={labelText} hint={def.help} validationState="none">
          {input}
        </Field>
      )}
      <div className={styles.bar}>
        <div className={styles.left}>
          {def.kind === 'longtext' && <Caption1>{richLength.toLocaleString('en-GB')} characters</Caption1>}
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
    </div>
  );
}
