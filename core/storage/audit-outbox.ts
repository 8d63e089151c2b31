import { randomUUID } from 'node:crypto';
import { odata, type TableClient, type TableTransactionResponse, type TransactionAction } from '@azure/data-tables';
import type { AuditEvent } from '../audit/audit-chain.js';
import type { AuditLogRepository } from './audit-log-repository.js';
import { joinChunks, splitIntoChunks } from './property-chunks.js';
import { chunk, getEntityOrUndefined, statusOf, type TableName, type TableStore } from './table-store.js';

/**
 * Makes "the change is stored but its audit entry is not" impossible, whatever moment the process dies.
 *
 * The change and the organisation's audit chain live in different partitions (a learner's aggregate,
 * a catalogue row, an import run…), so they cannot share a transaction. Instead:
 *
 * 1. before the change, an **intent** (the event to chain, and where the change is written) is stored
 *    in the outbox (`auditlog` table, partition `outbox`, RowKey = a fresh change id);
 * 2. the change's own transaction also creates a **fence row** `~chain|<id>` in its partition, so
 *    "the change committed" and "the fence row exists" are one fact;
 * 3. after the change, the event is appended to the chain under its change id (once, however often it
 *    is tried: see AuditLogRepository.appendOnce) and the intent removed.
 *
 * A chain writer on every instance (`sweep`, at start-up and every few seconds) finishes what a
 * crashed process left: an intent whose fence row exists is chained; an intent older than the fence
 * delay whose fence row does not exist gets one created as `fenced`, which makes the change's
 * transaction fail if it ever arrives late, so it is dropped knowing that the change never happened.
 */
const OUTBOX = 'outbox';
export const FENCE_PREFIX = '~chain|';

/** Rows that are fences, not data: repositories that list whole partitions skip them. */
export const isFenceRow = (rowKey: string | undefined): boolean => (rowKey ?? '').startsWith(FENCE_PREFIX);

/** Where a change is written: its table and partition (the fence row goes in the same transaction). */
export interface ChainFence {
  table: TableName;
  partitionKey: string;
}

type IntentEntity = { partitionKey: string; rowKey: string; table: string; fencePartition: string; createdAt: string } & Record<string, unknown>;
type FenceEntity = { partitionKey: string; rowKey: string; state: 'committed' | 'fenced' };

export interface SweepReport {
  /** Intents whose change had committed, now chained (by this sweep or found chained already). */
  chained: number;
  /** Intents whose change never committed (fenced, or refused at once), now dropped. */
  dropped: number;
  /** Intents too young to judge, left for a later sweep. */
  waiting: number;
}

export interface ChainedWrite {
  /** Table Storage operations to add to the change's transaction (in the fence's partition). */
  fenceRows: TransactionAction[];
}

export class AuditOutbox {
  private readonly outbox: TableClient;

  constructor(
    private readonly store: TableStore,
    private readonly chain: Pick<AuditLogRepository, 'appendOnce'>,
    private readonly onSettleFailed: (error: unknown) => void = () => undefined,
  ) {
    this.outbox = store.client('auditlog');
  }

  /**
   * Records the intents, runs `write` (which must put `fenceRows` in the same transaction as the
   * change), then chains the events. With no events, just runs `write`.
   */
  async commit<T>(fence: ChainFence, events: readonly AuditEvent[], write: (chained: ChainedWrite) => Promise<T>): Promise<T> {
    if (events.length === 0) return write({ fenceRows: [] });
    if (events.length > 50) throw new Error('at most 50 audit events a change');
    const intents = events.map((event) => ({ id: randomUUID(), event }));
    // The wall clock, not the app's (which tests and benchmarks fix): the sweep judges age by it.
    const createdAt = new Date().toISOString();
    await this.outbox.submitTransaction(intents.map(({ id, event }): TransactionAction => ['create', intentEntity(id, event, fence, createdAt)]));
    let result: T;
    try {
      result = await write({ fenceRows: intents.map(({ id }): TransactionAction => ['create', { partitionKey: fence.partitionKey, rowKey: FENCE_PREFIX + id, state: 'committed' } satisfies FenceEntity]) });
    } catch (error) {
      // Storage refused the transaction (a 4xx): it did not happen, and never will with these ids.
      // Anything else (a timeout, a dropped connection) may have committed: the sweep decides.
      const status = statusOf(error);
      if (status !== undefined && status >= 400 && status < 500) await this.forget(intents.map((i) => i.id), fence, false).catch(() => undefined);
      throw error;
    }
    try {
      for (const { id, event } of intents) await this.chain.appendOnce(id, event);
      await this.forget(intents.map((i) => i.id), fence, true);
    } catch (error) {
      // The change is stored and its intent kept: the next sweep, on any instance, chains it.
      this.onSettleFailed(error);
    }
    return result;
  }

  /** Runs a change that turned out to write nothing: its intents are removed at once (the sweep would drop them anyway). */
  private async forget(ids: readonly string[], fence: ChainFence, removeFences: boolean): Promise<void> {
    await Promise.all(
      ids.map(async (id) => {
        await this.outbox.deleteEntity(OUTBOX, id).catch(ignoreMissing);
        if (removeFences) await this.store.client(fence.table).deleteEntity(fence.partitionKey, FENCE_PREFIX + id).catch(ignoreMissing);
      }),
    );
  }

  /** Intents not yet settled (for tests and the readiness report). */
  async pending(): Promise<number> {
    let count = 0;
    for await (const _ of this.outbox.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${OUTBOX}`, select: ['RowKey'] } })) count++;
    return count;
  }

  /** Settles every intent a crashed or slow writer left; idempotent, safe on any number of instances at once. */
  async sweep(options: { fenceAfterMs: number; now?: number }): Promise<SweepReport> {
    const now = options.now ?? Date.now();
    const report: SweepReport = { chained: 0, dropped: 0, waiting: 0 };
    const rows = this.outbox.listEntities<IntentEntity>({ queryOptions: { filter: odata`PartitionKey eq ${OUTBOX}` } });
    for await (const row of rows) {
      const id = row.rowKey;
      const fence: ChainFence = { table: row.table as TableName, partitionKey: row.fencePartition };
      const event = JSON.parse(joinChunks('event', row)) as AuditEvent;
      const fenceTable = this.store.client(fence.table);
      let found: Pick<FenceEntity, 'state'> | undefined = await getEntityOrUndefined<FenceEntity>(fenceTable, fence.partitionKey, FENCE_PREFIX + id);
      if (!found) {
        if (now - Date.parse(row.createdAt) < options.fenceAfterMs) {
          report.waiting++;
          continue;
        }
        try {
          await fenceTable.createEntity({ partitionKey: fence.partitionKey, rowKey: FENCE_PREFIX + id, state: 'fenced' } satisfies FenceEntity);
          found = { state: 'fenced' };
        } catch (error) {
          if (statusOf(error) !== 409) throw error;
          found = await getEntityOrUndefined<FenceEntity>(fenceTable, fence.partitionKey, FENCE_PREFIX + id);
        }
      }
      if (found?.state === 'committed') {
        await this.chain.appendOnce(id, event);
        await this.forget([id], fence, true);
        report.chained++;
      } else {
        // Fenced: the change can never commit now. The fence row stays, so a late transaction still fails.
        await this.outbox.deleteEntity(OUTBOX, id).catch(ignoreMissing);
        report.dropped++;
      }
    }
    return report;
  }
}

function intentEntity(id: string, event: AuditEvent, fence: ChainFence, createdAt: string): IntentEntity {
  return { partitionKey: OUTBOX, rowKey: id, table: fence.table, fencePartition: fence.partitionKey, createdAt, ...splitIntoChunks('event', JSON.stringify(event)) };
}

function ignoreMissing(error: unknown): void {
  if (statusOf(error) !== 404) throw error;
}

/** The fence rows of one change, batched with its other operations: all in the first transaction. */
export function withFenceRows(actions: readonly TransactionAction[], chained: ChainedWrite): TransactionAction[][] {
  const [first = [], ...rest] = chunk(actions, 100 - chained.fenceRows.length);
  return [[...first, ...chained.fenceRows], ...rest];
}

/**
 * Submits one change (its operations all in `fence`'s partition) so that `chain` is chained exactly
 * when it is stored. Without events, the operations are submitted as they are.
 */
export async function submitChained(
  outbox: AuditOutbox | undefined,
  client: TableClient,
  fence: ChainFence,
  actions: readonly TransactionAction[],
  chain: readonly AuditEvent[] = [],
): Promise<TableTransactionResponse[]> {
  const submit = async (batches: TransactionAction[][]) => {
    const responses: TableTransactionResponse[] = [];
    for (const batch of batches) responses.push(await client.submitTransaction(batch));
    return responses;
  };
  if (chain.length === 0) return submit(chunk(actions, 100));
  if (!outbox) throw new Error(`no audit outbox for the ${fence.table} table: a change with chain events cannot be stored`);
  return outbox.commit(fence, chain, (chained) => submit(withFenceRows(actions, chained)));
}
