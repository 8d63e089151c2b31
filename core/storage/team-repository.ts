import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { Person } from '../people/types.js';
import { chunk, runConcurrently, type TableStore } from './table-store.js';

export interface TeamMember {
  staffId: string;
  name: string;
  orgUnit: string;
}

/** A manager's team: PartitionKey = manager's staff id, RowKey = member's staff id. */
export class TeamRepository {
  private readonly table: TableClient;

  constructor(store: TableStore) {
    this.table = store.client('teams');
  }

  async listTeam(managerId: string): Promise<TeamMember[]> {
    const members: TeamMember[] = [];
    const rows = this.table.listEntities<{ name: string; orgUnit: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${managerId}`, select: ['RowKey', 'name', 'orgUnit'] },
    });
    for await (const row of rows) members.push({ staffId: row.rowKey!, name: row.name, orgUnit: row.orgUnit });
    return members.sort((a, b) => a.name.localeCompare(b.name));
  }

  async isInTeam(managerId: string, staffId: string): Promise<boolean> {
    try {
      await this.table.getEntity(managerId, staffId, { queryOptions: { select: ['name'] } });
      return true;
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return false;
      throw error;
    }
  }

  /** Keeps the index in step with a person's managers: adds the new, removes the old. */
  async index(person: Person, previous?: Person): Promise<void> {
    await this.indexMany([person]);
    for (const oldManager of previous?.managerIds ?? []) {
      if (!person.managerIds.includes(oldManager)) {
        await this.table.deleteEntity(oldManager, person.id).catch(() => undefined);
      }
    }
  }

  async indexMany(people: readonly Person[], concurrency = 8): Promise<void> {
    const byManager = new Map<string, { partitionKey: string; rowKey: string; name: string; orgUnit: string }[]>();
    for (const person of people) {
      for (const managerId of person.managerIds) {
        const list = byManager.get(managerId) ?? [];
        list.push({ partitionKey: managerId, rowKey: person.id, name: person.name, orgUnit: person.orgUnit });
        byManager.set(managerId, list);
      }
    }
    const batches = [...byManager.values()].flatMap((rows) => chunk(rows, 100));
    await runConcurrently(batches, concurrency, async (rows) => {
      const actions: TransactionAction[] = rows.map((row) => ['upsert', row, 'Replace']);
      await this.table.submitTransaction(actions);
    });
  }
}
