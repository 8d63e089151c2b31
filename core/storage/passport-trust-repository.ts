import { createHash } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import type { TrustedIssuer, TrustListStore } from '../passport/ports.js';
import { getEntityOrUndefined, statusOf, type TableStore } from './table-store.js';

/**
 * The trust list, in the `passports` table: PartitionKey `trust`, RowKey = a hash of the issuer URL
 * (URLs hold characters a RowKey may not), one row per trusted issuer. Small by nature: read whole.
 */
const PARTITION = 'trust';
const rowKey = (issuer: string) => createHash('sha256').update(issuer).digest('hex').slice(0, 40);
type Entity = { partitionKey: string; rowKey: string; data: string };

export class PassportTrustRepository implements TrustListStore {
  private readonly table: TableClient;

  constructor(store: TableStore) {
    this.table = store.client('passports');
  }

  async list(): Promise<TrustedIssuer[]> {
    const entries: TrustedIssuer[] = [];
    for await (const row of this.table.listEntities<Entity>({ queryOptions: { filter: odata`PartitionKey eq ${PARTITION}` } })) entries.push(JSON.parse(row.data) as TrustedIssuer);
    return entries.sort((a, b) => a.name.localeCompare(b.name));
  }

  async find(issuer: string): Promise<TrustedIssuer | undefined> {
    const row = await getEntityOrUndefined<Entity>(this.table, PARTITION, rowKey(issuer));
    return row ? (JSON.parse(row.data) as TrustedIssuer) : undefined;
  }

  async add(entry: TrustedIssuer): Promise<boolean> {
    try {
      await this.table.createEntity({ partitionKey: PARTITION, rowKey: rowKey(entry.issuer), data: JSON.stringify(entry) });
      return true;
    } catch (error) {
      if (statusOf(error) === 409) return false;
      throw error;
    }
  }

  async remove(issuer: string): Promise<TrustedIssuer | undefined> {
    const row = await getEntityOrUndefined<Entity>(this.table, PARTITION, rowKey(issuer));
    if (!row) return undefined;
    try {
      await this.table.deleteEntity(PARTITION, rowKey(issuer), { etag: row.etag });
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      if (statusOf(error) !== 412) throw error;
    }
    return JSON.parse(row.data) as TrustedIssuer;
  }
}
