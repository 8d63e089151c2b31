import { Body1, Button, Caption1, Card, Link, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { COMPLETION_METHOD_NAMES, type MyLearningView } from '../../../shared/learning-api';
import { formatDate, formatInstant } from '../../../shared/dates';
import { keys } from '../data/query-client';
import { useApiQuery, type Outcome } from '../data/use-api';
import { StateBadge, StatusBadge } from '../ui/badges';
import { DataTable } from '../ui/DataTable';
import { OutcomeBar } from '../ui/OutcomeBar';
import { Page, Section } from '../ui/Page';
import { QueryState } from '../ui/QueryState';
import { useLayout } from '../ui/styles';
import type { ActionMode } from './LearningActions';
import { BringPassportPanel } from '../passport/BringPassportPanel';
import { PassportPanel } from '../passport/PassportPanel';

// The dialog (and its date picker) downloads when first opened, not with the page.
const LearningActionDialog = lazy(() => import('./LearningActions').then((m) => ({ default: m.LearningActionDialog })));

const REQUEST_KIND: Record<string, string> = { extension: 'Extension', exemption: 'Exemption', evidence: 'Certificate verification' };

const useStyles = makeStyles({
  glance: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(150px, 45%), 1fr))', gap: tokens.spacingHorizontalM },
  figure: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

/** The learner's own page: what is due and when, what they hold, what they asked for, and the bot's actions. */
export default function MyLearningPage() {
  const styles = useStyles();
  const layout = useLayout();
  const learning = useApiQuery<MyLearningView>(keys.myLearning, '/api/learning/me');
  const [action, setAction] = useState<{ mode: ActionMode; subjectId?: string }>();
  const [outcome, setOutcome] = useState<Outcome>();

  return (
    <Page id="my-learning" title="My learning">
      <QueryState query={learning} label="your learning">
        {(view) => {
          const s = view.summary;
          return (
            <>
              <Body1 block as="p">
                {view.name} · {view.roles.join(', ') || 'no current role'} · as of {formatDate(view.asOf)}
              </Body1>
              <section aria-label="At a glance" className={styles.glance}>
                <Card>
                  <Subtitle2 block as="p" className={styles.figure}>{s.percent}%</Subtitle2>
                  <Caption1>in date ({s.compliant} of {s.required})</Caption1>
                </Card>
                <Card>
                  <Subtitle2 block as="p" className={styles.figure}>{s.overdue}</Subtitle2>
                  <Caption1>overdue</Caption1>
                </Card>
                <Card>
                  <Subtitle2 block as="p" className={styles.figure}>{s.dueSoon}</Subtitle2>
                  <Caption1>due soon</Caption1>
                </Card>
                <Card>
                  <Subtitle2 block as="p" className={styles.figure}>{s.nextDueDate ? formatDate(s.nextDueDate) : 'Nothing'}</Subtitle2>
                  <Caption1>next due{s.overdue > 0 ? ' (after the overdue ones)' : ''}</Caption1>
                </Card>
              </section>
              <div className={layout.toolbar} role="toolbar" aria-label="Actions">
                <Button appearance="primary" onClick={() => setAction({ mode: 'record' })}>Record a completion</Button>
                <Button onClick={() => setAction({ mode: 'certificate' })}>Bring a certificate</Button>
                <Button onClick={() => setAction({ mode: 'extension' })}>Ask for an extension</Button>
                <Button onClick={() => setAction({ mode: 'exemption' })}>Ask for an exemption</Button>
              </div>
              <OutcomeBar outcome={outcome} />
              <Section id="due-title" title="What my roles require">
                <DataTable
                  label="What my roles require"
                  rows={view.items}
                  rowKey={(i) => i.subjectId}
                  rowProps={(i) => ({ 'data-subject': i.subjectId })}
                  columns={[
                    { key: 'topic', header: 'Topic', primary: true, cell: (i) => (i.link ? <Link href={i.link} target="_blank" rel="noreferrer">{i.label}</Link> : i.label) },
                    { key: 'status', header: 'Status', cell: (i) => <StatusBadge status={i.status} /> },
                    {
                      key: 'due',
                      header: 'Due',
                      cell: (i) => (
                        <>
                          {formatDate(i.dueDate)}
                          {i.extendedTo && <Caption1> (extended)</Caption1>}
                          {i.absence && <Caption1> (moved: {i.absence.kind} leave)</Caption1>}
                        </>
                      ),
                    },
                    { key: 'held', header: 'Last completed', cell: (i) => (i.heldRecord ? `${formatDate(i.heldRecord.completedOn)}, ${COMPLETION_METHOD_NAMES[i.heldRecord.method] ?? i.heldRecord.method}` : 'Not held') },
                    { key: 'roles', header: 'Required by', cell: (i) => i.roles.join(', ') },
                    {
                      key: 'actions',
                      header: 'Actions',
                      cell: (i) => (
                        <span className={styles.actions}>
                          {i.recordable.length > 0 && (
                            <Button size="small" aria-label={`Record ${i.label}`} onClick={() => setAction({ mode: 'record', subjectId: i.subjectId })}>Record</Button>
                          )}
                          {i.dueDate && i.status !== 'exempt' && (
                            <Button size="small" aria-label={`Extend ${i.label}`} onClick={() => setAction({ mode: 'extension', subjectId: i.subjectId })}>Extend</Button>
                          )}
                        </span>
                      ),
                    },
                  ]}
                />
              </Section>
              <Section id="requests-title" title="My requests">
                <DataTable
                  label="My requests"
                  rows={view.requests}
                  rowKey={(r) => `${r.kind}-${r.id}`}
                  empty={<Body1 block as="p">You have not asked for anything.</Body1>}
                  columns={[
                    { key: 'what', header: 'Request', primary: true, cell: (r) => `${REQUEST_KIND[r.kind]}: ${r.subject}` },
                    { key: 'when', header: 'Asked', cell: (r) => formatInstant(r.requestedAt) },
                    { key: 'state', header: 'State', cell: (r) => <StateBadge state={r.state} /> },
                    {
                      key: 'details',
                      header: 'Details',
                      cell: (r) => (
                        <>
                          {r.requestedDate && <>From {formatDate(r.currentDueDate)} to {formatDate(r.requestedDate)}. </>}
                          {r.reason}
                          {r.decidedBy && <> · decided by {r.decidedBy}</>}
                          {r.comment && <> · “{r.comment}”</>}
                        </>
                      ),
                    },
                  ]}
                />
              </Section>
              <Section id="history-title" title="History of records and certificates">
                <DataTable
                  label="History of records and certificates"
                  rows={view.history}
                  rowKey={(r) => r.id}
                  empty={<Body1 block as="p">No records yet.</Body1>}
                  columns={[
                    { key: 'topic', header: 'Topic', primary: true, cell: (r) => r.label },
                    { key: 'completed', header: 'Completed', cell: (r) => formatDate(r.completedOn) },
                    { key: 'how', header: 'How', cell: (r) => COMPLETION_METHOD_NAMES[r.method] ?? r.method },
                    { key: 'source', header: 'Source', cell: (r) => r.source },
                    { key: 'until', header: 'Valid until', cell: (r) => (r.expiresOn === null ? 'Never expires' : formatDate(r.expiresOn)) },
                    {
                      key: 'counts',
                      header: 'Counts',
                      cell: (r) => (
                        <>
                          <StateBadge state={r.verification} />
                          {r.rejectedReason && <Caption1> {r.rejectedReason}</Caption1>}
                        </>
                      ),
                    },
                  ]}
                />
              </Section>
              <PassportPanel view={view} />
              <BringPassportPanel onPresented={() => void learning.refetch()} />
              {action && (
              <Suspense fallback={null}>
              <LearningActionDialog
                view={view}
                mode={action?.mode}
                {...(action?.subjectId ? { subjectId: action.subjectId } : {})}
                onClose={() => setAction(undefined)}
                onDone={(o) => {
                  setAction(undefined);
                  setOutcome(o);
                }}
              />
              </Suspense>
              )}
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
