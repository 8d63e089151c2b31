import { Body1, Caption1, Label, Select, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Title3 } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import { Problem } from '../shell/Problem';
import type { ComplianceReportResponse, ReportFigures } from '../../../shared/reports';
import { ComplianceBarChart, TrendLineChart } from './charts';
import { ExportButtons, Percent, useApi, useReportStyles } from './report-ui';

function FigureCells({ f, threshold, className }: { f: ReportFigures; threshold: number; className: string }) {
  return (
    <>
      <TableCell className={className}>{f.required.toLocaleString('en-GB')}</TableCell>
      <TableCell className={className}>{f.compliant.toLocaleString('en-GB')}</TableCell>
      <TableCell className={className}>{f.overdue.toLocaleString('en-GB')}</TableCell>
      <TableCell>
        <Percent value={f.percent} below={f.belowThreshold} threshold={threshold} />
      </TableCell>
    </>
  );
}

const FIGURE_HEADERS = ['Required', 'Compliant', 'Overdue', 'Compliance'];

/** Compliance by subject, staff group and organisation unit, with the subject chart and (organisation only) the monthly trend. */
export function CompliancePanel({ onError }: { onError: (e: unknown) => void }) {
  const styles = useReportStyles();
  const id = useId();
  const [staffGroup, setStaffGroup] = useState('');
  const [orgUnit, setOrgUnit] = useState('');
  const [orgDepth, setOrgDepth] = useState('');
  const query = { staffGroup: staffGroup || undefined, orgUnit: orgUnit || undefined, orgDepth: orgDepth || undefined };
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1]));
  const { data, error, loading } = useApi<ComplianceReportResponse>(`/api/reports/compliance?${params.toString()}`);

  // Subject × staff group for the chosen units: the pivot of the report's cells.
  const pivot = useMemo(() => {
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
  }, [data]);

  if (error) return <Problem error={error} title="Could not load the compliance report" />;
  if (!data) return <Spinner label="Working out compliance" />;
  const t = data.threshold;
  const pct = (c: { required: number; compliant: number }) => (c.required === 0 ? 100 : Math.floor((c.compliant * 1000) / c.required) / 10);

  return (
    <div className={styles.section}>
      <div className={styles.toolbar}>
        <div>
          <Label htmlFor={`${id}-group`}>Staff group</Label>
          <Select id={`${id}-group`} value={staffGroup} onChange={(_e, d) => setStaffGroup(d.value)}>
            <option value="">All staff groups</option>
            {data.filters.staffGroups.map((g) => (
              <option key={g}>{g}</option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor={`${id}-unit`}>Organisation unit</Label>
          <Select id={`${id}-unit`} value={orgUnit} onChange={(_e, d) => setOrgUnit(d.value)}>
            <option value="">Whole {data.scope.kind === 'team' ? 'team' : 'organisation'}</option>
            {data.filters.orgUnits.map((u) => (
              <option key={u}>{u}</option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor={`${id}-depth`}>Units shown down to</Label>
          <Select id={`${id}-depth`} value={orgDepth} onChange={(_e, d) => setOrgDepth(d.value)}>
            <option value="">Every level</option>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={String(n)}>
                Level {n}
              </option>
            ))}
          </Select>
        </div>
        <ExportButtons report="compliance" query={query} label="compliance" onError={onError} />
        {loading && <Spinner size="tiny" label="Updating" />}
      </div>
      <Body1 as="p">
        <span className={styles.big}>
          <Percent value={data.overall.percent} below={data.overall.belowThreshold} threshold={t} />
        </span>{' '}
        of {data.overall.required.toLocaleString('en-GB')} requirements held in date by {data.people.toLocaleString('en-GB')} people ({data.scope.label}), as of {data.asOf}. {data.overall.overdue.toLocaleString('en-GB')} overdue. Threshold {t} %.
      </Body1>

      <div className={styles.two}>
        <ComplianceBarChart title="Compliance by subject" labels={data.bySubject.map((s) => s.subject)} values={data.bySubject.map((s) => s.percent)} threshold={t} />
        <div className={styles.scroll}>
          <Table aria-label="Compliance by subject" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Subject</TableHeaderCell>
                {FIGURE_HEADERS.map((h) => (
                  <TableHeaderCell key={h}>{h}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.bySubject.map((s) => (
                <TableRow key={s.subjectId} className={s.belowThreshold ? styles.below : undefined}>
                  <TableCell>{s.subject}</TableCell>
                  <FigureCells f={s} threshold={t} className={styles.num} />
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </div>

      {data.trend.length > 0 && (
        <section aria-labelledby={`${id}-trend`} className={styles.section}>
          <Title3 as="h2" id={`${id}-trend`}>
            Trend
          </Title3>
          <Caption1>One snapshot a month, taken by the first organisation report of the month; the last point is today&apos;s live figure.</Caption1>
          <div className={styles.two}>
            <TrendLineChart title="Overall compliance by month" labels={data.trend.map((p) => (p.live ? `${p.month} (now)` : p.month))} values={data.trend.map((p) => p.percent)} threshold={t} />
            <Table aria-label="Overall compliance by month" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Month</TableHeaderCell>
                  <TableHeaderCell>Taken on</TableHeaderCell>
                  <TableHeaderCell>People</TableHeaderCell>
                  <TableHeaderCell>Compliance</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.trend.map((p) => (
                  <TableRow key={p.month}>
                    <TableCell>{p.live ? `${p.month} (now)` : p.month}</TableCell>
                    <TableCell>{p.takenOn}</TableCell>
                    <TableCell className={styles.num}>{p.people.toLocaleString('en-GB')}</TableCell>
                    <TableCell>
                      <Percent value={p.percent} below={p.percent < t} threshold={t} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </section>
      )}

      {pivot && (
        <section aria-labelledby={`${id}-pivot`} className={styles.section}>
          <Title3 as="h2" id={`${id}-pivot`}>
            Subject × staff group{orgUnit ? ` in ${orgUnit}` : ''}
          </Title3>
          <div className={styles.scroll}>
            <Table aria-label={`Compliance by subject and staff group${orgUnit ? ` in ${orgUnit}` : ''}`} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Subject</TableHeaderCell>
                  {pivot.groups.map((g) => (
                    <TableHeaderCell key={g}>{g}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {pivot.rows.map(([subject, row]) => (
                  <TableRow key={subject}>
                    <TableCell>{subject}</TableCell>
                    {pivot.groups.map((g) => {
                      const cell = row.get(g);
                      if (!cell || cell.required === 0) return <TableCell key={g}>—</TableCell>;
                      const p = pct(cell);
                      return (
                        <TableCell key={g} className={p < t ? styles.below : undefined}>
                          <Percent value={p} below={p < t} threshold={t} /> <Caption1>({cell.compliant}/{cell.required})</Caption1>
                        </TableCell>
                      );
                    })}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </section>
      )}

      <div className={styles.two}>
        <BreakdownTable
          headingId={`${id}-groups`}
          title="By staff group"
          label="Staff group"
          rows={data.byStaffGroup.map((g) => ({ name: g.staffGroup, figures: g }))}
          threshold={t}
          styles={styles}
        />
        <BreakdownTable
          headingId={`${id}-units`}
          title="By organisation unit"
          label="Organisation unit"
          rows={data.byOrgUnit.map((u) => ({ name: u.orgUnit, figures: u }))}
          threshold={t}
          styles={styles}
        />
      </div>
    </div>
  );
}

/** One breakdown (by staff group, by organisation unit): a named figure row each, below-threshold rows highlighted. */
function BreakdownTable(props: {
  headingId: string;
  title: string;
  label: string;
  rows: { name: string; figures: ReportFigures & { belowThreshold: boolean } }[];
  threshold: number;
  styles: ReturnType<typeof useReportStyles>;
}) {
  const { headingId, title, label, rows, threshold, styles } = props;
  return (
    <section aria-labelledby={headingId}>
      <Title3 as="h2" id={headingId}>
        {title}
      </Title3>
      <Table aria-label={`Compliance ${title.toLowerCase()}`} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{label}</TableHeaderCell>
            {FIGURE_HEADERS.map((h) => (
              <TableHeaderCell key={h}>{h}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.name} className={row.figures.belowThreshold ? styles.below : undefined}>
              <TableCell>{row.name}</TableCell>
              <FigureCells f={row.figures} threshold={threshold} className={styles.num} />
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
