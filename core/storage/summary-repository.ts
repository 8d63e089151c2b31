import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { decodeSummaryItems, encodeSummaryItems, type PersonSummary } from '../learning/person-summary.js';
import type { LocalDate } from '../time/local-date.js';
import { shardOf } from './key-shard.js';
import { chunk, getEntityOrUndefined, runConcurrently, type TableStore } from './table-store.js';

export const SUMMARY_SHARDS = 16;

export type SummaryEntity = {
  partitionKey: string;
  rowKey: string;
  name: string;
  staffGroup: string;
  orgUnit: string;
  category: string;
  roleIds: string;
  managerIds: string;
  aadObjectId?: string;
  absences?: string;
  computedOn: string;
  items: string;
};

function toEntity(summary: PersonSummary): SummaryEntity {
  return {
    partitionKey: `s-${shardOf(summary.staffId, SUMMARY_SHARDS)}`,
    rowKey: summary.staffId,
    name: summary.name,
    staffGroup: summary.staffGroup,
    orgUnit: summary.orgUnit,
    category: summary.category,
    roleIds: summary.roleIds.join(','),
    managerIds: summary.managerIds.join(','),
    ...(summary.aadObjectId ? { aadObjectId: summary.aadObjectId } : {}),
    ...(summary.absences.length ? { absences: summary.absences.map((a) => `${a.from}:${a.to ?? ''}`).join(';') } : {}),
    computedOn: summary.computedOn,
    items: encodeSummaryItems(summary.items),
  };
}

/** A stored summary row back to a PersonSummary (the organisation report reads rows itself to read only what changed). */
export function fromEntity(entity: SummaryEntity): PersonSummary {
  return {
    staffId: entity.rowKey,
    name: entity.name,
    staffGroup: entity.staffGroup,
    orgUnit: entity.orgUnit,
    category: entity.category,
    roleIds: entity.roleIds ? entity.roleIds.split(',') : [],
    managerIds: entity.managerIds ? entity.managerIds.split(',') : [],
    ...(entity.aadObjectId ? { aadObjectId: entity.aadObjectId } : {}),
    absences: entity.absences
      ? entity.absences.split(';').map((part) => {
          const [from = '', to = ''] = part.split(':');
          return { from: from as LocalDate, ...(to ? { to: to as LocalDate } : {}) };
        })
      : [],
    computedOn: entity.computedOn as LocalDate,
    items: decodeSummaryItems(entity.items),
  };
}

/**
 * One compact row per person, rewritten whenever that person's learning changes, so an
 * organisation-wide report reads 1 row per person instead of every record. PartitionKey = one of
 * 16 shards (read in parallel), RowKey = staff id.
 */
export class SummaryRepository {
  private readonly table: TableClient;

  constructor(store: TableStore) {
    this.table = store.client('summaries');
  }

  async save(summary: PersonSummary): Promise<void> {
    await this.table.upsertEntity(toEntity(summary), 'Replace');
  }

  async saveMany(summaries: readonly PersonSummary[], concurrency = 8): Promise<void> {
    const byPartition = new Map<string, SummaryEntity[]>();
    for (const summary of summaries) {
      const entity = toEntity(summary);
      const list = byPartition.get(entity.partitionKey) ?? [];
      list.push(entity);
      byPartition.set(entity.partitionKey, list);
    }
    const batches = [...byPartition.values()].flatMap((rows) => chunk(rows, 100));
    await runConcurrently(batches, concurrency, async (rows) => {
      const actions: TransactionAction[] = rows.map((row) => ['upsert', row, 'Replace']);
      await this.table.submitTransaction(actions);
    });
  }

  async get(staffId: string): Promise<PersonSummary | undefined> {
    const entity = await getEntityOrUndefined<SummaryEntity>(this.table, `s-${shardOf(staffId, SUMMARY_SHARDS)}`, staffId);
    return entity ? fromEntity(entity as SummaryEntity) : undefined;
  }

  /** Every summary, the shards read in parallel, page by page. */
  async listAll(): Promise<PersonSummary[]> {
    const shards = Array.from({ length: SUMMARY_SHARDS }, (_, i) => `s-${String(i).padStart(2, '0')}`);
    const pages = await Promise.all(
      shards.map(async (partitionKey) => {
        const out: PersonSummary[] = [];
        const rows = this.table.listEntities<SummaryEntity>({
          queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` },
        });
        for await (const row of rows) out.push(fromEntity(row as SummaryEntity));
        return out;
      }),
    );
    return pages.flat();
  }
}
