import { Body1, Button, Caption1, Field, Input, Select, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Textarea, Title2 } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { apiFetch } from '../api';
import { STATUS_NAMES, type DecisionAnswer, type MatrixCellView, type MatrixStatus, type TeamView } from '../../../shared/learning-api';
import { attempt, formatDate, formatInstant, Loading, OutcomeBar, StatusBadge, useApi, type Outcome } from './ui';
import { PassportMarker } from '../passport/PassportMarker';

const SHORT: Record<MatrixStatus, string> = { overdue: 'Overdue', 'due-soon': 'Due soon', 'not-completed': 'To do', extended: 'Extended', 'in-date': 'In date', exempt: 'Exempt', 'held-not-required': 'Held' };
const COLOUR_WORD: Record<string, string> = { red: 'red', amber: 'amber', green: 'green', blue: 'blue', exempt: 'grey' };
type Filter = 'all' | 'overdue' | 'not-compliant' | 'away';

function Cell({ cell }: { cell: MatrixCellView | undefined }) {
  if (!cell) return <Caption1>Not required</Caption1>;
  const date = cell.status === 'held-not-required' || cell.status === 'in-date' ? cell.heldUntil : cell.dueDate;
  return (
    <span title={`${STATUS_NAMES[cell.status]} (${COLOUR_WORD[cell.colour]})`}>
      <StatusBadge status={cell.status} label={SHORT[cell.status]} />
      {date !== undefined && <Caption1> {date === null ? 'no expiry' : formatDate(date)}</Caption1>}
      {cell.source && <PassportMarker source={cell.source} />}
    </span>
  );
}

/** A manager's team: the compliance matrix, who is overdue, extension requests to decide, and did-not-attend records. */
export default function TeamPage() {
  const { data, error, reload } = useApi<TeamView>('/api/team');
  const [outcome, setOutcome] = useState<Outcome>();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [subject, setSubject] = useState('');
  const [comments, setComments] = useState<Record<string, string>>({});
  const [dna, setDna] = useState({ staffId: '', subjectId: '', sessionDate: '', reason: '', plan: '' });

  const members = useMemo(() => {
    if (!data) return [];
    const q = query.trim().toLowerCase();
    return data.members.filter((m) => {
      if (q && !m.name.toLowerCase().includes(q)) return false;
      const cells = subject ? m.cells.filter((c) => c.subjectId === subject) : m.cells;
      if (filter === 'overdue') return cells.some((c) => c.status === 'overdue');
      if (filter === 'not-compliant') return cells.some((c) => c.colour === 'red' || c.colour === 'amber');
      if (filter === 'away') return m.away;
      return true;
    });
  }, [data, query, filter, subject]);

  const decide = async (learnerId: string, requestId: string, decision: 'approve' | 'decline') => {
    await attempt(() => apiFetch<DecisionAnswer>(`/api/team/extensions/${learnerId}/${requestId}/decision`, { body: { decision, ...(comments[requestId] ? { comment: comments[requestId] } : {}) } }), setOutcome);
    await reload();
  };

  const recordDna = async () => {
    const ok = await attempt(() => apiFetch('/api/team/dna', { body: { ...dna, ...(dna.plan ? {} : { plan: undefined }) } }), setOutcome);
    if (ok) setDna({ staffId: '', subjectId: '', sessionDate: '', reason: '', plan: '' });
    await reload();
  };

  return (
    <main className="page" aria-labelledby="team-title">
      <Title2 as="h1" id="team-title">
        My team
      </Title2>
      <Loading data={data} error={error} label="your team">
        {() => {
          const view = data!;
          if (view.members.length === 0) return <Body1 as="p">You have nobody in your team on record. If you manage people, ask learning and development to record you as their line manager.</Body1>;
          const shown = subject ? view.subjects.filter((s) => s.id === subject) : view.subjects;
          const overdue = view.members.flatMap((m) => m.cells.filter((c) => c.status === 'overdue').map((c) => ({ member: m, cell: c })));
          const subjectName = (id: string) => view.subjects.find((s) => s.id === id)?.name ?? id;
          return (
            <>
              <OutcomeBar outcome={outcome} />
              <section aria-labelledby="matrix-title">
                <Subtitle2 as="h2" id="matrix-title">Compliance matrix</Subtitle2>
                <div className="toolbar" role="search" aria-label="Filter the matrix">
                  <Field label="Name">
                    <Input value={query} onChange={(_e, d) => setQuery(d.value)} />
                  </Field>
                  <Field label="Show">
                    <Select value={filter} onChange={(_e, d) => setFilter(d.value as Filter)}>
                      <option value="all">Everyone</option>
                      <option value="overdue">Anyone overdue</option>
                      <option value="not-compliant">Anyone with something to do</option>
                      <option value="away">People away</option>
                    </Select>
                  </Field>
                  <Field label="Topic">
                    <Select value={subject} onChange={(_e, d) => setSubject(d.value)}>
                      <option value="">All topics</option>
                      {view.subjects.map((s) => (
                        <option key={s.id} value={s.id}>{s.name}</option>
                      ))}
                    </Select>
                  </Field>
                </div>
                <ul className="legend" aria-label="Key">
                  {(['overdue', 'due-soon', 'not-completed', 'extended', 'in-date', 'held-not-required', 'exempt'] as MatrixStatus[]).map((s) => (
                    <li key={s}><StatusBadge status={s} label={`${SHORT[s]}: ${STATUS_NAMES[s].toLowerCase()}`} /></li>
                  ))}
                </ul>
                <div className="matrix-wrap" tabIndex={0} role="region" aria-label="Compliance matrix, scrolls sideways">
                  <Table className="matrix" aria-label={`Compliance matrix: ${members.length} of ${view.members.length} people`} size="small">
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell scope="col">Person</TableHeaderCell>
                        <TableHeaderCell scope="col">In date</TableHeaderCell>
                        {shown.map((s) => (
                          <TableHeaderCell key={s.id} scope="col">{s.name}</TableHeaderCell>
                        ))}
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {members.map((m) => (
                        <TableRow key={m.staffId} data-staff={m.staffId}>
                          <TableCell>
                            {m.name}
                            <br />
                            <Caption1>{m.roles.join(', ')}{m.away ? ' · away' : ''}</Caption1>
                          </TableCell>
                          <TableCell>{m.percent}%</TableCell>
                          {shown.map((s) => (
                            <TableCell key={s.id} data-subject={s.id}><Cell cell={m.cells.find((c) => c.subjectId === s.id)} /></TableCell>
                          ))}
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              </section>
              <section aria-labelledby="overdue-title">
                <Subtitle2 as="h2" id="overdue-title">Overdue ({overdue.length})</Subtitle2>
                {overdue.length === 0 ? <Body1 as="p">Nobody is overdue.</Body1> : (
                  <ul>
                    {overdue.map(({ member, cell }) => (
                      <li key={`${member.staffId}-${cell.subjectId}`}>{member.name}: {subjectName(cell.subjectId)}, due {formatDate(cell.dueDate)}</li>
                    ))}
                  </ul>
                )}
              </section>
              <section aria-labelledby="pending-title">
                <Subtitle2 as="h2" id="pending-title">Extension requests to decide ({view.pending.length})</Subtitle2>
                {view.pending.length === 0 ? <Body1 as="p">Nothing is waiting for your decision.</Body1> : (
                  <Table aria-labelledby="pending-title" size="small">
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell>Who</TableHeaderCell>
                        <TableHeaderCell>Topic</TableHeaderCell>
                        <TableHeaderCell>Dates</TableHeaderCell>
                        <TableHeaderCell>Reason</TableHeaderCell>
                        <TableHeaderCell>Decision</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {view.pending.map((p) => (
                        <TableRow key={p.requestId}>
                          <TableCell>{p.learnerName}<br /><Caption1>asked {formatInstant(p.requestedAt)}</Caption1></TableCell>
                          <TableCell>{p.subject}</TableCell>
                          <TableCell>from {formatDate(p.currentDueDate)} to {formatDate(p.requestedDate)}</TableCell>
                          <TableCell>{p.reason}</TableCell>
                          <TableCell>
                            <Field label={`Comment to ${p.learnerName} (optional)`}>
                              <Input value={comments[p.requestId] ?? ''} onChange={(_e, d) => setComments({ ...comments, [p.requestId]: d.value })} maxLength={500} />
                            </Field>
                            <Button appearance="primary" aria-label={`Approve ${p.learnerName}'s extension for ${p.subject}`} onClick={() => void decide(p.learnerId, p.requestId, 'approve')}>Approve</Button>{' '}
                            <Button aria-label={`Decline ${p.learnerName}'s extension for ${p.subject}`} onClick={() => void decide(p.learnerId, p.requestId, 'decline')}>Decline</Button>
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                )}
              </section>
              <section aria-labelledby="dna-title">
                <Subtitle2 as="h2" id="dna-title">Did not attend</Subtitle2>
                {view.dna.length === 0 ? <Body1 as="p">No non-attendance recorded.</Body1> : (
                  <Table aria-labelledby="dna-title" size="small">
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell>Who</TableHeaderCell>
                        <TableHeaderCell>Topic</TableHeaderCell>
                        <TableHeaderCell>Session</TableHeaderCell>
                        <TableHeaderCell>Reason and plan</TableHeaderCell>
                        <TableHeaderCell>Recorded by</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {view.dna.map((d) => (
                        <TableRow key={d.id}>
                          <TableCell>{d.learnerName}</TableCell>
                          <TableCell>{d.subject}</TableCell>
                          <TableCell>{formatDate(d.sessionDate)}</TableCell>
                          <TableCell>{d.reason}{d.plan ? ` · plan: ${d.plan}` : ''}</TableCell>
                          <TableCell>{d.recordedBy}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                )}
                <form
                  className="form-grid"
                  aria-label="Record did not attend"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void recordDna();
                  }}
                >
                  <Subtitle2 as="h3">Record did not attend</Subtitle2>
                  <div className="toolbar">
                    <Field label="Who" required>
                      <Select value={dna.staffId} onChange={(_e, d) => setDna({ ...dna, staffId: d.value })}>
                        <option value="">Choose…</option>
                        {view.members.map((m) => <option key={m.staffId} value={m.staffId}>{m.name}</option>)}
                      </Select>
                    </Field>
                    <Field label="Session topic" required>
                      <Select value={dna.subjectId} onChange={(_e, d) => setDna({ ...dna, subjectId: d.value })}>
                        <option value="">Choose…</option>
                        {view.subjects.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
                      </Select>
                    </Field>
                    <Field label="Session date" required>
                      <Input type="date" max={view.asOf} value={dna.sessionDate} onChange={(_e, d) => setDna({ ...dna, sessionDate: d.value })} />
                    </Field>
                  </div>
                  <Field label="Reason" required>
                    <Input value={dna.reason} onChange={(_e, d) => setDna({ ...dna, reason: d.value })} maxLength={500} />
                  </Field>
                  <Field label="Plan agreed (optional)">
                    <Textarea value={dna.plan} onChange={(_e, d) => setDna({ ...dna, plan: d.value })} maxLength={500} />
                  </Field>
                  <div><Button type="submit">Record it</Button></div>
                </form>
              </section>
            </>
          );
        }}
      </Loading>
    </main>
  );
}
