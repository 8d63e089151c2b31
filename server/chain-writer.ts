import type { Logger } from 'pino';
import type { AuditOutbox, SweepReport } from '../core/storage/audit-outbox.js';

export interface RunningChainWriter {
  /** One sweep now (waits for a sweep already under way first). */
  sweepNow(): Promise<SweepReport>;
  stop(): Promise<void>;
}

/**
 * Every instance's audit chain writer: at start-up, then every `sweepMs`, it chains what crashed or
 * slow writers left in the outbox and drops what never happened (see core/storage/audit-outbox.ts).
 * Idempotent, so any number of instances sweep side by side; one sweep at a time per instance.
 */
export function startChainWriter(outbox: Pick<AuditOutbox, 'sweep'>, settings: { sweepMs: number; fenceAfterMs: number }, logger: Logger): RunningChainWriter {
  let current: Promise<SweepReport> | undefined;
  let stopped = false;
  const sweep = (): Promise<SweepReport> => {
    current ??= outbox
      .sweep({ fenceAfterMs: settings.fenceAfterMs })
      .then((report) => {
        if (report.chained > 0 || report.dropped > 0) logger.info({ event: 'audit.chain-caught-up', ...report }, 'audit chain writer settled left-over intents');
        return report;
      })
      .catch((error: unknown) => {
        logger.warn({ event: 'audit.sweep-failed', err: { message: (error as Error)?.message } }, 'audit chain sweep failed; the next one retries');
        return { chained: 0, dropped: 0, waiting: 0 };
      })
      .finally(() => (current = undefined));
    return current;
  };
  void sweep();
  const timer = setInterval(() => {
    if (!stopped) void sweep();
  }, settings.sweepMs);
  timer.unref();
  return {
    sweepNow: async () => {
      await current;
      return sweep();
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
