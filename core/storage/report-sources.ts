import { odata } from '@azure/data-tables';
import type { TableStore } from '../storage/table-store.js';

/**
 * Reads the reports need that no index serves yet, each one query whose cost is stated:
 *
 * - who has did-not-attend records: the `dna.recorded` audit rows of the staff table (a query over
 *   every partition's `audit|…` rows — a server-side table scan that returns only audit rows; the
 *   DNA records themselves are then read from those people's aggregates, a point read each);
 * - the state of everyone's Teams conversation: the `conversations` table, keys and flags only.
 *
 * Both are on-demand sections of the reports page, not the organisation report that must answer in
 * under two seconds.
 */
export class ReportSources {
  constructor(private readonly store: TableStore) {}

  peopleWithDnaRecords(): Promise<Set<string>> {
    return peopleWithDnaRecords(this.store);
  }

  conversationStates(): Promise<Map<string, ConversationState>> {
    return conversationStates(this.store);
  }
}

async function peopleWithDnaRecords(store: TableStore): Promise<Set<string>> {
  const ids = new Set<string>();
  const rows = store.client('staff').listEntities<{ data: string }>({
    queryOptions: { filter: odata`RowKey ge ${'audit|'} and RowKey lt ${'audit}'}`, select: ['PartitionKey', 'data'] },
  });
  for await (const row of rows) {
    if (row.data.includes('"action":"dna.recorded"')) ids.add(row.partitionKey!);
  }
  return ids;
}

export interface ConversationState {
  updatedAt?: string;
  staleSince?: string;
}

async function conversationStates(store: TableStore): Promise<Map<string, ConversationState>> {
  const states = new Map<string, ConversationState>();
  const rows = store.client('conversations').listEntities<{ updatedAt?: string; staleSince?: string }>({
    queryOptions: { select: ['PartitionKey', 'updatedAt', 'staleSince'] },
  });
  for await (const row of rows) {
    states.set(row.partitionKey!, { ...(row.updatedAt ? { updatedAt: row.updatedAt } : {}), ...(row.staleSince ? { staleSince: row.staleSince } : {}) });
  }
  return states;
}
