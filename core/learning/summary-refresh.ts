import { randomUUID } from 'node:crypto';
import type { PersonSummary } from './person-summary.js';
import type { LearningDeps } from './ports.js';
import { refreshSummary } from './refresh-summary.js';

/** A background recomputation of person summaries after the matrix changed, with its progress on record. */
export interface RefreshJob {
  id: string;
  reason: string;
  actorId: string;
  state: 'running' | 'done' | 'failed' | 'stopped';
  total: number;
  done: number;
  failed: number;
  startedAt: string;
  updatedAt: string;
  finishedAt?: string;
}

export interface RefreshJobStore {
  save(job: RefreshJob): Promise<void>;
  latest(): Promise<RefreshJob | undefined>;
}

/** A job that stopped saying how far it got (its instance died) is shown as interrupted, not as running for ever. */
export const STALE_AFTER_MS = 60_000;

export function isStale(job: RefreshJob, now: Date): boolean {
  return job.state === 'running' && now.getTime() - Date.parse(job.updatedAt) > STALE_AFTER_MS;
}

/**
 * Who a matrix change can affect, from the summary rows (the compact per-person rows the reports
 * read): people with a requirement in a changed subject, or holding a changed role. A role that gave
 * someone no requirement at all is not in their summary: "refresh everyone" covers that rare case.
 */
export function affectedStaff(summaries: readonly PersonSummary[], change: { subjectIds?: readonly string[]; roleIds?: readonly string[] }): string[] {
  const subjects = new Set(change.subjectIds ?? []);
  const roles = new Set(change.roleIds ?? []);
  return summaries
    .filter((s) => s.roleIds.some((r) => roles.has(r)) || s.items.some((i) => subjects.has(i.subjectId)))
    .map((s) => s.staffId);
}

/**
 * Runs refreshes one job at a time per instance, a few people in parallel, writing progress every
 * second or so; stop() ends the current job early (marked stopped) so a shutdown never waits long.
 */
export class SummaryRefresher {
  private stopping = false;
  private running: Promise<void> | undefined;

  constructor(private readonly deps: LearningDeps & { jobs: RefreshJobStore; listAll(): Promise<PersonSummary[]> }, private readonly concurrency = 8) {}

  /** Starts a job for the people `select` picks from the summaries (all when it is undefined); returns it at once. */
  async start(reason: string, actorId: string, select?: (summaries: PersonSummary[]) => string[]): Promise<RefreshJob> {
    const now = this.deps.clock.now().toISOString();
    const job: RefreshJob = { id: randomUUID(), reason, actorId, state: 'running', total: 0, done: 0, failed: 0, startedAt: now, updatedAt: now };
    await this.deps.jobs.save(job);
    const previous = this.running ?? Promise.resolve();
    this.running = previous.then(() => this.run(job, select)).catch(() => undefined);
    return job;
  }

  private async run(job: RefreshJob, select?: (summaries: PersonSummary[]) => string[]): Promise<void> {
    const touch = async (fields: Partial<RefreshJob>) => {
      Object.assign(job, fields, { updatedAt: this.deps.clock.now().toISOString() });
      await this.deps.jobs.save({ ...job });
    };
    try {
      const summaries = await this.deps.listAll();
      const ids = select ? select(summaries) : summaries.map((s) => s.staffId);
      await touch({ total: ids.length });
      let next = 0;
      let lastWrite = Date.now();
      const worker = async () => {
        while (next < ids.length && !this.stopping) {
          const id = ids[next++]!;
          try {
            await refreshSummary(this.deps, id);
            job.done++;
          } catch {
            job.failed++;
          }
          if (Date.now() - lastWrite > 1000) {
            lastWrite = Date.now();
            await touch({});
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.concurrency, Math.max(ids.length, 1)) }, worker));
      await touch({ state: this.stopping ? 'stopped' : 'done', finishedAt: this.deps.clock.now().toISOString() });
    } catch {
      await touch({ state: 'failed', finishedAt: this.deps.clock.now().toISOString() }).catch(() => undefined);
    }
  }

  /** Resolves when every job started so far has finished. */
  async idle(): Promise<void> {
    await this.running;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
  }
}
