import { createHash } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import type { TrustedIssuer, TrustListStore } from '../passport/ports.js';
import { getEntityOrUndefined, statusOf, type TableStore } from './table-store.js';
import type { AuditEvent } from '../audit/audit-chain.js';
import { isFenceRow, submitChained, type AuditOutbox } from './audit-outbox.js';

/**
 * The trust list, in the `passports` table: PartitionKey `trust`, RowKey = a hash of the issuer URL
 * (URLs hold characters a RowKey may not), one row per trusted issuer. Small by nature: read whole.
 */
const PARTITION = 'trust';
const rowKey = (issuer: string) => createHash('sha256').update(issuer).digest('hex').slice(0, 40);
type Entity = { partitionKey: string; rowKey: string; data: string; removed?: boolean };

export class PassportTrustRepository implements TrustListStore {
  private readonly table: TableClient;

  constructor(
    store: TableStore,
    private readonly outbox?: AuditOutbox,
  ) {
    this.table = store.client('passports');
  }

  async list(): Promise<TrustedIssuer[]> {
    const entries: TrustedIssuer[] = [];
    for await (const row of this.table.listEntities<Entity>({ queryOptions: { filter: odata`PartitionKey eq ${PARTITION}` } })) {
      if (!isFenceRow(row.rowKey) && !row.removed) entries.push(JSON.parse(row.data) as TrustedIssuer);
    }
    return entries.sort((a, b) => a.name.localeCompare(b.name));
  }

  async find(issuer: string): Promise<TrustedIssuer | undefined> {
    const row = await getEntityOrUndefined<Entity>(this.table, PARTITION, rowKey(issuer));
    return row && !row.removed ? (JSON.parse(row.data) as TrustedIssuer) : undefined;
  }

  /** Adds the issuer (false when it is on the list already); `chain` is chained exactly when it is added. */
  async add(entry: TrustedIssuer, chain: readonly AuditEvent[] = []): Promise<boolean> {
    const key = rowKey(entry.issuer);
    const row = { partitionKey: PARTITION, rowKey: key, data: JSON.stringify(entry) };
    const tombstone = await getEntityOrUndefined<Entity>(this.table, PARTITION, key);
    if (tombstone && !tombstone.removed) return false;
    try {
      await submitChained(this.outbox, this.table, { table: 'passports', partitionKey: PARTITION }, [tombstone ? ['update', row, 'Replace', { etag: tombstone.etag }] : ['create', row]], chain);
      return true;
    } catch (error) {
      if (statusOf(error) === 409 || statusOf(error) === 412) return false;
      throw error;
    }
  }

  /**
   * Removes the issuer. A transaction cannot delete conditionally, so the row becomes a tombstone under
   * its ETag with the chain's fence; readers skip tombstones.
   */
  async remove(issuer: string, chain: (removed: TrustedIssuer) => readonly AuditEvent[] = () => []): Promise<TrustedIssuer | undefined> {
    const row = await getEntityOrUndefined<Entity>(this.table, PARTITION, rowKey(issuer));
    if (!row || row.removed) return undefined;
    const entry = JSON.parse(row.data) as TrustedIssuer;
    try {
      await submitChained(this.outbox, this.table, { table: 'passports', partitionKey: PARTITION }, [['update', { partitionKey: PARTITION, rowKey: rowKey(issuer), data: row.data, removed: true }, 'Replace', { etag: row.etag }]], chain(entry));
    } catch (error) {
      if (statusOf(error) === 404 || statusOf(error) === 412) return undefined;
      throw error;
    }
    return entry;
  }
}
