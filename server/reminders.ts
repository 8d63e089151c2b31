import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import { ConnectorPool } from '../bot/reminders/connector-pool.js';
import { SendPacer } from '../bot/reminders/rate-limiter.js';
import type { Logger } from 'pino';
import { runPlanner, type PlannerDeps, type PlannerOutcome } from '../core/reminders/planner.js';
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
  runPlannerNow(): Promise<PlannerOutcome>;
  senders: ReminderSender[];
  stop(): Promise<void>;
}

/**
 * The reminder machinery of one instance: the planner on its schedule (only the lease holder plans)
 * and this instance's senders. Any number of instances can run it side by side.
 */
export function startReminders(config: AppConfig, services: Services, logger: Logger): RunningReminders {
  const holder = `${os.hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const deps = plannerDeps(config, services);
  const runPlannerNow = async () => {
    const outcome = await runPlanner(deps, { holder });
    if (outcome.kind === 'ran') logger.info({ event: 'reminders.planned', runId: outcome.report.runId, planned: outcome.report.planned, already: outcome.report.alreadyPlanned, requeued: outcome.report.requeued }, 'reminders planned');
    return outcome;
  };
  const cron = config.reminders.schedule
    ? new Cron(config.reminders.schedule, { timezone: 'Europe/London', protect: true }, () => {
        runPlannerNow().catch((error: unknown) => logger.error({ event: 'reminders.plan-failed', err: { message: (error as Error).message } }, 'planning failed'));
      })
    : undefined;
  const connectors = new ConnectorPool(config.bot);
  const pacer = new SendPacer(config.reminders.settings.globalPerSecond, config.reminders.settings.perConversationPerSecond);
  const senders = Array.from({ length: config.reminders.workers }, () => createSender(config, services, connectors, logger, pacer));
  for (const sender of senders) sender.start();
  return {
    runPlannerNow,
    senders,
    stop: async () => {
      cron?.stop();
      await Promise.all(senders.map((s) => s.stop()));
    },
  };
}
