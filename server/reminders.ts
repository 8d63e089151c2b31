import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import { ConnectorPool } from '../bot/reminders/connector-pool.js';
import { SendPacer } from '../bot/reminders/rate-limiter.js';
import type { Logger } from 'pino';
import { PLANNER_LEASE, runPlanner, type PlannerDeps, type PlannerOutcome } from '../core/reminders/planner.js';
import { ReminderSender } from '../bot/reminders/reminder-sender.js';
import type { AppConfig } from './config.js';
import type { Services } from './services.js';

/** The planner's dependencies, from the process's services (shared by the scheduler and `npm run remind`). */
export function plannerDeps(config: AppConfig, services: Services): PlannerDeps {
  return {
    summaries: services.summaries,
    ledger: services.ledger,
    queue: services.reminderQueue,
    lease: services.leases,
    pendingRequests: async (managerId) => (await services.requests.inbox(managerId)).length,
    catalogue: services.catalogue,
    announced: { get: () => services.runs.getAnnounced(), set: (version, catalogue) => services.runs.setAnnounced(version, catalogue) },
    reports: services.runs,
    clock: services.learning.clock,
    settings: config.reminders.settings,
    rules: config.rules,
  };
}

export function createSender(config: AppConfig, services: Services, connectors: ConnectorPool, logger: Logger, pacer?: SendPacer): ReminderSender {
  return new ReminderSender({
    queue: services.reminderQueue,
    deadLetters: services.deadLetters,
    ledger: services.ledger,
    conversations: services.conversations,
    connectors,
    catalogue: services.catalogue,
    clock: services.learning.clock,
    settings: config.reminders.settings,
    logger,
    visibilityTimeoutSeconds: config.reminders.visibilityTimeoutSeconds,
    ...(pacer ? { pacer } : {}),
  });
}

export interface RunningReminders {
  /** Who this instance is when it takes the planner lease. */
  holder: string;
  runPlannerNow(): Promise<PlannerOutcome>;
  senders: ReminderSender[];
  /** What a stop right now would cut short: a planning run, reminder jobs being sent. */
  inFlight(): { planning: boolean; jobs: number };
  /** Stops planning and taking jobs; waits for the planning run and the jobs in hand, then lets the lease go. */
  stop(): Promise<void>;
  /** Lets the planner lease go if this instance holds it (also used when a shutdown deadline passes). */
  releaseLease(): Promise<void>;
}

/**
 * The reminder machinery of one instance: the planner on its schedule (only the lease holder plans)
 * and this instance's senders. Any number of instances can run it side by side.
 */
export function startReminders(config: AppConfig, services: Services, logger: Logger): RunningReminders {
  const holder = `${os.hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopping = false;
  let skipped = 0;
  const base = plannerDeps(config, services);
  // A stop cuts a planning run short between jobs, never inside one: once stopping, a job not yet
  // recorded in the ledger is left unrecorded (as if another run had it), so nothing is half planned;
  // its deterministic id lets the next run, on any instance, plan it. Jobs already recorded are queued as usual.
  const deps: PlannerDeps = {
    ...base,
    ledger: {
      tryPlan: (entry) => (stopping ? (skipped++, Promise.resolve(false)) : base.ledger.tryPlan(entry)),
      get: (jobId) => (stopping ? Promise.resolve(undefined) : base.ledger.get(jobId)),
      replan: (jobId, plannedAt) => base.ledger.replan(jobId, plannedAt),
    },
    reports: {
      save: (report) => base.reports.save(skipped > 0 ? { ...report, alreadyPlanned: report.alreadyPlanned - skipped } : report),
    },
  };
  // One planning run at a time in this process: the lease keeps other instances out, but a second run
  // of the same holder would renew it, and the first one's release would then free it mid-run.
  let planning: Promise<PlannerOutcome> | undefined;
  const runPlannerNow = (): Promise<PlannerOutcome> => {
    if (stopping) return Promise.resolve({ kind: 'not-leader' });
    planning ??= (async () => {
      const started = Date.now();
      skipped = 0;
      const outcome = await runPlanner(deps, { holder });
      if (outcome.kind === 'not-leader') logger.debug({ event: 'reminders.not-leader' }, 'another instance holds the planner lease');
      if (outcome.kind === 'ran') logger.info({ event: 'reminders.planned', runId: outcome.report.runId, planned: outcome.report.planned, already: outcome.report.alreadyPlanned - skipped, requeued: outcome.report.requeued, leftForNextRun: skipped, ms: Date.now() - started }, 'reminders planned');
      return outcome;
    })().finally(() => (planning = undefined));
    return planning;
  };
  const cron = config.reminders.schedule
    ? new Cron(config.reminders.schedule, { timezone: 'Europe/London', protect: true }, async () => {
        // Returning the run lets croner's `protect` skip a tick while it is still going.
        await runPlannerNow().catch((error: unknown) => logger.error({ event: 'reminders.plan-failed', err: { message: (error as Error).message } }, 'planning failed'));
      })
    : undefined;
  const releaseLease = () => services.leases.release(PLANNER_LEASE, holder);
  const connectors = new ConnectorPool(config.bot);
  const pacer = new SendPacer(config.reminders.settings.globalPerSecond, config.reminders.settings.perConversationPerSecond);
  const senders = Array.from({ length: config.reminders.workers }, () => createSender(config, services, connectors, logger, pacer));
  for (const sender of senders) sender.start();
  return {
    holder,
    runPlannerNow,
    senders,
    inFlight: () => ({ planning: planning !== undefined, jobs: senders.reduce((sum, s) => sum + s.inFlightCount, 0) }),
    stop: async () => {
      stopping = true;
      cron?.stop();
      // The planning run ends at its next job (see `deps`) and releases the lease itself; releasing
      // again afterwards covers a run ended by an error before its release.
      await Promise.all([planning?.catch(() => undefined), ...senders.map((s) => s.stop())]);
      await releaseLease();
    },
    releaseLease,
  };
}
