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
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { Add16Regular, Delete16Regular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { MIN_PANEL_MEMBERS, OUTCOMES, type ApplicationSummary, type Outcome, type PanelMember, type SectionDefinition } from '../../../shared/workspace-api';
import { Problem } from '../shell/Problem';
import { OUTCOME_LABEL } from './labels';
import { workspaceApi } from './workspace-client';
import { DateInput } from '../ui/DateInput';
import { useLayout } from '../ui/styles';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr)) auto', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: tokens.spacingHorizontalS },
});

/** A dialog whose primary action calls the API, stays open with the server's reason when refused, and closes when done. */
function ActionDialog({ trigger, title, action, disabled, children, onDone }: { trigger: string; title: string; action: string; disabled: boolean; children: ReactNode; onDone: (run: () => void) => Promise<void> }) {
  const layout = useLayout();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onDone(() => setOpen(false));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button size="small">{trigger}</Button>
      </DialogTrigger>
      <DialogSurface className={layout.dialog}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            {children}
            {error !== undefined && <Problem error={error} title="Not saved" />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy || disabled} onClick={() => void run()}>
              {busy ? 'Working…' : action}
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

/** Panel date, time, place and members (at least three). */
export function SchedulePanelDialog({ app, onSaved }: { app: ApplicationSummary; onSaved: (a: ApplicationSummary) => void }) {
  const styles = useStyles();
  const existing = app.lifecycle.panel;
  const [date, setDate] = useState(existing?.date ?? '');
  const [time, setTime] = useState(existing?.time ?? '');
  const [location, setLocation] = useState(existing?.location ?? '');
  const [members, setMembers] = useState<PanelMember[]>(existing?.members ?? Array.from({ length: MIN_PANEL_MEMBERS }, () => ({ name: '', role: '' })));
  const filled = members.filter((m) => m.name.trim() && m.role.trim());
  const set = (i: number, patch: Partial<PanelMember>) => setMembers(members.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <ActionDialog
      trigger={existing ? 'Change panel' : 'Schedule panel'}
      title={`Panel for ${app.pcnName}`}
      action="Schedule the panel"
      disabled={!date || filled.length < MIN_PANEL_MEMBERS}
      onDone={async (close) => {
        onSaved(
          await workspaceApi.schedulePanel(app.id, {
            date,
            ...(time ? { time } : {}),
            ...(location.trim() ? { location: location.trim() } : {}),
            members: filled.map((m) => ({ name: m.name.trim(), role: m.role.trim(), ...(m.organisation?.trim() ? { organisation: m.organisation.trim() } : {}) })),
          }),
        );
        close();
      }}
    >
      <div className={styles.form}>
        <div className={styles.pair}>
          <DateInput label="Date" required value={date} onChange={(iso) => setDate(iso ?? '')} />
          <Field label="Time">
            <Input type="time" value={time} onChange={(_, d) => setTime(d.value)} />
          </Field>
        </div>
        <Field label="Where (room or Teams meeting)">
          <Input value={location} onChange={(_, d) => setLocation(d.value)} />
        </Field>
        <Field label={`Panel members (at least ${MIN_PANEL_MEMBERS}; ${filled.length} so far)`} validationState={filled.length < MIN_PANEL_MEMBERS ? 'warning' : 'success'}>
          <div className={styles.form}>
            {members.map((m, i) => (
              <div key={i} className={styles.row}>
                <Input aria-label={`Member ${i + 1} name`} placeholder="Name" value={m.name} onChange={(_, d) => set(i, { name: d.value })} />
                <Input aria-label={`Member ${i + 1} role`} placeholder="Role" value={m.role} onChange={(_, d) => set(i, { role: d.value })} />
                <Input aria-label={`Member ${i + 1} organisation`} placeholder="Organisation" value={m.organisation ?? ''} onChange={(_, d) => set(i, { organisation: d.value })} />
                <Button appearance="subtle" icon={<Delete16Regular />} aria-label={`Remove member ${i + 1}`} onClick={() => setMembers(members.filter((_, j) => j !== i))} />
              </div>
            ))}
            <Button icon={<Add16Regular />} onClick={() => setMembers([...members, { name: '', role: '' }])}>
              Add a member
            </Button>
          </div>
        </Field>
      </div>
    </ActionDialog>
  );
}

/** The panel's outcome, with conditions and the annual review date. */
export function RecordOutcomeDialog({ app, onSaved }: { app: ApplicationSummary; onSaved: (a: ApplicationSummary) => void }) {
  const styles = useStyles();
  const [outcome, setOutcome] = useState<Outcome>('approved');
  const [conditions, setConditions] = useState('');
  const [review, setReview] = useState('');
  return (
    <ActionDialog
      trigger="Record outcome"
      title={`Outcome for ${app.pcnName}`}
      action="Record the outcome"
      disabled={outcome === 'approved-with-conditions' && !conditions.trim()}
      onDone={async (close) => {
        onSaved(await workspaceApi.recordOutcome(app.id, { outcome, ...(conditions.trim() ? { conditions: conditions.trim() } : {}), ...(review ? { annualReviewDate: review } : {}) }));
        close();
      }}
    >
      <div className={styles.form}>
        <RadioGroup value={outcome} onChange={(_, d) => setOutcome(d.value as Outcome)} aria-label="Outcome">
          {OUTCOMES.map((o) => (
            <Radio key={o} value={o} label={OUTCOME_LABEL[o]} />
          ))}
        </RadioGroup>
        <Field label="Conditions or what must change">
          <Textarea value={conditions} onChange={(_, d) => setConditions(d.value)} />
        </Field>
        <DateInput label="Annual review date" hint="dd/mm/yyyy. Defaults to a year after the panel when approved." value={review} onChange={(iso) => setReview(iso ?? '')} />
      </div>
    </ActionDialog>
  );
}

/** Feedback on a draft: "changes requested" on one section, with a note the PCN sees in its workspace. */
export function RequestChangesDialog({ app, sections, onSaved }: { app: ApplicationSummary; sections: SectionDefinition[]; onSaved: () => void }) {
  const styles = useStyles();
  const [sectionId, setSectionId] = useState(sections[0]?.id ?? '');
  const [note, setNote] = useState('');
  return (
    <ActionDialog
      trigger="Request changes"
      title={`Feedback for ${app.pcnName}`}
      action="Send"
      disabled={!sectionId || !note.trim()}
      onDone={async (close) => {
        await workspaceApi.requestChanges(app.id, sectionId, note.trim());
        setNote('');
        onSaved();
        close();
      }}
    >
      <div className={styles.form}>
        <Field label="Section">
          <Select value={sectionId} onChange={(_, d) => setSectionId(d.value)}>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.number}. {s.title}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="What needs to change" required>
          <Textarea value={note} onChange={(_, d) => setNote(d.value)} rows={5} />
        </Field>
      </div>
    </ActionDialog>
  );
}
