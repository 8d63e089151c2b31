import { odata, type TableClient } from '@azure/data-tables';
import { getEntityOrUndefined, statusOf, type TableStore } from './table-store.js';

export const DELIVERY_STATES = ['planned', 'sent', 'dead', 'stale', 'unreachable'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export interface LedgerEntry {
  jobId: string;
  kind: string;
  staffId: string;
  runId: string;
  status: DeliveryState;
  plannedAt: string;
  attempts: number;
  /** Every status code the connector answered, in order ("429,503,201"). */
  statusCodes: string;
  lastError?: string;
  sentAt?: string;
}

type LedgerEntity = Omit<LedgerEntry, 'jobId'> & { partitionKey: string; rowKey: string };

const partitionOf = (jobId: string) => `j-${jobId.slice(0, 2)}`;

/**
 * The delivery ledger: one row per reminder job, keyed by its deterministic id (PartitionKey = the
 * id's first two hex digits, spreading the load). A job whose row says `sent` is never sent again;
 * a job whose row exists was planned already.
 */
export class LedgerRepository {
  private readonly table: TableClient;

  constructor(store: TableStore) {
    this.table = store.client('ledger');
  }

  /** Records a newly planned job; false when a row for it already exists (planned before). */
  async tryPlan(entry: Omit<LedgerEntry, 'status' | 'attempts' | 'statusCodes'>): Promise<boolean> {
    const entity: LedgerEntity = {
      partitionKey: partitionOf(entry.jobId),
      rowKey: entry.jobId,
      kind: entry.kind,
      staffId: entry.staffId,
      runId: entry.runId,
      status: 'planned',
      plannedAt: entry.plannedAt,
      attempts: 0,
      statusCodes: '',
    };
    try {
      await this.table.createEntity(entity);
      return true;
    } catch (error) {
      if (statusOf(error) === 409) return false;
      throw error;
    }
  }

  async get(jobId: string): Promise<LedgerEntry | undefined> {
    const entity = await getEntityOrUndefined<LedgerEntity>(this.table, partitionOf(jobId), jobId);
    if (!entity) return undefined;
    const { partitionKey: _p, rowKey, etag: _e, timestamp: _t, ...rest } = entity as LedgerEntity & { etag?: string; timestamp?: string };
    return { ...(rest as Omit<LedgerEntry, 'jobId'>), jobId: rowKey };
  }

  /** A job put on the queue again: when it was due to go out, so it is not re-queued on every run. */
  async replan(jobId: string, plannedAt: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: partitionOf(jobId), rowKey: jobId, plannedAt }, 'Merge');
  }

  /** Records the outcome of delivery (merge: the planning facts stay). */
  async record(jobId: string, outcome: { status: DeliveryState; attempts: number; statusCodes: number[]; lastError?: string; sentAt?: string }): Promise<void> {
    await this.table.upsertEntity(
      {
        partitionKey: partitionOf(jobId),
        rowKey: jobId,
        status: outcome.status,
        attempts: outcome.attempts,
        statusCodes: outcome.statusCodes.join(','),
        ...(outcome.lastError ? { lastError: outcome.lastError.slice(0, 500) } : {}),
        ...(outcome.sentAt ? { sentAt: outcome.sentAt } : {}),
      },
      'Merge',
    );
  }

  /** Every row of one planner run (for its report). */
  async listRun(runId: string): Promise<LedgerEntry[]> {
    const rows: LedgerEntry[] = [];
    for await (const row of this.table.listEntities<LedgerEntity>({ queryOptions: { filter: odata`runId eq ${runId}` } })) {
      rows.push({ jobId: row.rowKey!, kind: row.kind, staffId: row.staffId, runId: row.runId, status: row.status, plannedAt: row.plannedAt, attempts: row.attempts, statusCodes: row.statusCodes, ...(row.lastError ? { lastError: row.lastError } : {}), ...(row.sentAt ? { sentAt: row.sentAt } : {}) });
    }
    return rows;
  }
}
