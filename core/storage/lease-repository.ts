import type { TableClient } from '@azure/data-tables';
import { getEntityOrUndefined, statusOf, type TableStore } from './table-store.js';

type LeaseEntity = { partitionKey: string; rowKey: string; holder: string; expiresAt: number };

/**
 * A lease in Table Storage: one holder at a time across any number of instances, taken and renewed
 * with the ETag it read, and free again once it expires (its holder may have died).
 */
export class LeaseRepository {
  private readonly table: TableClient;

  constructor(store: TableStore) {
    this.table = store.client('leases');
  }

  async acquire(name: string, holder: string, ttlMs: number, now = Date.now()): Promise<boolean> {
    const entity: LeaseEntity = { partitionKey: 'lease', rowKey: name, holder, expiresAt: now + ttlMs };
    const current = await getEntityOrUndefined<LeaseEntity>(this.table, 'lease', name);
    try {
      if (!current) {
        await this.table.createEntity(entity);
        return true;
      }
      if (current.holder !== holder && current.expiresAt > now) return false;
      await this.table.updateEntity(entity, 'Replace', { etag: current.etag });
      return true;
    } catch (error) {
      const status = statusOf(error);
      if (status === 409 || status === 412) return false;
      throw error;
    }
  }

  async release(name: string, holder: string): Promise<void> {
    const current = await getEntityOrUndefined<LeaseEntity>(this.table, 'lease', name);
    if (!current || current.holder !== holder) return;
    await this.table.deleteEntity('lease', name, { etag: current.etag }).catch(() => undefined);
  }

  async holder(name: string, now = Date.now()): Promise<string | undefined> {
    const current = await getEntityOrUndefined<LeaseEntity>(this.table, 'lease', name);
    return current && current.expiresAt > now ? current.holder : undefined;
  }
}
