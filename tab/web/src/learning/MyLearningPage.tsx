import { Body1, Button, Caption1, Card, Link, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Title2 } from '@fluentui/react-components';
import { useState } from 'react';
import { COMPLETION_METHOD_NAMES, type MyLearningView } from '../../../shared/learning-api';
import { LearningActionDialog, type ActionMode } from './LearningActions';
import { formatDate, formatInstant, Loading, OutcomeBar, StateBadge, StatusBadge, useApi, type Outcome } from './ui';
import { BringPassportPanel } from '../passport/BringPassportPanel';
import { PassportPanel } from '../passport/PassportPanel';

const REQUEST_KIND: Record<string, string> = { extension: 'Extension', exemption: 'Exemption', evidence: 'Certificate verification' };

/** The learner's own page: what is due and when, what they hold, what they asked for, and the bot's actions. */
export default function MyLearningPage() {
  const { data, error, reload } = useApi<MyLearningView>('/api/learning/me');
  const [action, setAction] = useState<{ mode: ActionMode; subjectId?: string }>();
  const [outcome, setOutcome] = useState<Outcome>();

  return (
    <main className="page" aria-labelledby="my-learning-title">
      <Title2 as="h1" id="my-learning-title">
        My learning
      </Title2>
      <Loading data={data} error={error} label="your learning">
        {() => {
          const view = data!;
          const s = view.summary;
          return (
            <>
              <Body1 as="p">
                {view.name} · {view.roles.join(', ') || 'no current role'} · as of {formatDate(view.asOf)}
              </Body1>
              <section aria-label="At a glance" className="glance">
                <Card><Subtitle2 as="p">{s.percent}%</Subtitle2><Caption1>in date ({s.compliant} of {s.required})</Caption1></Card>
                <Card><Subtitle2 as="p">{s.overdue}</Subtitle2><Caption1>overdue</Caption1></Card>
                <Card><Subtitle2 as="p">{s.dueSoon}</Subtitle2><Caption1>due soon</Caption1></Card>
                <Card><Subtitle2 as="p">{formatDate(s.nextDueDate)}</Subtitle2><Caption1>next due</Caption1></Card>
              </section>
              <div className="toolbar" role="toolbar" aria-label="Actions">
                <Button appearance="primary" onClick={() => setAction({ mode: 'record' })}>Record a completion</Button>
                <Button onClick={() => setAction({ mode: 'certificate' })}>Bring a certificate</Button>
                <Button onClick={() => setAction({ mode: 'extension' })}>Ask for an extension</Button>
                <Button onClick={() => setAction({ mode: 'exemption' })}>Ask for an exemption</Button>
              </div>
              <OutcomeBar outcome={outcome} />
              <section aria-labelledby="due-title">
                <Subtitle2 as="h2" id="due-title">What my roles require</Subtitle2>
                <Table aria-labelledby="due-title" size="small">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>Topic</TableHeaderCell>
                      <TableHeaderCell>Status</TableHeaderCell>
                      <TableHeaderCell>Due</TableHeaderCell>
                      <TableHeaderCell>Last completed</TableHeaderCell>
                      <TableHeaderCell>Required by</TableHeaderCell>
                      <TableHeaderCell>Actions</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {view.items.map((item) => (
                      <TableRow key={item.subjectId} data-subject={item.subjectId}>
                        <TableCell>
                          {item.link ? <Link href={item.link} target="_blank" rel="noreferrer">{item.label}</Link> : item.label}
                        </TableCell>
                        <TableCell><StatusBadge status={item.status} /></TableCell>
                        <TableCell>
                          {formatDate(item.dueDate)}
                          {item.extendedTo && <Caption1> (extended)</Caption1>}
                          {item.absence && <Caption1> (moved: {item.absence.kind} leave)</Caption1>}
                        </TableCell>
                        <TableCell>
                          {item.heldRecord ? `${formatDate(item.heldRecord.completedOn)}, ${COMPLETION_METHOD_NAMES[item.heldRecord.method] ?? item.heldRecord.method}` : 'Not held'}
                        </TableCell>
                        <TableCell>{item.roles.join(', ')}</TableCell>
                        <TableCell>
                          {item.recordable.length > 0 && (
                            <Button size="small" appearance="subtle" aria-label={`Record ${item.label}`} onClick={() => setAction({ mode: 'record', subjectId: item.subjectId })}>Record</Button>
                          )}
                          {item.dueDate && item.status !== 'exempt' && (
                            <Button size="small" appearance="subtle" aria-label={`Extend ${item.label}`} onClick={() => setAction({ mode: 'extension', subjectId: item.subjectId })}>Extend</Button>
                          )}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </section>
              <section aria-labelledby="requests-title">
                <Subtitle2 as="h2" id="requests-title">My requests</Subtitle2>
                {view.requests.length === 0 ? (
                  <Body1 as="p">You have not asked for anything.</Body1>
                ) : (
                  <Table aria-labelledby="requests-title" size="small">
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell>Request</TableHeaderCell>
                        <TableHeaderCell>Topic</TableHeaderCell>
                        <TableHeaderCell>State</TableHeaderCell>
                        <TableHeaderCell>Details</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {view.requests.map((r) => (
                        <TableRow key={`${r.kind}-${r.id}`}>
                          <TableCell>{REQUEST_KIND[r.kind]}<br /><Caption1>{formatInstant(r.requestedAt)}</Caption1></TableCell>
                          <TableCell>{r.subject}</TableCell>
                          <TableCell><StateBadge state={r.state} /></TableCell>
                          <TableCell>
                            {r.requestedDate && <>From {formatDate(r.currentDueDate)} to {formatDate(r.requestedDate)}. </>}
                            {r.reason}
                            {r.decidedBy && <> · decided by {r.decidedBy}</>}
                            {r.comment && <> · “{r.comment}”</>}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                )}
              </section>
              <section aria-labelledby="history-title">
                <Subtitle2 as="h2" id="history-title">History of records and certificates</Subtitle2>
                <Table aria-labelledby="history-title" size="small">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>Topic</TableHeaderCell>
                      <TableHeaderCell>Completed</TableHeaderCell>
                      <TableHeaderCell>How</TableHeaderCell>
                      <TableHeaderCell>Source</TableHeaderCell>
                      <TableHeaderCell>Valid until</TableHeaderCell>
                      <TableHeaderCell>Counts</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {view.history.map((r) => (
                      <TableRow key={r.id}>
                        <TableCell>{r.label}</TableCell>
                        <TableCell>{formatDate(r.completedOn)}</TableCell>
                        <TableCell>{COMPLETION_METHOD_NAMES[r.method] ?? r.method}</TableCell>
                        <TableCell>{r.source}</TableCell>
                        <TableCell>{r.expiresOn === null ? 'Never expires' : formatDate(r.expiresOn)}</TableCell>
                        <TableCell>
                          <StateBadge state={r.verification} />
                          {r.rejectedReason && <Caption1> {r.rejectedReason}</Caption1>}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </section>
              <PassportPanel view={view} />
              <BringPassportPanel onPresented={() => void reload()} />
              <LearningActionDialog
                view={view}
                mode={action?.mode}
                {...(action?.subjectId ? { subjectId: action.subjectId } : {})}
                onClose={() => setAction(undefined)}
                onDone={(o) => {
                  setAction(undefined);
                  setOutcome(o);
                  void reload();
                }}
              />
            </>
          );
        }}
      </Loading>
    </main>
  );
}
