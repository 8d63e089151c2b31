import { odata, type TableClient } from '@azure/data-tables';
import type { LearningConcern, TopicFeedback } from '../learning/types.js';
import { invertedTime } from './inverted-time.js';
import type { TableName, TableStore } from './table-store.js';

type JsonRow = { partitionKey: string; rowKey: string; data: string };

/**
 * Items kept per subject for its subject matter expert, newest first: PartitionKey = subject id
 * (`_none` when none was named), RowKey = inverted time | id.
 */
class SubjectLog<T extends { id: string; subjectId?: string }> {
  private readonly table: TableClient;

  constructor(store: TableStore, name: TableName, private readonly timeOf: (item: T) => string) {
    this.table = store.client(name);
  }

  async save(item: T): Promise<void> {
    const row: JsonRow = {
      partitionKey: item.subjectId ?? '_none',
      rowKey: `${invertedTime(this.timeOf(item))}|${item.id}`,
      data: JSON.stringify(item),
    };
    await this.table.upsertEntity(row, 'Replace');
  }

  async listForSubject(subjectId: string, limit = 500): Promise<T[]> {
    const items: T[] = [];
    const rows = this.table.listEntities<JsonRow>({ queryOptions: { filter: odata`PartitionKey eq ${subjectId}` } });
    for await (const row of rows) {
      items.push(JSON.parse(row.data) as T);
      if (items.length >= limit) break;
    }
    return items;
  }
}

export class FeedbackRepository extends SubjectLog<TopicFeedback> {
  constructor(store: TableStore) {
    super(store, 'feedback', (f) => f.givenAt);
  }
}

export class ConcernRepository extends SubjectLog<LearningConcern> {
  constructor(store: TableStore) {
    super(store, 'concerns', (c) => c.raisedAt);
  }
}
