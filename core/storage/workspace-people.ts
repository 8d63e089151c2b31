import { odata, type TableClient } from '@azure/data-tables';
import type { Person } from '../people/types.js';
import type { TableStore } from './table-store.js';

/**
 * Everyone on the staff list, for the workspace's member directory (who can be @mentioned or own a
 * section). There is no index by organisation unit, so this reads the `person` rows of the staff
 * table (profiles only) and keeps the answer for `ttlMs`: it is used when a member list is shown,
 * never on the save path. Membership decisions themselves use the caller's own point-read profile.
 */
export class StaffDirectoryCache {
  private readonly table: TableClient;
  private cached: { at: number; people: Promise<Person[]> } | undefined;

  constructor(
    store: TableStore,
    private readonly ttlMs = 60_000,
  ) {
    this.table = store.client('staff');
  }

  list(): Promise<Person[]> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > this.ttlMs) {
      const people = this.read();
      this.cached = { at: now, people };
      people.catch(() => (this.cached = undefined));
    }
    return this.cached.people;
  }

  private async read(): Promise<Person[]> {
    const people: Person[] = [];
    const rows = this.table.listEntities<{ profile?: string }>({ queryOptions: { filter: odata`RowKey eq ${'person'}`, select: ['PartitionKey', 'profile'] } });
    for await (const row of rows) {
      if (!row.profile) continue;
      people.push({ ...(JSON.parse(row.profile) as Omit<Person, 'id'>), id: row.partitionKey! });
    }
    return people;
  }
}
