import type { PlanReport } from './planner.js';

export interface RunDelivery {
  runId: string;
  startedAt: string;
  planned: number;
  sent: number;
  failed: number;
  stale: number;
  skipped: number;
  waiting: number;
}

/**
 * A planner run with what became of its jobs: sent, failed (dead-lettered), stale (not reachable in
 * Teams), skipped (no conversation with the bot) and still waiting — read from the delivery ledger.
 * The dashboards show it; `npm run remind -- --report` prints it.
 */
export async function runDelivery(
  report: PlanReport,
  ledger: { listRun(runId: string): Promise<{ status: string }[]> },
): Promise<RunDelivery> {
  const rows = await ledger.listRun(report.runId);
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  return {
    runId: report.runId,
    startedAt: report.startedAt,
    planned: report.planned,
    sent: count('sent'),
    failed: count('dead'),
    stale: count('stale'),
    skipped: count('unreachable'),
    waiting: count('planned'),
  };
}
