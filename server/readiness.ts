import { PLANNER_LEASE } from '../core/reminders/planner.js';
import { statusOf } from '../core/storage/table-store.js';
import type { Services } from './services.js';

/**
 * Readiness, as a load balancer should see it: can this instance reach what it needs to answer (tables,
 * the reminder lease, the queue), and is it still taking work? Every probe is a single cheap call with
 * its own timeout, so a hanging storage account makes /readyz answer 503 quickly instead of hanging too.
 * The answer names checks and outcomes only: no account names, URLs, error texts or people.
 */

export type CheckOutcome = { ok: true; ms: number; [detail: string]: unknown } | { ok: false; ms: number; problem: string };

export interface ReadinessReport {
  status: 'ready' | 'not-ready' | 'draining';
  checks: Record<string, CheckOutcome>;
}

export interface ReadinessProbe {
  name: string;
  /** Resolves with details safe to show anyone (counts, booleans), or throws. */
  run(): Promise<Record<string, unknown>>;
}

export interface Readiness {
  check(): Promise<ReadinessReport>;
  /** From now on the instance answers "draining" (503), so load balancers send it nothing new. */
  startDraining(): void;
  readonly draining: boolean;
}

class ProbeTimeout extends Error {}

/** The storage service's error code (e.g. TableNotFound), wherever the SDK put it. */
function storageCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; details?: { code?: unknown; odataError?: { code?: unknown } } } | undefined;
  const code = e?.code ?? e?.details?.odataError?.code ?? e?.details?.code;
  return typeof code === 'string' && /^[A-Za-z_]{3,40}$/.test(code) ? code : undefined;
}

/** A short, non-identifying description of why a probe failed. */
function problemOf(error: unknown): string {
  if (error instanceof ProbeTimeout) return 'timed out';
  const status = statusOf(error);
  const safeCode = storageCode(error);
  if (status) return `storage answered ${status}${safeCode ? ` (${safeCode})` : ''}`;
  if (safeCode) return `unreachable (${safeCode})`;
  return 'failed';
}

async function timed(probe: ReadinessProbe, timeoutMs: number): Promise<CheckOutcome> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const details = await Promise.race([
      probe.run(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new ProbeTimeout()), timeoutMs);
      }),
    ]);
    return { ...details, ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, ms: Math.round(performance.now() - started), problem: problemOf(error) };
  } finally {
    clearTimeout(timer);
  }
}

export function createReadiness(probes: ReadinessProbe[], options: { timeoutMs?: number } = {}): Readiness {
  const timeoutMs = options.timeoutMs ?? 2000;
  let draining = false;
  // Concurrent callers (several load balancer front ends, a monitor) share one round of probes.
  let running: Promise<ReadinessReport> | undefined;
  const probeAll = async (): Promise<ReadinessReport> => {
    const outcomes = await Promise.all(probes.map(async (probe) => [probe.name, await timed(probe, timeoutMs)] as const));
    const checks = Object.fromEntries(outcomes);
    if (draining) return { status: 'draining', checks };
    return { status: outcomes.every(([, outcome]) => outcome.ok) ? 'ready' : 'not-ready', checks };
  };
  return {
    check: () => {
      if (draining) return Promise.resolve({ status: 'draining', checks: {} });
      running ??= probeAll().finally(() => (running = undefined));
      return running;
    },
    startDraining: () => {
      draining = true;
    },
    get draining() {
      return draining;
    },
  };
}

/** The probes of a running instance: a table point read, the planner lease, the reminder queue. */
export function storageProbes(services: Pick<Services, 'store' | 'leases' | 'reminderQueue'>, holder: () => string | undefined): ReadinessProbe[] {
  return [
    {
      name: 'tables',
      // A point read of a row that never exists: 404 proves the table service answered and we may read.
      run: async () => {
        try {
          await services.store.client('leases').getEntity('readiness', 'probe');
        } catch (error) {
          // 404 for the row is the expected answer; 404 for the table itself means storage is not set up.
          if (statusOf(error) !== 404 || storageCode(error) === 'TableNotFound') throw error;
        }
        return {};
      },
    },
    {
      name: 'reminderLease',
      run: async () => {
        const current = await services.leases.holder(PLANNER_LEASE);
        return { held: current !== undefined, heldHere: current !== undefined && current === holder() };
      },
    },
    {
      name: 'queue',
      run: async () => ({ approximateMessages: await services.reminderQueue.approximateCount() }),
    },
  ];
}
