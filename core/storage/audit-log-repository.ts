import { odata, type TableClient } from '@azure/data-tables';
import { chainEntry, GENESIS_HASH, type AuditEvent, type ChainedAuditEntry } from '../audit/audit-chain.js';
import type { Clock } from '../time/clock.js';
import { getEntityOrUndefined, statusOf, type TableStore } from './table-store.js';

/**
 * The audit chain in Table Storage: PartitionKey `chain`, RowKey = zero-padded sequence, plus a head
 * row (`~head`) with the last sequence and hash. An append writes the entry and moves the head in one
 * transaction, conditional on the head's ETag: two instances appending at once never fork the chain
 * (the loser reads the new head and tries again). Entries are only ever created, never updated.
 */
const PARTITION = 'chain';
const HEAD = '~head';
const pad = (seq: number) => String(seq).padStart(12, '0');

type HeadEntity = { partitionKey: string; rowKey: string; seq: number; hash: string };
type EntryEntity = { partitionKey: string; rowKey: string; data: string };

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
    for (let attempt = 0; ; attempt++) {
      const head = await getEntityOrUndefined<HeadEntity>(this.table, PARTITION, HEAD);
      const seq = (head?.seq ?? 0) + 1;
      const entry = chainEntry(event, seq, this.clock.now().toISOString(), head?.hash ?? GENESIS_HASH);
      const newHead: HeadEntity = { partitionKey: PARTITION, rowKey: HEAD, seq, hash: entry.hash };
      const row: EntryEntity = { partitionKey: PARTITION, rowKey: pad(seq), data: JSON.stringify(entry) };
      try {
        await this.table.submitTransaction([
          ['create', row],
          head ? ['update', newHead, 'Replace', { etag: head.etag }] : ['create', newHead],
        ]);
        return entry;
      } catch (error) {
        const status = statusOf(error);
        if ((status === 409 || status === 412) && attempt < 50) {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * (attempt + 1)));
          continue;
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
