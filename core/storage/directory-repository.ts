import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { Person } from '../people/types.js';
import { shardOf } from './key-shard.js';
import { chunk, getEntityOrUndefined, runConcurrently, type TableStore } from './table-store.js';

/**
 * Who is who: Entra object id → staff id, and e-mail/UPN → staff id. PartitionKey = `aad-NN` or
 * `upn-NN` (a hash shard of the key), RowKey = the object id or lower-cased address.
 */
export class DirectoryRepository {
  private readonly table: TableClient;

  constructor(store: TableStore) {
    this.table = store.client('directory');
  }

  async staffIdForAadObjectId(aadObjectId: string): Promise<string | undefined> {
    const key = aadObjectId.toLowerCase();
    const entity = await getEntityOrUndefined<{ staffId: string }>(this.table, `aad-${shardOf(key)}`, key);
    return entity?.staffId;
  }

  async staffIdForEmail(email: string): Promise<string | undefined> {
    const key = email.toLowerCase();
    const entity = await getEntityOrUndefined<{ staffId: string }>(this.table, `upn-${shardOf(key)}`, key);
    return entity?.staffId;
  }

  /** Everyone holding a permission (the MLOG's members, the L&D administrators). */
  async holdersOf(permission: string): Promise<string[]> {
    const ids: string[] = [];
    const rows = this.table.listEntities<{ staffId: string }>({ queryOptions: { filter: odata`PartitionKey eq ${`perm-${permission}`}` } });
    for await (const row of rows) ids.push(row.staffId);
    return ids;
  }

  /** Index rows of a person; call when a person is saved. Stale rows of a changed address are removed. */
  async index(person: Person, previous?: Person): Promise<void> {
    await this.indexMany([person]);
    if (previous?.aadObjectId && previous.aadObjectId.toLowerCase() !== person.aadObjectId?.toLowerCase()) {
      const key = previous.aadObjectId.toLowerCase();
      await this.table.deleteEntity(`aad-${shardOf(key)}`, key).catch(() => undefined);
    }
    for (const permission of previous?.permissions ?? []) {
      if (!person.permissions?.includes(permission)) await this.table.deleteEntity(`perm-${permission}`, person.id).catch(() => undefined);
    }
    if (previous?.email && previous.email.toLowerCase() !== person.email?.toLowerCase()) {
      const key = previous.email.toLowerCase();
      await this.table.deleteEntity(`upn-${shardOf(key)}`, key).catch(() => undefined);
    }
  }

  /** Bulk indexing (imports, seeding): transactions grouped by shard. */
  async indexMany(people: readonly Person[], concurrency = 8): Promise<void> {
    const byPartition = new Map<string, { partitionKey: string; rowKey: string; staffId: string }[]>();
    const add = (prefix: string, raw: string | undefined, staffId: string) => {
      if (!raw) return;
      const key = raw.toLowerCase();
      const partitionKey = `${prefix}-${shardOf(key)}`;
      const list = byPartition.get(partitionKey) ?? [];
      list.push({ partitionKey, rowKey: key, staffId });
      byPartition.set(partitionKey, list);
    };
    for (const person of people) {
      add('aad', person.aadObjectId, person.id);
      add('upn', person.email, person.id);
      for (const permission of person.permissions ?? []) {
        const partitionKey = `perm-${permission}`;
        const list = byPartition.get(partitionKey) ?? [];
        list.push({ partitionKey, rowKey: person.id, staffId: person.id });
        byPartition.set(partitionKey, list);
      }
    }
    const batches = [...byPartition.values()].flatMap((rows) => chunk(rows, 100));
    await runConcurrently(batches, concurrency, async (rows) => {
      const actions: TransactionAction[] = rows.map((row) => ['upsert', row, 'Replace']);
      await this.table.submitTransaction(actions);
    });
  }
}
