import { randomInt, randomUUID } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import type { StatusListStore } from '../passport/ports.js';
import { STATUS_LIST_BITS } from '../passport/status-list.js';
import { getEntityOrUndefined, statusOf, type TableStore } from './table-store.js';

/**
 * Status lists, in the `passports` table:
 * - PartitionKey `status-<list>`, RowKey = zero-padded entry: claimed with `create` when a passport
 *   is issued (a 409 means another passport has it: pick again), `revoked` set when it is revoked;
 * - the same partition, RowKey `~version`: changes on every revocation, so each instance can keep
 *   the signed list it last built until the version moves (one point read a request);
 * - PartitionKey `status-meta`, RowKey `current`: the list new passports go into. Entries are drawn at
 *   random (so an entry says nothing about when or in what order passports were issued); when the
 *   draws keep colliding the list is full enough and the next one is opened.
 */
const META = 'status-meta';
const CURRENT = 'current';
const VERSION = '~version';
const listPk = (listId: string) => `status-${listId}`;
const pad = (index: number) => String(index).padStart(6, '0');
const DRAWS_BEFORE_NEXT_LIST = 12;

export class PassportStatusRepository implements StatusListStore {
  private readonly table: TableClient;

  constructor(store: TableStore) {
    this.table = store.client('passports');
  }

  private async currentList(): Promise<{ listId: string; etag?: string }> {
    const row = await getEntityOrUndefined<{ listId: string }>(this.table, META, CURRENT);
    return row ? { listId: String(row.listId), etag: row.etag } : { listId: '1' };
  }

  async allocate(passportId: string): Promise<{ listId: string; index: number }> {
    for (let round = 0; round < 4; round++) {
      const { listId, etag } = await this.currentList();
      for (let draw = 0; draw < DRAWS_BEFORE_NEXT_LIST; draw++) {
        const index = randomInt(STATUS_LIST_BITS);
        try {
          await this.table.createEntity({ partitionKey: listPk(listId), rowKey: pad(index), passportId, revoked: false });
          return { listId, index };
        } catch (error) {
          if (statusOf(error) !== 409) throw error;
        }
      }
      const next = String(Number(listId) + 1);
      try {
        if (etag) await this.table.updateEntity({ partitionKey: META, rowKey: CURRENT, listId: next }, 'Replace', { etag });
        else await this.table.createEntity({ partitionKey: META, rowKey: CURRENT, listId: next });
      } catch (error) {
        if (statusOf(error) !== 409 && statusOf(error) !== 412) throw error; // someone else moved on first
      }
    }
    throw new Error('no free status list entry could be found');
  }

  async revoke(listId: string, index: number): Promise<void> {
    await this.table.updateEntity({ partitionKey: listPk(listId), rowKey: pad(index), revoked: true }, 'Merge');
    await this.table.upsertEntity({ partitionKey: listPk(listId), rowKey: VERSION, version: randomUUID() }, 'Replace');
  }

  async version(listId: string): Promise<string | undefined> {
    if (!/^\d{1,6}$/.test(listId)) return undefined;
    const row = await getEntityOrUndefined<{ version: string }>(this.table, listPk(listId), VERSION);
    if (row) return row.version;
    // A list with entries but nothing revoked yet has no version row: its version is "none revoked".
    const { listId: current } = await this.currentList();
    return Number(listId) >= 1 && Number(listId) <= Number(current) ? 'none' : undefined;
  }

  async revoked(listId: string): Promise<{ version: string; indexes: number[] } | undefined> {
    const version = await this.version(listId);
    if (version === undefined) return undefined;
    const indexes: number[] = [];
    const rows = this.table.listEntities<{ revoked: boolean }>({ queryOptions: { filter: odata`PartitionKey eq ${listPk(listId)} and revoked eq true` } });
    for await (const row of rows) indexes.push(Number(row.rowKey));
    return { version, indexes };
  }
}
