import { z } from 'zod';
import { annualPlan, defaultPlanYear, STAFF_HOURS_FORMULA } from '../../core/reports/annual-plan.js';
import { dnaReport } from '../../core/reports/dna-report.js';
import { feedbackSummary } from '../../core/reports/feedback-report.js';
import { REASON_TEXT, unreachablePeople } from '../../core/reports/reachability.js';
import { runConcurrently } from '../../core/util/concurrency.js';
import { todayInLondon } from '../../core/time/clock.js';
import { addMonths, parseLocalDate, type LocalDate } from '../../core/time/local-date.js';
import { can } from '../../core/people/authorisation.js';
import { ApiError, forbidden } from './api-error.js';
import type { TabCaller } from './caller.js';
import type { TabApiContext } from './tab-context.js';
import type { AnnualPlanResponse, ComplianceReportResponse, DnaReportResponse, FeedbackReportResponse, TrendPoint, UnreachableReportResponse } from '../shared/reports.js';

export type Scope = { kind: 'organisation'; label: string } | { kind: 'team'; label: string; memberIds: Set<string> };

const seesOrganisation = (caller: TabCaller) => can(caller.person, 'reports.organisation');

export const dateParam = z.string().refine((v) => parseLocalDate(v) !== undefined, 'a calendar date YYYY-MM-DD').transform((v) => v as LocalDate);
export const complianceQuery = z.object({
  orgDepth: z.coerce.number().int().min(1).max(8).optional(),
  staffGroup: z.string().max(200).optional(),
  orgUnit: z.string().max(500).optional(),
});
export type ComplianceFilters = z.infer<typeof complianceQuery>;

export type ReportViews = ReturnType<typeof reportViews>;

/**
 * What each report shows, for one caller: compliance by subject × staff group × organisation unit
 * (from the summary rows held by a per-instance cache refreshed by deltas) with the monthly trend,
 * did-not-attend, feedback per topic, people not reachable in Teams and the annual plan.
 * L&D administrators and the MLOG see the organisation; a line manager sees their own team.
 */
export function reportViews(context: Pick<TabApiContext, 'services' | 'config' | 'clock'>) {
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

  const complianceResponse = async (caller: TabCaller, filters: ComplianceFilters): Promise<ComplianceReportResponse> => {
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

  return { scopeOf, requireOrganisation, complianceResponse, dnaResponse, feedbackResponse, unreachableResponse, planResponse };
}
