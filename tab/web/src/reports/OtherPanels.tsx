import { Body1, Caption1, Input, Label, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { Problem } from '../shell/Problem';
import type { DnaReportResponse, FeedbackReportResponse, UnreachableReportResponse } from '../../../shared/reports';
import { ExportButtons, useApi, useReportStyles } from './report-ui';

/** Did-not-attend records in a date range: who, which session, why, and the plan agreed. */
export function DnaPanel({ onError }: { onError: (e: unknown) => void }) {
  const styles = useReportStyles();
  const id = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const params = new URLSearchParams(Object.entries({ from, to }).filter((e) => /^\d{4}-\d{2}-\d{2}$/.test(e[1])));
  const { data, error } = useApi<DnaReportResponse>(`/api/reports/dna?${params.toString()}`);
  return (
    <div className={styles.section}>
      <div className={styles.toolbar}>
        <div>
          <Label htmlFor={`${id}-from`}>Sessions from</Label>
          <Input id={`${id}-from`} type="date" value={from} onChange={(_e, d) => setFrom(d.value)} />
        </div>
        <div>
          <Label htmlFor={`${id}-to`}>to</Label>
          <Input id={`${id}-to`} type="date" value={to} onChange={(_e, d) => setTo(d.value)} />
        </div>
        <ExportButtons report="dna" query={{ from: params.get('from') ?? undefined, to: params.get('to') ?? undefined }} label="did-not-attend" onError={onError} />
      </div>
      {error !== undefined && <Problem error={error} title="Could not load the did-not-attend report" />}
      {!data && !error && <Spinner label="Loading" />}
      {data && (
        <>
          <Body1 as="p">
            {data.rows.length} did-not-attend record(s) for sessions from {data.from} to {data.to} ({data.scope.label}).
            {data.bySubject.length > 0 && ` Most by topic: ${data.bySubject.slice(0, 3).map((s) => `${s.subject} (${s.count})`).join(', ')}.`}
          </Body1>
          <div className={styles.scroll}>
            <Table aria-label="Did-not-attend records" size="small">
              <TableHeader>
                <TableRow>
                  {['Session', 'Person', 'Unit', 'Subject', 'Reason', 'Plan agreed', 'Recorded by'].map((h) => (
                    <TableHeaderCell key={h}>{h}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.rows.map((r, i) => (
                  <TableRow key={`${r.staffId}-${r.sessionDate}-${i}`}>
                    <TableCell>{r.sessionDate}</TableCell>
                    <TableCell>{r.name}</TableCell>
                    <TableCell>{r.orgUnit}</TableCell>
                    <TableCell>{r.subject}</TableCell>
                    <TableCell>{r.reason}</TableCell>
                    <TableCell>{r.plan || '—'}</TableCell>
                    <TableCell>{r.recordedByName}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </div>
  );
}

/** Ratings per topic for its subject matter expert, with the latest comments (no names). */
export function FeedbackPanel({ onError }: { onError: (e: unknown) => void }) {
  const styles = useReportStyles();
  const { data, error } = useApi<FeedbackReportResponse>('/api/reports/feedback');
  if (error) return <Problem error={error} title="Could not load feedback" />;
  if (!data) return <Spinner label="Loading" />;
  const n = (v: number | null) => (v === null ? '—' : v.toFixed(1));
  return (
    <div className={styles.section}>
      <div className={styles.toolbar}>
        <ExportButtons report="feedback" label="feedback" onError={onError} />
      </div>
      <Table aria-label="Feedback per topic" size="small">
        <TableHeader>
          <TableRow>
            {['Subject', 'Responses', 'Relevance (1–5)', 'Accessibility (1–5)', 'Effectiveness (1–5)', 'Latest comments'].map((h) => (
              <TableHeaderCell key={h}>{h}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.subjects.map((s) => (
            <TableRow key={s.subjectId}>
              <TableCell>{s.subject}</TableCell>
              <TableCell className={styles.num}>{s.responses}</TableCell>
              <TableCell className={styles.num}>{n(s.relevance)}</TableCell>
              <TableCell className={styles.num}>{n(s.accessibility)}</TableCell>
              <TableCell className={styles.num}>{n(s.effectiveness)}</TableCell>
              <TableCell>
                {s.comments.length ? (
                  <ul style={{ margin: 0, paddingLeft: 16 }}>
                    {s.comments.map((c) => (
                      <li key={c.givenAt + c.text}>
                        {c.text} <Caption1>({c.givenAt.slice(0, 10)})</Caption1>
                      </li>
                    ))}
                  </ul>
                ) : (
                  '—'
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** People the bot cannot remind: no Teams account linked, never opened the app, or the chat is gone. */
export function UnreachablePanel({ onError }: { onError: (e: unknown) => void }) {
  const styles = useReportStyles();
  const { data, error } = useApi<UnreachableReportResponse>('/api/reports/unreachable');
  if (error) return <Problem error={error} title="Could not load who is not reachable" />;
  if (!data) return <Spinner label="Loading" />;
  return (
    <div className={styles.section}>
      <div className={styles.toolbar}>
        <ExportButtons report="unreachable" label="the list" onError={onError} />
      </div>
      <Body1 as="p">
        {data.total.toLocaleString('en-GB')} of {data.people.toLocaleString('en-GB')} people cannot be reached in Teams ({data.scope.label}): {data.counts['no-teams-account']} not linked to a Teams account,{' '}
        {data.counts['no-conversation']} have never opened the app, {data.counts['conversation-gone']} removed it or lost the chat.
        {data.truncated && ` The first ${data.rows.length.toLocaleString('en-GB')} are listed; the export has everyone.`}
      </Body1>
      <div className={styles.scroll}>
        <Table aria-label="People not reachable in Teams" size="small">
          <TableHeader>
            <TableRow>
              {['Name', 'Staff number', 'Staff group', 'Unit', 'Why', 'Since'].map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.rows.map((r) => (
              <TableRow key={r.staffId}>
                <TableCell>{r.name}</TableCell>
                <TableCell>{r.staffId}</TableCell>
                <TableCell>{r.staffGroup}</TableCell>
                <TableCell>{r.orgUnit}</TableCell>
                <TableCell>{r.reasonText}</TableCell>
                <TableCell>{r.since ? r.since.slice(0, 10) : '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
