import { gzipJson } from './gzip-json.js';
import type { Response } from 'restify';
import { z } from 'zod';
import { annualPlan, defaultPlanYear, STAFF_HOURS_FORMULA } from '../../core/reports/annual-plan.js';
import { dnaReport } from '../../core/reports/dna-report.js';
import { toCsv, toXlsx, type ExportTable } from '../../core/reports/export-table.js';
import { feedbackSummary } from '../../core/reports/feedback-report.js';
import { REASON_TEXT, unreachablePeople } from '../../core/reports/reachability.js';
import { runConcurrently } from '../../core/util/concurrency.js';
import { todayInLondon } from '../../core/time/clock.js';
import { addMonths, parseLocalDate, type LocalDate } from '../../core/time/local-date.js';
import { ApiError, forbidden } from './api-error.js';
import type { TabCaller } from './caller.js';
import type { TabRouteModule } from './register.js';
import { NO_REPLY } from './route-kit.js';
import { passportRecordsTable } from './passport-records-export.js';
import { formatDate, formatInstant, formatMonth } from '../shared/dates.js';
import { can, whoCan } from '../../core/people/authorisation.js';
import {
  REPORT_EXPORTS,
  type AnnualPlanResponse,
  type ComplianceReportResponse,
  type DnaReportResponse,
  type FeedbackReportResponse,
  type TrendPoint,
  type UnreachableReportResponse,
} from '../shared/reports.js';

type Scope = { kind: 'organisation'; label: string } | { kind: 'team'; label: string; memberIds: Set<string> };

const seesOrganisation = (caller: TabCaller) => can(caller.person, 'reports.organisation');

const dateParam = z.string().refine((v) => parseLocalDate(v) !== undefined, 'a calendar date YYYY-MM-DD').transform((v) => v as LocalDate);
const complianceQuery = z.object({
  orgDepth: z.coerce.number().int().min(1).max(8).optional(),
  staffGroup: z.string().max(200).optional(),
  orgUnit: z.string().max(500).optional(),
});

/**
 * Reports: compliance by subject × staff group × organisation unit (from the summary rows held by
 * a per-instance cache refreshed by deltas), monthly snapshots for the trend, did-not-attend,
 * feedback per topic, people not reachable in Teams, the annual plan, and CSV/XLSX exports of each.
 * L&D administrators and the MLOG see the organisation; a line manager sees their own team.
 */
export const registerReportRoutes: TabRouteModule = (server, kit, context) => {
  const { services, config } = context;
  const { summaryCache: cache, reportSnapshots: snapshots, complianceReports: reports, reportSources } = services;

  const scopeOf = async (caller: TabCaller): Promise<Scope> => {
    if (seesOrganisation(caller)) return { kind: 'organisation', label: config.organisationName };
    const team = await services.teams.listTeam(caller.staffId);
    if (team.length) return { kind: 'team', label: `${caller.person.name}'s team (${team.length})`, memberIds: new Set(team.map((m) => m.staffId)) };
    throw forbidden('Reports are for line managers, learning and development administrators and the MLOG.');
  };
  const requireOrganisation = (caller: TabCaller, what: string) => {
    if (!seesOrganisation(caller)) throw forbidden(`${what} is for learning and development administrators and the MLOG.`);
  };

  const complianceResponse = async (caller: TabCaller, filters: z.infer<typeof complianceQuery>): Promise<ComplianceReportResponse> => {
    const started = performance.now();
    const scope = await scopeOf(caller);
    const today = todayInLondon(context.clock);
    const [{ report, people }, catalogue] = await Promise.all([reports.reportFor(scope, filters, today), services.catalogue.current()]);
    let trend: TrendPoint[] = [];
    let history: ComplianceReportResponse['history'] = null;
    if (scope.kind === 'organisation') {
      await reports.ensureMonthlySnapshot(today);
      history = await services.trendHistory.ensure(today);
      const unfiltered = filters.staffGroup || filters.orgUnit ? (await reports.reportFor(scope, {}, today)).report : report;
      trend = await reports.trend(today, unfiltered);
    }
    const name = (id: string) => catalogue.subjectName(id);
    return {
      scope: { kind: scope.kind, label: scope.label },
      asOf: report.asOf,
      threshold: report.threshold,
      people: report.people,
      overall: report.overall,
      bySubject: report.bySubject.map((s) => ({ ...s, subject: name(s.subjectId) })),
      byStaffGroup: report.byStaffGroup,
      byOrgUnit: report.byOrgUnit,
      cells: report.cells.map((c) => ({ ...c, subject: name(c.subjectId) })),
      filters: {
        staffGroups: [...new Set(people.map((p) => p.staffGroup))].sort(),
        orgUnits: [...new Set(people.flatMap((p) => p.orgUnit.split(' / ').map((_, i, parts) => parts.slice(0, i + 1).join(' / '))))].sort(),
        orgDepth: filters.orgDepth ?? null,
      },
      trend,
      history,
      computedInMs: Math.round(performance.now() - started),
    };
  };

  const dnaResponse = async (caller: TabCaller, query: { from?: LocalDate; to?: LocalDate }): Promise<DnaReportResponse> => {
    const scope = await scopeOf(caller);
    const today = todayInLondon(context.clock);
    const from = query.from ?? addMonths(today, -12);
    const to = query.to ?? today;
    if (from > to) throw new ApiError(400, 'invalid', 'The start date is after the end date.');
    const ids = scope.kind === 'organisation' ? [...(await reportSources.peopleWithDnaRecords())] : [...scope.memberIds];
    const people: Parameters<typeof dnaReport>[0][number][] = [];
    await runConcurrently(ids, 16, async (id) => {
      const bundle = await services.staff.getBundle(id);
      if (bundle?.dnaRecords.length) {
        const p = bundle.person;
        people.push({ staffId: p.id, name: p.name, staffGroup: p.staffGroup, orgUnit: p.orgUnit, dnaRecords: bundle.dnaRecords });
      }
    });
    const [report, catalogue, held] = await Promise.all([dnaReport(people, from, to), services.catalogue.current(), cache.current()]);
    return {
      scope: { kind: scope.kind, label: scope.label },
      from,
      to,
      rows: report.rows.map((r) => ({ ...r, subject: catalogue.subjectName(r.subjectId), recordedByName: held.summaries.get(r.recordedBy)?.name ?? r.recordedBy })),
      bySubject: report.bySubject.map((s) => ({ ...s, subject: catalogue.subjectName(s.subjectId) })),
      byOrgUnit: report.byOrgUnit,
    };
  };

  const feedbackResponse = async (caller: TabCaller): Promise<FeedbackReportResponse> => {
    requireOrganisation(caller, 'Feedback on topics');
    const catalogue = await services.catalogue.current();
    const subjects = await Promise.all(
      catalogue.catalogue.subjects.map(async (s) => ({ ...feedbackSummary(s.id, await services.learning.feedback.listForSubject(s.id)), subject: s.name })),
    );
    return { subjects: subjects.sort((a, b) => a.subject.localeCompare(b.subject)) };
  };

  const unreachableResponse = async (caller: TabCaller, limit = 1000): Promise<UnreachableReportResponse> => {
    const scope = await scopeOf(caller);
    const people = reports.peopleIn((await cache.current()).summaries, scope);
    let lookup: (aad: string) => { staleSince?: string; updatedAt?: string } | undefined;
    if (scope.kind === 'organisation') {
      const states = await reportSources.conversationStates();
      lookup = (aad) => states.get(aad);
    } else {
      const states = new Map<string, { staleSince?: string }>();
      await runConcurrently(people.filter((p) => p.aadObjectId), 8, async (p) => {
        const stored = await services.conversations.getPersonal(p.aadObjectId!);
        if (stored) states.set(p.aadObjectId!.toLowerCase(), stored.staleSince ? { staleSince: stored.staleSince } : {});
      });
      lookup = (aad) => states.get(aad);
    }
    const rows = unreachablePeople(people, lookup);
    const counts = { 'no-teams-account': 0, 'no-conversation': 0, 'conversation-gone': 0 };
    for (const r of rows) counts[r.reason]++;
    return {
      scope: { kind: scope.kind, label: scope.label },
      total: rows.length,
      people: people.length,
      counts,
      rows: rows.slice(0, limit).map((r) => ({ ...r, reasonText: REASON_TEXT[r.reason] })),
      truncated: rows.length > limit,
    };
  };

  const planResponse = async (caller: TabCaller, year: number | undefined): Promise<AnnualPlanResponse> => {
    requireOrganisation(caller, 'The annual plan');
    const today = todayInLondon(context.clock);
    const planYear = year ?? defaultPlanYear(today);
    const firstOfMarch = `${planYear}-03-01` as LocalDate;
    const [held, catalogue, stored, march] = await Promise.all([cache.current(), services.catalogue.current(), snapshots.plan(planYear), snapshots.months(`${planYear}-03`)]);
    const marchSnapshot = march.find((m) => m.month === `${planYear}-03`);
    const headcount =
      today >= firstOfMarch && marchSnapshot
        ? { asOf: firstOfMarch, value: marchSnapshot.people, basis: `from the monthly snapshot taken on ${marchSnapshot.takenOn}` }
        : { asOf: firstOfMarch, value: held.summaries.size, basis: today < firstOfMarch ? `forecast: the headcount today (${today})` : `the headcount today (${today}); no snapshot was taken in March` };
    const plan = annualPlan({ year: planYear, organisationName: config.organisationName, catalogue, summaries: held.summaries.values(), judgements: stored.judgements, header: stored.header, headcount });
    return { ...plan, formula: STAFF_HOURS_FORMULA, editable: true };
  };

  // ---- routes ----

  server.get('/api/reports/compliance', gzipJson(), kit.route({ query: complianceQuery }, async ({ caller, query }) => complianceResponse(caller, query)));

  server.get(
    '/api/reports/dna',
    gzipJson(),
    kit.route({ query: z.object({ from: dateParam.optional(), to: dateParam.optional() }) }, async ({ caller, query }) => dnaResponse(caller, query)),
  );

  server.get('/api/reports/feedback', kit.route({}, async ({ caller }) => feedbackResponse(caller)));

  server.get('/api/reports/unreachable', gzipJson(), kit.route({}, async ({ caller }) => unreachableResponse(caller)));

  const yearSchema = z.coerce.number().int().min(2026).max(2100);
  server.get('/api/reports/annual-plan', gzipJson(), kit.route({ query: z.object({ year: yearSchema.optional() }) }, async ({ caller, query }) => planResponse(caller, query.year)));

  server.put(
    '/api/reports/annual-plan/:year',
    ...kit.json(256 * 1024),
    kit.route(
      {
        params: z.object({ year: yearSchema }),
        body: z.object({
          header: z.object({ submitterName: z.string().trim().max(200), dateSubmitted: dateParam.nullable() }).optional(),
          topics: z
            .array(
              z.object({
                subjectId: z.string().min(1).max(100),
                level: z.number().int().min(0).max(20),
                nationalContent: z.enum(['Y', 'N']),
                assessMinutes: z.number().int().min(0).max(100_000).nullable(),
                completeMinutes: z.number().int().min(0).max(100_000).nullable(),
                improvement: z.string().trim().max(2000),
              }),
            )
            .max(200)
            .optional(),
        }),
      },
      async ({ caller, params, body }) => {
        if (!can(caller.person, 'annual-plan.edit')) throw forbidden(`Only ${whoCan('annual-plan.edit')} can change the annual plan.`);
        const catalogue = await services.catalogue.current();
        for (const t of body.topics ?? []) {
          if (!catalogue.levelsOf(t.subjectId).some((topic) => topic.level === t.level)) throw new ApiError(400, 'invalid', `There is no topic ${t.subjectId} at level ${t.level} in the catalogue.`);
        }
        const now = context.clock.now().toISOString();
        await snapshots.savePlan(
          params.year,
          {
            ...(body.header ? { header: { ...body.header, updatedBy: caller.staffId, updatedAt: now } } : {}),
            topics: (body.topics ?? []).map((t) => ({
              subjectId: t.subjectId,
              level: t.level,
              judgement: { nationalContent: t.nationalContent, assessMinutes: t.assessMinutes, completeMinutes: t.completeMinutes, improvement: t.improvement, updatedBy: caller.staffId, updatedAt: now },
            })),
          },
          [
            {
              actorId: caller.staffId,
              action: 'annual-plan.changed',
              target: `plan-${params.year}`,
              summary: `${body.topics?.length ?? 0} topic(s)${body.header ? ' and the header' : ''} changed`,
              details: { year: params.year, ...(body.header ? { header: body.header } : {}), topics: body.topics ?? [] },
            },
          ],
        );
        return planResponse(caller, params.year);
      },
    ),
  );

  server.get(
    '/api/reports/export',
    kit.route(
      {
        query: complianceQuery.extend({
          report: z.enum(REPORT_EXPORTS),
          format: z.enum(['csv', 'xlsx']),
          from: dateParam.optional(),
          to: dateParam.optional(),
          year: yearSchema.optional(),
        }),
      },
      async ({ caller, query, res }) => {
        const today = todayInLondon(context.clock);
        const tables = await exportTables(query.report, caller, query);
        const name = `${query.report}-${today}.${query.format}`;
        const body = query.format === 'csv' ? toCsv(query.report === 'annual-plan' ? tables : tables.slice(0, 1)) : await toXlsx(tables, { creator: 'Mandatory Learning', created: context.clock.now() });
        await services.auditLog.append({
          actorId: caller.staffId,
          action: 'report.exported',
          target: name,
          summary: `${query.report} exported as ${query.format.toUpperCase()}`,
          details: { report: query.report, format: query.format, rows: tables.reduce((n, t) => n + t.rows.length, 0), filters: { staffGroup: query.staffGroup, orgUnit: query.orgUnit, orgDepth: query.orgDepth, from: query.from, to: query.to, year: query.year } },
        });
        sendFile(res, body, name, query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        return NO_REPLY;
      },
    ),
  );

  const exportTables = async (
    report: (typeof REPORT_EXPORTS)[number],
    caller: TabCaller,
    query: z.infer<typeof complianceQuery> & { from?: LocalDate; to?: LocalDate; year?: number },
  ): Promise<ExportTable[]> => {
    const figures = [{ header: 'Required' }, { header: 'Compliant' }, { header: 'Compliance %' }, { header: 'Overdue' }, { header: 'Due soon' }, { header: 'Exempt' }, { header: 'Below threshold' }];
    const values = (f: { required: number; compliant: number; percent: number; overdue: number; dueSoon: number; exempt: number; belowThreshold: boolean }) => [f.required, f.compliant, f.percent, f.overdue, f.dueSoon, f.exempt, f.belowThreshold ? 'Yes' : 'No'];
    if (report === 'compliance') {
      const r = await complianceResponse(caller, query);
      return [
        { title: 'Subject × group × unit', columns: [{ header: 'Subject', width: 40 }, { header: 'Staff group', width: 30 }, { header: 'Organisation unit', width: 50 }, ...figures], rows: r.cells.map((c) => [c.subject, c.staffGroup, c.orgUnit, ...values(c)]) },
        { title: 'By subject', columns: [{ header: 'Subject', width: 40 }, ...figures], rows: r.bySubject.map((s) => [s.subject, ...values(s)]) },
        { title: 'By staff group', columns: [{ header: 'Staff group', width: 30 }, ...figures], rows: r.byStaffGroup.map((g) => [g.staffGroup, ...values(g)]) },
        { title: 'By organisation unit', columns: [{ header: 'Organisation unit', width: 50 }, ...figures], rows: r.byOrgUnit.map((u) => [u.orgUnit, ...values(u)]) },
        { title: 'Trend', columns: [{ header: 'Month' }, { header: 'Figures as of' }, { header: 'People' }, { header: 'Compliance %' }], rows: r.trend.map((t) => [formatMonth(t.month), formatDate(t.takenOn), t.people, t.percent]) },
      ];
    }
    if (report === 'dna') {
      const r = await dnaResponse(caller, query);
      return [
        {
          title: 'Did not attend',
          columns: ['Session date', 'Name', 'Staff number', 'Staff group', 'Organisation unit', 'Subject', 'Reason', 'Plan agreed', 'Recorded by', 'Recorded at'].map((header) => ({ header })),
          rows: r.rows.map((d) => [formatDate(d.sessionDate), d.name, d.staffId, d.staffGroup, d.orgUnit, d.subject, d.reason, d.plan, d.recordedByName, formatInstant(d.recordedAt)]),
        },
      ];
    }
    if (report === 'feedback') {
      const r = await feedbackResponse(caller);
      return [
        {
          title: 'Feedback per topic',
          columns: ['Subject', 'Responses', 'Relevance (1–5)', 'Accessibility (1–5)', 'Effectiveness (1–5)', 'Latest comments'].map((header) => ({ header })),
          rows: r.subjects.map((s) => [s.subject, s.responses, s.relevance, s.accessibility, s.effectiveness, s.comments.map((c) => c.text).join(' | ')]),
        },
      ];
    }
    if (report === 'passport-records') return [await passportRecordsTable(services, await scopeOf(caller))];
    if (report === 'unreachable') {
      const r = await unreachableResponse(caller, Number.MAX_SAFE_INTEGER);
      return [
        {
          title: 'Not reachable in Teams',
          columns: ['Name', 'Staff number', 'Staff group', 'Organisation unit', 'Why', 'Since'].map((header) => ({ header })),
          rows: r.rows.map((p) => [p.name, p.staffId, p.staffGroup, p.orgUnit, p.reasonText, p.since ? formatInstant(p.since) : '']),
        },
      ];
    }
    const plan = await planResponse(caller, query.year);
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
  };
};

function sendFile(res: Response, body: Buffer, name: string, type: string): void {
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': String(body.length),
    'Content-Disposition': `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

