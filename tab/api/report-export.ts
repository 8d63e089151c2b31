import { STAFF_HOURS_FORMULA } from '../../core/reports/annual-plan.js';
import type { ExportTable } from '../../core/reports/export-table.js';
import type { LocalDate } from '../../core/time/local-date.js';
import type { TabCaller } from './caller.js';
import { passportRecordsTable } from './passport-records-export.js';
import type { ComplianceFilters, ReportViews } from './report-views.js';
import type { TabApiContext } from './tab-context.js';
import { formatDate, formatInstant, formatMonth } from '../shared/dates.js';
import type { REPORT_EXPORTS } from '../shared/reports.js';

/** The tables of one report's CSV or XLSX export, from the same views the pages show. */
export async function exportTables(
views: ReportViews,
services: TabApiContext['services'],
  report: (typeof REPORT_EXPORTS)[number],
  caller: TabCaller,
  query: ComplianceFilters & { from?: LocalDate; to?: LocalDate; year?: number },
): Promise<ExportTable[]> {
  const figures = [{ header: 'Required' }, { header: 'Compliant' }, { header: 'Compliance %' }, { header: 'Overdue' }, { header: 'Due soon' }, { header: 'Exempt' }, { header: 'Below threshold' }];
  const values = (f: { required: number; compliant: number; percent: number; overdue: number; dueSoon: number; exempt: number; belowThreshold: boolean }) => [f.required, f.compliant, f.percent, f.overdue, f.dueSoon, f.exempt, f.belowThreshold ? 'Yes' : 'No'];
  if (report === 'compliance') {
    const r = await views.complianceResponse(caller, query);
    return [
      { title: 'Subject × group × unit', columns: [{ header: 'Subject', width: 40 }, { header: 'Staff group', width: 30 }, { header: 'Organisation unit', width: 50 }, ...figures], rows: r.cells.map((c) => [c.subject, c.staffGroup, c.orgUnit, ...values(c)]) },
      { title: 'By subject', columns: [{ header: 'Subject', width: 40 }, ...figures], rows: r.bySubject.map((s) => [s.subject, ...values(s)]) },
      { title: 'By staff group', columns: [{ header: 'Staff group', width: 30 }, ...figures], rows: r.byStaffGroup.map((g) => [g.staffGroup, ...values(g)]) },
      { title: 'By organisation unit', columns: [{ header: 'Organisation unit', width: 50 }, ...figures], rows: r.byOrgUnit.map((u) => [u.orgUnit, ...values(u)]) },
      { title: 'Trend', columns: [{ header: 'Month' }, { header: 'Figures as of' }, { header: 'People' }, { header: 'Compliance %' }], rows: r.trend.map((t) => [formatMonth(t.month), formatDate(t.takenOn), t.people, t.percent]) },
    ];
  }
  if (report === 'dna') {
    const r = await views.dnaResponse(caller, query);
    return [
      {
        title: 'Did not attend',
        columns: ['Session date', 'Name', 'Staff number', 'Staff group', 'Organisation unit', 'Subject', 'Reason', 'Plan agreed', 'Recorded by', 'Recorded at'].map((header) => ({ header })),
        rows: r.rows.map((d) => [formatDate(d.sessionDate), d.name, d.staffId, d.staffGroup, d.orgUnit, d.subject, d.reason, d.plan, d.recordedByName, formatInstant(d.recordedAt)]),
      },
    ];
  }
  if (report === 'feedback') {
    const r = await views.feedbackResponse(caller);
    return [
      {
        title: 'Feedback per topic',
        columns: ['Subject', 'Responses', 'Relevance (1–5)', 'Accessibility (1–5)', 'Effectiveness (1–5)', 'Latest comments'].map((header) => ({ header })),
        rows: r.subjects.map((s) => [s.subject, s.responses, s.relevance, s.accessibility, s.effectiveness, s.comments.map((c) => c.text).join(' | ')]),
      },
    ];
  }
  if (report === 'passport-records') return [await passportRecordsTable(services, await views.scopeOf(caller))];
  if (report === 'unreachable') {
    const r = await views.unreachableResponse(caller, Number.MAX_SAFE_INTEGER);
    return [
      {
        title: 'Not reachable in Teams',
        columns: ['Name', 'Staff number', 'Staff group', 'Organisation unit', 'Why', 'Since'].map((header) => ({ header })),
        rows: r.rows.map((p) => [p.name, p.staffId, p.staffGroup, p.orgUnit, p.reasonText, p.since ? formatInstant(p.since) : '']),
      },
    ];
  }
  const plan = await views.planResponse(caller, query.year);
  const columns = ['Topic', 'Headcount required to complete topic', 'Use national content (Y/N)', 'How long will it take to assess competency (minutes)', 'How long will it take to complete learning (minutes)', 'Renewal frequency', 'Expected measurable improvement in outcomes', 'Staff hours a year'].map((header) => ({ header, width: 28 }));
  const topicRows = (rows: typeof plan.national) => rows.map((t) => [t.topic, t.headcountRequired, t.nationalContent, t.assessMinutes, t.completeMinutes, t.renewal, t.improvement, t.staffHoursPerYear]);
  return [
    {
      title: 'Annual plan',
      columns: [{ header: 'Field', width: 40 }, { header: 'Value', width: 60 }],
      rows: [
        ['Name of submitter', plan.submitterName],
        ['Organisation name', plan.organisationName],
        [`Headcount as of 1 March ${plan.year}`, plan.headcount.value],
        ['Headcount basis', plan.headcount.basis],
        ['Date form submitted', plan.dateSubmitted ? formatDate(plan.dateSubmitted) : ''],
        ['Plan year', plan.label],
        ['Planned staff hours a year (all topics)', plan.totals.staffHoursPerYear],
        ['How staff hours are worked out', STAFF_HOURS_FORMULA],
      ],
    },
    { title: 'Nationally mandated topics', columns: [{ ...columns[0]!, header: 'Nationally mandated topics' }, ...columns.slice(1)], rows: topicRows(plan.national) },
    { title: 'Locally mandated topics', columns: [{ ...columns[0]!, header: 'Locally mandated topics' }, ...columns.slice(1)], rows: topicRows(plan.local) },
  ];
}
