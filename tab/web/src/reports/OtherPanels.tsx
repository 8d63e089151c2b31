import { Body1, Caption1 } from '@fluentui/react-components';
import { useState } from 'react';
import type { DnaReportResponse, FeedbackReportResponse, UnreachableReportResponse } from '../../../shared/reports';
import { formatDate, formatInstant } from '../../../shared/dates';
import { keys } from '../data/query-client';
import { useApiQuery } from '../data/use-api';
import { DataTable } from '../ui/DataTable';
import { DateInput } from '../ui/DateInput';
import { QueryState } from '../ui/QueryState';
import { useLayout } from '../ui/styles';
import { ExportButtons, useReportStyles } from './report-ui';

/** Did-not-attend records in a date range: who, which session, why, and the plan agreed. */
export function DnaPanel({ onError }: { onError: (e: unknown) => void }) {
  const styles = useReportStyles();
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string>();
  const params = new URLSearchParams(Object.entries({ from, to }).filter((e): e is [string, string] => !!e[1])).toString();
  const report = useApiQuery<DnaReportResponse>(keys.report('dna', params), `/api/reports/dna?${params}`);
  return (
    <div className={styles.section}>
      <div className={styles.toolbar}>
        <DateInput label="Sessions from" value={from} onChange={setFrom} />
        <DateInput label="to" value={to} onChange={setTo} />
        <ExportButtons report="dna" query={{ from, to }} label="did-not-attend" onError={onError} />
      </div>
      <QueryState query={report} label="the did-not-attend report">
        {(data) => (
          <>
            <Body1 block as="p">
              {data.rows.length} did-not-attend record(s) for sessions from {formatDate(data.from)} to {formatDate(data.to)} ({data.scope.label}).
              {data.bySubject.length > 0 && ` Most by topic: ${data.bySubject.slice(0, 3).map((s) => `${s.subject} (${s.count})`).join(', ')}.`}
            </Body1>
            <DataTable
              label="Did-not-attend records"
              rows={data.rows}
              rowKey={(r) => `${r.staffId}-${r.sessionDate}-${r.subjectId}-${r.recordedAt}`}
              empty={<Body1 block as="p">No non-attendance in these dates.</Body1>}
              columns={[
                { key: 'person', header: 'Person', primary: true, cell: (r) => r.name },
                { key: 'session', header: 'Session', cell: (r) => formatDate(r.sessionDate) },
                { key: 'unit', header: 'Unit', cell: (r) => r.orgUnit },
                { key: 'subject', header: 'Subject', cell: (r) => r.subject },
                { key: 'reason', header: 'Reason', cell: (r) => r.reason },
                { key: 'plan', header: 'Plan agreed', cell: (r) => r.plan || '—' },
                { key: 'by', header: 'Recorded by', cell: (r) => r.recordedByName },
              ]}
            />
          </>
        )}
      </QueryState>
    </div>
  );
}

/** Ratings per topic for its subject matter expert, with the latest comments (no names). */
export function FeedbackPanel({ onError }: { onError: (e: unknown) => void }) {
  const styles = useReportStyles();
  const layout = useLayout();
  const report = useApiQuery<FeedbackReportResponse>(keys.report('feedback', ''), '/api/reports/feedback');
  const n = (v: number | null) => (v === null ? '—' : v.toFixed(1));
  return (
    <div className={styles.section}>
      <div className={styles.toolbar}>
        <ExportButtons report="feedback" label="feedback" onError={onError} />
      </div>
      <QueryState query={report} label="feedback">
        {(data) => (
          <DataTable
            label="Feedback per topic"
            rows={data.subjects}
            rowKey={(s) => s.subjectId}
            columns={[
              { key: 'subject', header: 'Subject', primary: true, cell: (s) => s.subject },
              { key: 'responses', header: 'Responses', numeric: true, cell: (s) => s.responses },
              { key: 'relevance', header: 'Relevance (1–5)', numeric: true, cell: (s) => n(s.relevance) },
              { key: 'accessibility', header: 'Accessibility (1–5)', numeric: true, cell: (s) => n(s.accessibility) },
              { key: 'effectiveness', header: 'Effectiveness (1–5)', numeric: true, cell: (s) => n(s.effectiveness) },
              {
                key: 'comments',
                header: 'Latest comments',
                cell: (s) =>
                  s.comments.length ? (
                    <ul className={layout.plainList}>
                      {s.comments.map((c) => (
                        <li key={c.givenAt + c.text}>
                          {c.text} <Caption1>({formatDate(c.givenAt.slice(0, 10))})</Caption1>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </div>
  );
}

/** People the bot cannot remind: no Teams account linked, never opened the app, or the chat is gone. */
export function UnreachablePanel({ onError }: { onError: (e: unknown) => void }) {
  const styles = useReportStyles();
  const report = useApiQuery<UnreachableReportResponse>(keys.report('unreachable', ''), '/api/reports/unreachable');
  return (
    <div className={styles.section}>
      <div className={styles.toolbar}>
        <ExportButtons report="unreachable" label="the list" onError={onError} />
      </div>
      <QueryState query={report} label="who is not reachable">
        {(data) => (
          <>
            <Body1 block as="p">
              {data.total.toLocaleString('en-GB')} of {data.people.toLocaleString('en-GB')} people cannot be reached in Teams ({data.scope.label}): {data.counts['no-teams-account']} not linked to a Teams account, {data.counts['no-conversation']} have never opened the app,{' '}
              {data.counts['conversation-gone']} removed it or lost the chat.
              {data.truncated && ` The first ${data.rows.length.toLocaleString('en-GB')} are listed; the export has everyone.`}
            </Body1>
            <DataTable
              label="People not reachable in Teams"
              rows={data.rows}
              rowKey={(r) => r.staffId}
              columns={[
                { key: 'name', header: 'Name', primary: true, cell: (r) => r.name },
                { key: 'number', header: 'Staff number', cell: (r) => r.staffId },
                { key: 'group', header: 'Staff group', cell: (r) => r.staffGroup },
                { key: 'unit', header: 'Unit', cell: (r) => r.orgUnit },
                { key: 'why', header: 'Why', cell: (r) => r.reasonText },
                { key: 'since', header: 'Since', cell: (r) => (r.since ? formatInstant(r.since) : '—') },
              ]}
            />
          </>
        )}
      </QueryState>
    </div>
  );
}
