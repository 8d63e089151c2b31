import type { PersonSummary } from '../learning/person-summary.js';
import type { ReportSnapshotRepository } from '../storage/report-snapshot-repository.js';
import { addMonths, type LocalDate } from '../time/local-date.js';
import { complianceReport, type ComplianceReport, type ReportOptions } from './compliance-report.js';
import type { TrendPoint } from './report-shapes.js';
import { TREND_MONTHS } from './trend-history.js';
import type { SummaryCache } from '../storage/summary-cache.js';

/** Whose figures a report covers: the whole organisation, or a manager's team. */
export type ReportPopulation = { kind: 'organisation' } | { kind: 'team'; memberIds: ReadonlySet<string> };

export type ReportFilters = Pick<ReportOptions, 'orgDepth' | 'staffGroup' | 'orgUnit'>;

/**
 * Compliance reports from the summaries this instance holds: each computed once per version of the
 * held summaries (a handful kept), the month's snapshot taken by the first organisation report of the
 * month (on any instance; one row wins), and the trend from the stored snapshots plus today's figure.
 */
export class ComplianceReports {
  private readonly computed = new Map<string, ComplianceReport>();
  private readonly knownMonths = new Set<string>();

  constructor(
    private readonly cache: Pick<SummaryCache, 'current'>,
    private readonly snapshots: Pick<ReportSnapshotRepository, 'hasMonth' | 'createMonth' | 'months'>,
    private readonly settings: { threshold: number; dueSoonDays: number },
  ) {}

  peopleIn(all: ReadonlyMap<string, PersonSummary>, population: ReportPopulation): PersonSummary[] {
    return population.kind === 'organisation' ? [...all.values()] : [...population.memberIds].map((id) => all.get(id)).filter((s): s is PersonSummary => !!s);
  }

  async reportFor(population: ReportPopulation, filters: ReportFilters, today: LocalDate): Promise<{ report: ComplianceReport; people: PersonSummary[] }> {
    const snapshot = await this.cache.current();
    const people = this.peopleIn(snapshot.summaries, population);
    const populationKey = population.kind === 'organisation' ? 'org' : [...population.memberIds].sort().join(',');
    const key = JSON.stringify([snapshot.version, today, populationKey, filters.orgDepth ?? 0, filters.staffGroup ?? '', filters.orgUnit ?? '']);
    let report = this.computed.get(key);
    if (!report) {
      report = complianceReport(people, today, { ...this.settings, ...filters });
      if (this.computed.size >= 32) this.computed.delete(this.computed.keys().next().value!);
      this.computed.set(key, report);
    }
    return { report, people };
  }

  async ensureMonthlySnapshot(today: LocalDate): Promise<void> {
    const month = today.slice(0, 7);
    if (this.knownMonths.has(month)) return;
    if (!(await this.snapshots.hasMonth(month))) {
      const { report } = await this.reportFor({ kind: 'organisation' }, {}, today);
      await this.snapshots.createMonth({
        month,
        takenOn: today,
        people: report.people,
        required: report.overall.required,
        compliant: report.overall.compliant,
        percent: report.overall.percent,
        bySubject: Object.fromEntries(report.bySubject.map((s) => [s.subjectId, s.percent])),
        byStaffGroup: Object.fromEntries(report.byStaffGroup.map((g) => [g.staffGroup, g.percent])),
      });
    }
    this.knownMonths.add(month);
  }

  async trend(today: LocalDate, live: ComplianceReport): Promise<TrendPoint[]> {
    // The last 12 months: the 11 before this one (snapshots, or worked out from records), then today's live figure.
    const from = addMonths(`${today.slice(0, 7)}-01` as LocalDate, -TREND_MONTHS).slice(0, 7);
    const stored = await this.snapshots.months(from);
    const month = today.slice(0, 7);
    return [
      ...stored.filter((s) => s.month !== month).map((s) => ({ month: s.month, takenOn: s.takenOn, percent: s.percent, people: s.people, bySubject: s.bySubject, basis: s.basis === 'records' ? ('records' as const) : ('snapshot' as const) })),
      { month, takenOn: today, percent: live.overall.percent, people: live.people, bySubject: Object.fromEntries(live.bySubject.map((s) => [s.subjectId, s.percent])), live: true, basis: 'live' as const },
    ];
  }
}
