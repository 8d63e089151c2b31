import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { TableStore } from '../../core/storage/table-store.js';

/** A table prefix no other test file uses, so files can run in parallel on one Azurite. */
export function uniquePrefix(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

export function azuriteConnectionString(): string {
  return inject('azuriteConnectionString');
}

export async function createTestStore(): Promise<TableStore> {
  const store = new TableStore({
    connection: { kind: 'connection-string', connectionString: azuriteConnectionString() },
    tablePrefix: uniquePrefix(),
  });
  await store.ensureTables();
  return store;
}
