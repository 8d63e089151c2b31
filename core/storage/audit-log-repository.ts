import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { chainEntry, GENESIS_HASH, type AuditEvent, type ChainedAuditEntry } from '../audit/audit-chain.js';
import type { Clock } from '../time/clock.js';
import { getEntityOrUndefined, statusOf, type TableStore } from './table-store.js';

/**
 * The audit chain in Table Storage: PartitionKey `chain`, RowKey = zero-padded sequence, plus a head
 * row (`~head`) with the last sequence and hash. An append writes the entry and moves the head in one
 * transaction, conditional on the head's ETag: two instances appending at once never fork the chain
 * (the loser reads the new head and tries again). Entries are only ever created, never updated.
 *
 * An append may carry the id of the change it records (`appendOnce`): a row `~id|<id>` is created in
 * the same transaction, so the same change is chained once however many writers try (the use case
 * itself, and every instance's chain writer catching up after a crash).
 */
const PARTITION = 'chain';
const HEAD = '~head';
const ONCE = '~id|';
const pad = (seq: number) => String(seq).padStart(12, '0');

type HeadEntity = { partitionKey: string; rowKey: string; seq: number; hash: string };
type EntryEntity = { partitionKey: string; rowKey: string; data: string };
type OnceEntity = { partitionKey: string; rowKey: string; seq: number };

export interface AuditLog {
  append(event: AuditEvent): Promise<ChainedAuditEntry>;
}

export class AuditLogRepository implements AuditLog {
  private readonly table: TableClient;

  constructor(
    store: TableStore,
    private readonly clock: Clock,
  ) {
    this.table = store.client('auditlog');
  }

  async append(event: AuditEvent): Promise<ChainedAuditEntry> {
    return (await this.write(event, undefined)).entry!;
  }

  /**
   * Appends the event unless the change `id` is already in the chain. Answers whether this call
   * appended it (false: someone else did, before or at the same moment).
   */
  async appendOnce(id: string, event: AuditEvent): Promise<{ appended: boolean; seq: number }> {
    const outcome = await this.write(event, id);
    return { appended: outcome.entry !== undefined, seq: outcome.seq };
  }

  /** Whether the change `id` is in the chain, and at which sequence number. */
  async chainedAt(id: string): Promise<number | undefined> {
    return (await getEntityOrUndefined<OnceEntity>(this.table, PARTITION, ONCE + id))?.seq;
  }

  private async write(event: AuditEvent, id: string | undefined): Promise<{ entry?: ChainedAuditEntry; seq: number }> {
    for (let attempt = 0; ; attempt++) {
      const head = await getEntityOrUndefined<HeadEntity>(this.table, PARTITION, HEAD);
      const seq = (head?.seq ?? 0) + 1;
      const entry = chainEntry(event, seq, this.clock.now().toISOString(), head?.hash ?? GENESIS_HASH);
      const newHead: HeadEntity = { partitionKey: PARTITION, rowKey: HEAD, seq, hash: entry.hash };
      const row: EntryEntity = { partitionKey: PARTITION, rowKey: pad(seq), data: JSON.stringify(entry) };
      const actions: TransactionAction[] = [['create', row], head ? ['update', newHead, 'Replace', { etag: head.etag }] : ['create', newHead]];
      if (id) actions.push(['create', { partitionKey: PARTITION, rowKey: ONCE + id, seq } satisfies OnceEntity]);
      try {
        await this.table.submitTransaction(actions);
        return { entry, seq };
      } catch (error) {
        const status = statusOf(error);
        if (status === 409 || status === 412) {
          if (id) {
            const already = await this.chainedAt(id);
            if (already !== undefined) return { seq: already };
          }
          if (attempt < 50) {
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * (attempt + 1)));
            continue;
          }
        }
        throw error;
      }
    }
  }

  /** Entries in sequence order, from `fromSeq` (inclusive), at most `limit`. */
  async list(options: { fromSeq?: number; limit?: number } = {}): Promise<ChainedAuditEntry[]> {
    const from = pad(options.fromSeq ?? 1);
    const limit = options.limit ?? 10_000;
    const entries: ChainedAuditEntry[] = [];
    const rows = this.table.listEntities<EntryEntity>({ queryOptions: { filter: odata`PartitionKey eq ${PARTITION} and RowKey ge ${from} and RowKey lt ${HEAD}` } });
    for await (const row of rows) {
      entries.push(JSON.parse(row.data) as ChainedAuditEntry);
      if (entries.length >= limit) break;
    }
    return entries;
  }

  async head(): Promise<{ seq: number; hash: string }> {
    const head = await getEntityOrUndefined<HeadEntity>(this.table, PARTITION, HEAD);
    return { seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH };
  }
}
