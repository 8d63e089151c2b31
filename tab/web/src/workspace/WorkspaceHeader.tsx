import {
  AvatarGroup,
  AvatarGroupItem,
  AvatarGroupPopover,
  Badge,
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  makeStyles,
  ProgressBar,
  Textarea,
  Title2,
  tokens,
  Tooltip,
  partitionAvatarGroupItems,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, Send20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ApiProblem } from '../api';
import type { ChecklistItemResult, LifecycleRequest, PresenceEntry, Stage, WorkspaceView } from '../../../shared/workspace-api';
import { Problem } from '../shell/Problem';
import { describeCountdown, formatDate, todayFromCountdown } from './countdown';
import { OUTCOME_COLOR, OUTCOME_LABEL, RISK_COLOR, RISK_LABEL, STAGE_LABEL } from './labels';
import type { LiveState } from './use-workspace';
import { workspaceApi } from './workspace-client';
import { useBits } from './bits';
import { useLayout } from '../ui/styles';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  top: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'center', justifyContent: 'space-between' },
  facts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'center' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  progress: { maxWidth: '420px' },
});

const ACTION_LABEL: Record<LifecycleRequest['action'], string> = {
  'start-internal-review': 'Mark ready for internal review',
  submit: 'Submit to the training hub',
  'return-to-drafting': 'Back to drafting',
};

/** Everyone with the application open, one avatar per person. */
function PresenceAvatars({ presence, myClientId, sectionTitle }: { presence: PresenceEntry[]; myClientId: string; sectionTitle: (id: string | undefined) => string }) {
  const bits = useBits();
  const people = new Map<string, { name: string; where: string[] }>();
  for (const p of presence) {
    if (p.clientId === myClientId) continue;
    const entry = people.get(p.person.staffId) ?? { name: p.person.name, where: [] };
    entry.where.push(`${p.mode === 'editing' ? 'editing' : 'viewing'} ${sectionTitle(p.sectionId)}`);
    people.set(p.person.staffId, entry);
  }
  const list = [...people.values()];
  if (!list.length) return <Caption1>Nobody else here right now</Caption1>;
  const { inlineItems, overflowItems } = partitionAvatarGroupItems({ items: list, maxInlineItems: 4 });
  return (
    <div role="group" aria-label="Who else is here" className={bits.inlineRow}>
      <AvatarGroup size={28}>
        {inlineItems.map((p) => (
          <Tooltip key={p.name} content={`${p.name}: ${p.where.join('; ')}`} relationship="label">
            <AvatarGroupItem name={p.name} />
          </Tooltip>
        ))}
        {overflowItems && (
          <AvatarGroupPopover>
            {overflowItems.map((p) => (
              <AvatarGroupItem key={p.name} name={p.name} />
            ))}
          </AvatarGroupPopover>
        )}
      </AvatarGroup>
      <Caption1 data-testid="presence-names">
        {list.map((p) => `${p.name} (${p.where.join('; ')})`).join(', ')}
      </Caption1>
    </div>
  );
}

/** A lifecycle step, confirmed first; a refused submission lists what is missing. */
function LifecycleButton({ appId, stage, action, primary, onDone }: { appId: string; stage: Stage; action: LifecycleRequest['action']; primary?: boolean; onDone: () => void }) {
  const layout = useLayout();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const go = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await workspaceApi.lifecycle(appId, { action, ...(note.trim() ? { note: note.trim() } : {}) });
      setOpen(false);
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const missing = error instanceof ApiProblem && error.code === 'checklist-incomplete' ? ((error.details as { missing?: ChecklistItemResult[] })?.missing ?? []) : [];
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance={primary ? 'primary' : 'secondary'} icon={action === 'submit' ? <Send20Regular /> : undefined}>
          {ACTION_LABEL[action]}
        </Button>
      </DialogTrigger>
      <DialogSurface className={layout.dialog}>
        <DialogBody>
          <DialogTitle>{ACTION_LABEL[action]}?</DialogTitle>
          <DialogContent>
            <Body1 block as="p">
              {action === 'submit'
                ? 'The application goes to the training hub, and a card is posted in the channel. Editing stops until the hub sends it back.'
                : action === 'start-internal-review'
                  ? 'Everyone in the PCN is asked to read the whole application before it is submitted.'
                  : stage === 'submitted'
                    ? 'The submission is withdrawn and the application can be edited again.'
                    : 'The application goes back to drafting.'}
            </Body1>
            <Field label="Note (optional)">
              <Textarea value={note} onChange={(_, d) => setNote(d.value)} />
            </Field>
            {error !== undefined && <Problem error={error} title="Not done" />}
            {missing.length > 0 && (
              <ul>
                {missing.map((m) => (
                  <li key={m.id}>
                    {m.label}
                    {m.detail ? ` — ${m.detail}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy} onClick={() => void go()}>
              {busy ? 'Working…' : ACTION_LABEL[action]}
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

export function WorkspaceHeader({ view, live, myClientId, onChanged }: { view: WorkspaceView; live: LiveState; myClientId: string; onChanged: () => void }) {
  const bits = useBits();
  const styles = useStyles();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>();
  const app = view.application;
  const { countdown, lifecycle, progress } = app;
  const today = todayFromCountdown(countdown.deadline, countdown.daysLeft);
  const sectionTitle = (id: string | undefined) => {
    const def = view.definitions.sections.find((s) => s.id === id);
    return def ? `${def.number}. ${def.title}` : 'the overview';
  };
  const doExport = async () => {
    setExporting(true);
    setExportError(undefined);
    try {
      await workspaceApi.exportDocx(app.id, `${app.pcnName} Learning Organisation application.docx`);
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  };
  const stage = lifecycle.stage;
  // The steps the server allows from each stage (it decides; this only avoids offering a step that would be refused).
  const actions: LifecycleRequest['action'][] =
    stage === 'drafting'
      ? ['start-internal-review']
      : stage === 'internal-review'
        ? ['submit', 'return-to-drafting']
        : stage === 'submitted' || (stage === 'decided' && lifecycle.outcome?.outcome === 'not-yet-approved')
          ? ['return-to-drafting']
          : [];
  const changes = Object.values(view.sections).filter((s) => s.changesRequested).length;

  return (
    <header className={styles.header}>
      <div className={styles.top}>
        <div>
          <Title2 block as="h1">{app.title || `${app.pcnName} Learning Organisation application`}</Title2>
          <Caption1 block as="p" className={bits.flush}>
            {app.pcnName} · {app.practices.length} practice{app.practices.length === 1 ? '' : 's'}: {app.practices.map((p) => p.name).join(', ')}
          </Caption1>
        </div>
        <div className={styles.actions}>
          <Button icon={<ArrowDownload20Regular />} disabled={exporting} onClick={() => void doExport()}>
            {exporting ? 'Preparing…' : 'Export DOCX'}
          </Button>
          {view.me.role === 'member' && actions.map((a, i) => <LifecycleButton key={a} appId={app.id} stage={stage} action={a} primary={i === 0} onDone={onChanged} />)}
        </div>
      </div>
      {exportError !== undefined && <Problem error={exportError} title="Export failed" />}
      <div className={styles.facts}>
        <Badge appearance="filled" color="brand" size="large">
          {STAGE_LABEL[stage]}
        </Badge>
        <span>
          <strong>{describeCountdown(countdown.deadline, today)}</strong> until the {formatDate(countdown.deadline)} deadline{' '}
          <Badge appearance="tint" color={RISK_COLOR[countdown.risk]}>
            {RISK_LABEL[countdown.risk]}
          </Badge>
          <Caption1> {countdown.reason}</Caption1>
        </span>
        {lifecycle.submittedAt && <Caption1>Submitted {formatDate(lifecycle.submittedAt)}{lifecycle.submittedBy ? ` by ${lifecycle.submittedBy.name}` : ''}</Caption1>}
        {lifecycle.panel && (
          <Caption1>
            Panel: {formatDate(lifecycle.panel.date)}
            {lifecycle.panel.time ? ` at ${lifecycle.panel.time}` : ''}
            {lifecycle.panel.location ? `, ${lifecycle.panel.location}` : ''} · {lifecycle.panel.members.map((m) => `${m.name} (${m.role})`).join(', ')}
          </Caption1>
        )}
        {lifecycle.outcome && (
          <span>
            <Badge appearance="filled" color={OUTCOME_COLOR[lifecycle.outcome.outcome]}>
              {OUTCOME_LABEL[lifecycle.outcome.outcome]}
            </Badge>
            {lifecycle.outcome.conditions && <Caption1> Conditions: {lifecycle.outcome.conditions}</Caption1>}
            {lifecycle.annualReviewDate && <Caption1> · annual review {formatDate(lifecycle.annualReviewDate)}</Caption1>}
          </span>
        )}
        {changes > 0 && (
          <Badge appearance="tint" color="warning">
            Changes requested in {changes} section{changes === 1 ? '' : 's'}
          </Badge>
        )}
      </div>
      <div className={styles.facts}>
        <Field className={styles.progress} label={`${progress.percent}% complete · ${progress.agreed} of ${progress.sections} sections agreed · checklist ${progress.checklistDone}/${progress.checklistTotal}`} validationState="none">
          <ProgressBar value={progress.percent / 100} thickness="large" />
        </Field>
        <PresenceAvatars presence={view.presence} myClientId={myClientId} sectionTitle={sectionTitle} />
        <Caption1 role="status">
          {live === 'open' ? 'Live' : live === 'connecting' ? 'Connecting…' : 'Reconnecting… your changes are kept in this browser'}
        </Caption1>
      </div>
    </header>
  );
}
