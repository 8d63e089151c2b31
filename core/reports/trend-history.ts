import type { ComplianceRules } from '../learning/compliance.js';
import type { CatalogueSource, StaffBundle } from '../learning/ports.js';
import type { ReportSnapshotRepository } from '../storage/report-snapshot-repository.js';
import { runConcurrently } from '../util/concurrency.js';
import type { LocalDate } from '../time/local-date.js';
import { MonthlyComplianceTally, pastMonthStarts } from './monthly-compliance.js';

/** Where working out the past months stands, for the page to say. */
export interface TrendHistoryState {
  state: 'idle' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  months: number;
}

export interface TrendHistoryDeps {
  /** Everyone the organisation holds (ids), and each one's aggregate. */
  staffIds(): Promise<string[]>;
  bundle(staffId: string): Promise<Pick<StaffBundle, 'person' | 'records' | 'extensions' | 'exemptions'> | undefined>;
  catalogue: CatalogueSource;
  snapshots: Pick<ReportSnapshotRepository, 'months' | 'createMonth'>;
  rules: ComplianceRules;
  onFailed?(error: unknown): void;
}

/** How many months the trend shows before the current one. */
export const TREND_MONTHS = 11;

/**
 * The trend from the first day: the months before snapshots began are worked out once from the
 * stored records and history (every aggregate read once, compliance computed for the first of each
 * missing month) and written as snapshots marked "from records", so later reports read them like
 * any other; from then on the monthly snapshot records each month as it comes. Runs in the
 * background, one run at a time per instance; two instances racing write each month once
 * (snapshots are created, never overwritten).
 */
export class TrendHistory {
  private status: TrendHistoryState = { state: 'idle', done: 0, total: 0, months: 0 };
  private running: Promise<void> | undefined;
  private completedFor: string | undefined;

  constructor(private readonly deps: TrendHistoryDeps) {}

  current(): TrendHistoryState {
    return { ...this.status };
  }

  /** Starts working out the missing months before today's, unless it is already done for this month or running. */
  async ensure(today: LocalDate): Promise<TrendHistoryState> {
    const month = today.slice(0, 7);
    if (this.running || this.completedFor === month) return this.current();
    const days = pastMonthStarts(today, TREND_MONTHS);
    const stored = new Set((await this.deps.snapshots.months(days[0]!.slice(0, 7))).map((s) => s.month));
    const missing = days.filter((d) => !stored.has(d.slice(0, 7)));
    if (missing.length === 0) {
      this.completedFor = month;
      this.status = { ...this.status, state: 'done' };
      return this.current();
    }
    this.status = { state: 'running', done: 0, total: 0, months: missing.length };
    this.running = this.run(missing, month).finally(() => {
      this.running = undefined;
    });
    return this.current();
  }

  /** Resolves when the current run (if any) has finished: for tests and the graceful stop. */
  async settled(): Promise<void> {
    await this.running;
  }

  private async run(days: LocalDate[], month: string): Promise<void> {
    try {
      const [ids, catalogue] = await Promise.all([this.deps.staffIds(), this.deps.catalogue.current()]);
      this.status = { state: 'running', done: 0, total: ids.length, months: days.length };
      const tally = new MonthlyComplianceTally(days, catalogue, this.deps.rules);
      await runConcurrently(ids, 16, async (id) => {
        const bundle = await this.deps.bundle(id);
        if (bundle) tally.add(bundle);
        this.status.done++;
      });
      for (const figures of tally.figures()) {
        if (figures.people === 0) continue;
        await this.deps.snapshots.createMonth({ month: figures.month, takenOn: figures.on, people: figures.people, required: figures.required, compliant: figures.compliant, percent: figures.percent, bySubject: figures.bySubject, byStaffGroup: figures.byStaffGroup, basis: 'records' });
      }
      this.status = { ...this.status, state: 'done' };
      this.completedFor = month;
    } catch (error) {
      this.status = { ...this.status, state: 'failed' };
      this.deps.onFailed?.(error);
    }
  }
}
