import { randomUUID } from 'node:crypto';
import type { ComplianceRules } from '../learning/compliance.js';
import type { PersonSummary } from '../learning/person-summary.js';
import type { Catalogue } from '../learning/types.js';
import { todayInLondon, type Clock } from '../time/clock.js';
import { dayOfWeek } from '../time/local-date.js';
import { learnerReminders, managerDigests } from './plan-reminders.js';
import type { ReminderJob } from './reminder-job.js';
import type { ReminderSettings } from './reminder-settings.js';
import { changeNotices, diffCatalogue } from './requirement-changes.js';
import { nextWorkingTime } from './working-hours.js';

/**
 * What travels on the queue: a batch of jobs (one queue message for many reminders keeps queue
 * operations, the slow part of Azure Storage Queues, far below the send rate), and whether it may
 * already have been sent (a re-enqueue).
 */
export interface QueuedReminder {
  jobs: ReminderJob[];
  runId: string;
  requeued?: boolean;
}

/** Jobs per queue message. */
export const JOBS_PER_MESSAGE = 20;

export interface PlanReport {
  runId: string;
  startedAt: string;
  finishedAt: string;
  dryRun: boolean;
  planned: number;
  alreadyPlanned: number;
  requeued: number;
  byKind: Record<string, number>;
}

export interface PlannerDeps {
  summaries: { listAll(): Promise<PersonSummary[]> };
  ledger: {
    tryPlan(entry: { jobId: string; kind: string; staffId: string; runId: string; plannedAt: string }): Promise<boolean>;
    get(jobId: string): Promise<{ status: string; plannedAt: string } | undefined>;
    replan(jobId: string, plannedAt: string): Promise<void>;
  };
  queue: { send(message: QueuedReminder, delaySeconds: number): Promise<void> };
  lease: { acquire(name: string, holder: string, ttlMs: number): Promise<boolean>; release(name: string, holder: string): Promise<void> };
  pendingRequests(managerId: string): Promise<number>;
  catalogue: { load(): Promise<Catalogue>; version(): Promise<string | undefined> };
  announced: { get(): Promise<{ version: string; catalogue: Catalogue } | undefined>; set(version: string, catalogue: Catalogue): Promise<void> };
  reports: { save(report: PlanReport): Promise<void> };
  clock: Clock;
  settings: ReminderSettings;
  rules: ComplianceRules;
  /** A job planned but not sent this long after it became due to go out is put on the queue again. */
  requeueAfterMs?: number;
}

export const PLANNER_LEASE = 'reminder-planner';
const LEASE_MS = 10 * 60_000;

export type PlannerOutcome = { kind: 'ran'; report: PlanReport; jobs: ReminderJob[] } | { kind: 'not-leader' };

async function inBatches<T>(items: readonly T[], size: number, task: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(task));
}

/** Every job today: due reminders, weekly digests, and notices of requirement changes since the last announced version. */
export async function planJobs(deps: PlannerDeps, dryRun: boolean): Promise<ReminderJob[]> {
  const today = todayInLondon(deps.clock);
  const summaries = await deps.summaries.listAll();
  const jobs: ReminderJob[] = [];
  for (const summary of summaries) jobs.push(...learnerReminders(summary, today, deps.settings, deps.rules.dueSoonDays));
  const pending = new Map<string, number>();
  if (dayOfWeek(today) === deps.settings.digestDay) {
    const managers = [...new Set(summaries.flatMap((s) => s.managerIds))];
    await inBatches(managers, 16, async (m) => void pending.set(m, await deps.pendingRequests(m)));
  }
  jobs.push(...managerDigests(summaries, today, deps.settings, deps.rules.dueSoonDays, (m) => pending.get(m) ?? 0));

  const [version, catalogue, announced] = await Promise.all([deps.catalogue.version(), deps.catalogue.load(), deps.announced.get()]);
  if (version && announced && announced.version !== version) jobs.push(...changeNotices(summaries, diffCatalogue(announced.catalogue, catalogue), version));
  if (version && !dryRun && announced?.version !== version) await deps.announced.set(version, catalogue);
  return jobs;
}

/**
 * One planning run, by whichever instance holds the lease: each job is recorded in the ledger with its
 * deterministic id (so a second run, or a second instance, plans nothing twice) and only then put on the
 * queue, to become visible at the next working time. A job recorded but never sent (its instance died
 * between ledger and queue) is put on the queue again once it is overdue for sending.
 */
export async function runPlanner(deps: PlannerDeps, options: { holder: string; dryRun?: boolean }): Promise<PlannerOutcome> {
  const dryRun = options.dryRun ?? false;
  if (!dryRun && !(await deps.lease.acquire(PLANNER_LEASE, options.holder, LEASE_MS))) return { kind: 'not-leader' };
  try {
    const runId = `${deps.clock.now().toISOString().slice(0, 19).replace(/[-:]/g, '')}-${randomUUID().slice(0, 8)}`;
    const startedAt = deps.clock.now().toISOString();
    const jobs = await planJobs(deps, dryRun);
    const byKind: Record<string, number> = {};
    for (const job of jobs) byKind[job.kind] = (byKind[job.kind] ?? 0) + 1;
    const report: PlanReport = { runId, startedAt, finishedAt: startedAt, dryRun, planned: 0, alreadyPlanned: 0, requeued: 0, byKind };
    if (dryRun) return { kind: 'ran', report: { ...report, planned: jobs.length }, jobs };

    const now = deps.clock.now();
    const visibleAt = nextWorkingTime(now, deps.settings.workingHours);
    const delaySeconds = Math.max(0, (visibleAt.getTime() - now.getTime()) / 1000);
    const requeueAfterMs = deps.requeueAfterMs ?? 30 * 60_000;
    // Ledger first, queue second, one batch of jobs at a time: a crash in between leaves jobs
    // recorded as planned but not queued, and the next run re-queues them.
    for (let start = 0; start < jobs.length; start += JOBS_PER_MESSAGE) {
      const batch = jobs.slice(start, start + JOBS_PER_MESSAGE);
      const fresh: ReminderJob[] = [];
      const stranded: ReminderJob[] = [];
      await Promise.all(
        batch.map(async (job) => {
          if (await deps.ledger.tryPlan({ jobId: job.id, kind: job.kind, staffId: job.staffId, runId, plannedAt: visibleAt.toISOString() })) {
            fresh.push(job);
            return;
          }
          report.alreadyPlanned++;
          const entry = await deps.ledger.get(job.id);
          if (entry?.status === 'planned' && now.getTime() - Date.parse(entry.plannedAt) > requeueAfterMs) stranded.push(job);
        }),
      );
      if (fresh.length > 0) {
        await deps.queue.send({ jobs: fresh, runId }, delaySeconds);
        report.planned += fresh.length;
      }
      if (stranded.length > 0) {
        await deps.queue.send({ jobs: stranded, runId, requeued: true }, delaySeconds);
        await Promise.all(stranded.map((job) => deps.ledger.replan(job.id, visibleAt.toISOString())));
        report.requeued += stranded.length;
      }
    }
    report.finishedAt = deps.clock.now().toISOString();
    await deps.reports.save(report);
    return { kind: 'ran', report, jobs };
  } finally {
    if (!dryRun) await deps.lease.release(PLANNER_LEASE, options.holder);
  }
}
