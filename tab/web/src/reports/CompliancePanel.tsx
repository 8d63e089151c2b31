import { Body1, Caption1, Field, mergeClasses, MessageBar, MessageBarBody, ProgressBar, Select, Subtitle1 } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import type { ComplianceReportResponse, ReportFigures } from '../../../shared/reports';
import { formatDate, formatMonth } from '../../../shared/dates';
import { keys } from '../data/query-client';
import { useApiQuery } from '../data/use-api';
import { DataTable, type Column } from '../ui/DataTable';
import { QueryState } from '../ui/QueryState';
import { ScrollArea } from '../ui/ScrollArea';
import { LazyBarChart as ComplianceBarChart, LazyTrendChart as TrendLineChart } from './lazy-charts';
import { ExportButtons, Percent, useReportStyles } from './report-ui';

const BASIS: Record<string, string> = { snapshot: 'Snapshot taken that month', records: 'Worked out from the records', live: 'Today' };

function figureColumns<T extends ReportFigures>(threshold: number): Column<T>[] {
  const n = (v: number) => v.toLocaleString('en-GB');
  return [
    { key: 'required', header: 'Required', numeric: true, cell: (f) => n(f.required) },
    { key: 'compliant', header: 'Compliant', numeric: true, cell: (f) => n(f.compliant) },
    { key: 'overdue', header: 'Overdue', numeric: true, cell: (f) => n(f.overdue) },
    { key: 'percent', header: 'Compliance', cell: (f) => <Percent value={f.percent} below={f.belowThreshold} threshold={threshold} /> },
  ];
}

/** Compliance by subject, staff group and organisation unit, with the subject chart and (organisation only) the trend of the last 12 months. */
export function CompliancePanel({ onError }: { onError: (e: unknown) => void }) {
  const styles = useReportStyles();
  const id = useId();
  const [staffGroup, setStaffGroup] = useState('');
  const [orgUnit, setOrgUnit] = useState('');
  const [orgDepth, setOrgDepth] = useState('');
  const query = { staffGroup: staffGroup || undefined, orgUnit: orgUnit || undefined, orgDepth: orgDepth || undefined };
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1])).toString();
  const report = useApiQuery<ComplianceReportResponse>(keys.report('compliance', params), `/api/reports/compliance?${params}`, {
    // While the past months are being worked out, ask again every 2 s so the trend fills in.
    refetchInterval: (data) => (data?.history?.state === 'running' ? 2000 : false),
  });

  // Subject × staff group for the chosen units: the pivot of the report's cells.
  const pivot = useMemo(() => {
    const data = report.data;
    if (!data) return undefined;
    const groups = [...new Set(data.cells.map((c) => c.staffGroup))].sort();
    const rows = new Map<string, Map<string, { required: number; compliant: number }>>();
    for (const c of data.cells) {
      const row = rows.get(c.subject) ?? new Map();
      const cell = row.get(c.staffGroup) ?? { required: 0, compliant: 0 };
      cell.required += c.required;
      cell.compliant += c.compliant;
      row.set(c.staffGroup, cell);
      rows.set(c.subject, row);
    }
    return { groups, rows: [...rows].sort((a, b) => a[0].localeCompare(b[0])) };
  }, [report.data]);

  return (
    <QueryState query={report} label="the compliance report">
      {(data) => {
        const t = data.threshold;
        const pct = (c: { required: number; compliant: number }) => (c.required === 0 ? 100 : Math.floor((c.compliant * 1000) / c.required) / 10);
        const history = data.history;
        return (
          <div className={styles.section}>
            <div className={styles.toolbar}>
              <Field label="Staff group">
                <Select value={staffGroup} onChange={(_e, d) => setStaffGroup(d.value)}>
                  <option value="">All staff groups</option>
                  {data.filters.staffGroups.map((g) => (
                    <option key={g}>{g}</option>
                  ))}
                </Select>
              </Field>
              <Field label="Organisation unit">
                <Select value={orgUnit} onChange={(_e, d) => setOrgUnit(d.value)}>
                  <option value="">Whole {data.scope.kind === 'team' ? 'team' : 'organisation'}</option>
                  {data.filters.orgUnits.map((u) => (
                    <option key={u}>{u}</option>
                  ))}
                </Select>
              </Field>
              <Field label="Units shown down to">
                <Select value={orgDepth} onChange={(_e, d) => setOrgDepth(d.value)}>
                  <option value="">Every level</option>
                  {[1, 2, 3, 4, 5].map((n) => (
                    <option key={n} value={String(n)}>
                      Level {n}
                    </option>
                  ))}
                </Select>
              </Field>
              <ExportButtons report="compliance" query={query} label="compliance" onError={onError} />
            </div>
            <Body1 block as="p">
              <span className={styles.big}>
                <Percent value={data.overall.percent} below={data.overall.belowThreshold} threshold={t} />
              </span>{' '}
              of {data.overall.required.toLocaleString('en-GB')} requirements held in date by {data.people.toLocaleString('en-GB')} people ({data.scope.label}), as of {formatDate(data.asOf)}. {data.overall.overdue.toLocaleString('en-GB')} overdue. Threshold {t} %.
            </Body1>

            <div className={styles.two}>
              <ComplianceBarChart title="Compliance by subject" labels={data.bySubject.map((s) => s.subject)} values={data.bySubject.map((s) => s.percent)} threshold={t} />
              <DataTable
                label="Compliance by subject"
                rows={data.bySubject}
                rowKey={(s) => s.subjectId}
                columns={[{ key: 'subject', header: 'Subject', primary: true, cell: (s) => s.subject }, ...figureColumns<(typeof data.bySubject)[number]>(t)]}
              />
            </div>

            {data.trend.length > 0 && (
              <section aria-labelledby={`${id}-trend`} className={styles.section}>
                <Subtitle1 block as="h2" id={`${id}-trend`}>
                  Trend: the last 12 months
                </Subtitle1>
                <Caption1 block>
                  Each month&apos;s figure is as of its first day: a snapshot where one was taken that month, otherwise worked out from the stored records and history (drawn hollow). The last point is today&apos;s live figure.
                </Caption1>
                {history?.state === 'running' && (
                  <Field label={`Working out the months before the first snapshot from the records: ${history.done.toLocaleString('en-GB')} of ${history.total.toLocaleString('en-GB')} people`}>
                    <ProgressBar value={history.total ? history.done / history.total : 0} />
                  </Field>
                )}
                {history?.state === 'failed' && (
                  <MessageBar intent="warning">
                    <MessageBarBody>The months before the first snapshot could not be worked out this time; they will be tried again on the next report.</MessageBarBody>
                  </MessageBar>
                )}
                <div className={styles.two}>
                  <TrendLineChart
                    title="Overall compliance by month"
                    labels={data.trend.map((p) => (p.live ? `${formatMonth(p.month)} (now)` : formatMonth(p.month)))}
                    values={data.trend.map((p) => p.percent)}
                    hollow={data.trend.map((p) => p.basis === 'records')}
                    threshold={t}
                  />
                  <DataTable
                    label="Overall compliance by month"
                    rows={data.trend}
                    rowKey={(p) => p.month}
                    columns={[
                      { key: 'month', header: 'Month', primary: true, cell: (p) => (p.live ? `${formatMonth(p.month)} (now)` : formatMonth(p.month)) },
                      { key: 'as-of', header: 'As of', cell: (p) => formatDate(p.takenOn) },
                      { key: 'basis', header: 'How', cell: (p) => BASIS[p.basis] ?? p.basis },
                      { key: 'people', header: 'People', numeric: true, cell: (p) => p.people.toLocaleString('en-GB') },
                      { key: 'percent', header: 'Compliance', cell: (p) => <Percent value={p.percent} below={p.percent < t} threshold={t} /> },
                    ]}
                  />
                </div>
              </section>
            )}

            {pivot && (
              <section aria-labelledby={`${id}-pivot`} className={styles.section}>
                <Subtitle1 block as="h2" id={`${id}-pivot`}>
                  Subject × staff group{orgUnit ? ` in ${orgUnit}` : ''}
                </Subtitle1>
                <ScrollArea label={`Compliance by subject and staff group${orgUnit ? ` in ${orgUnit}` : ''}, scrolls sideways`}>
                  <table aria-label={`Compliance by subject and staff group${orgUnit ? ` in ${orgUnit}` : ''}`}>
                    <thead>
                      <tr>
                        <th scope="col" className={styles.sticky}>
                          Subject
                        </th>
                        {pivot.groups.map((g) => (
                          <th key={g} scope="col" className={styles.cell}>
                            {g}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {pivot.rows.map(([subject, row]) => (
                        <tr key={subject}>
                          <th scope="row" className={styles.sticky}>
                            {subject}
                          </th>
                          {pivot.groups.map((g) => {
                            const cell = row.get(g);
                            if (!cell || cell.required === 0) return <td key={g} className={styles.cell}>—</td>;
                            const p = pct(cell);
                            return (
                              <td key={g} className={mergeClasses(styles.cell, p < t && styles.below)}>
                                <Percent value={p} below={p < t} threshold={t} /> <Caption1>({cell.compliant}/{cell.required})</Caption1>
                              </td>
                            );
                          })}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollArea>
              </section>
            )}

            <div className={styles.two}>
              <section aria-labelledby={`${id}-groups`} className={styles.section}>
                <Subtitle1 block as="h2" id={`${id}-groups`}>
                  By staff group
                </Subtitle1>
                <DataTable label="Compliance by staff group" rows={data.byStaffGroup} rowKey={(g) => g.staffGroup} columns={[{ key: 'name', header: 'Staff group', primary: true, cell: (g) => g.staffGroup }, ...figureColumns<(typeof data.byStaffGroup)[number]>(t)]} />
              </section>
              <section aria-labelledby={`${id}-units`} className={styles.section}>
                <Subtitle1 block as="h2" id={`${id}-units`}>
                  By organisation unit
                </Subtitle1>
                <DataTable label="Compliance by organisation unit" rows={data.byOrgUnit} rowKey={(u) => u.orgUnit} columns={[{ key: 'name', header: 'Organisation unit', primary: true, cell: (u) => u.orgUnit }, ...figureColumns<(typeof data.byOrgUnit)[number]>(t)]} />
              </section>
            </div>
          </div>
        );
      }}
    </QueryState>
  );
}
