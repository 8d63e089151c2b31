import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { AuditEvent } from '../audit/audit-chain.js';
import type { RoleDefinition, Subject, Topic } from '../learning/types.js';
import { isFenceRow, submitChained, type AuditOutbox } from './audit-outbox.js';
import { getEntityOrUndefined, statusOf, type TableStore } from './table-store.js';

export type CatalogueKind = 'subject' | 'topic' | 'role';
type ValueOf<K extends CatalogueKind> = K extends 'subject' ? Subject : K extends 'topic' ? Topic : RoleDefinition;

export interface CatalogueRow<T> {
  value: T;
  etag: string;
}

export interface CatalogueRows {
  subjects: CatalogueRow<Subject>[];
  topics: CatalogueRow<Topic>[];
  roles: CatalogueRow<RoleDefinition>[];
  version: string;
}

export type RowWrite = { kind: 'ok'; etag: string } | { kind: 'conflict' };

type DataEntity = { partitionKey: string; rowKey: string; data: string; deleted?: boolean };

/**
 * Row-by-row editing of the catalogue table that CatalogueRepository reads (same rows: PartitionKey
 * `subject` | `topic` | `role`, RowKey = id, JSON in `data`), each write conditional on the ETag the
 * editor read, so two administrators editing the same row never silently overwrite each other. Every
 * write moves the version row, which every instance checks at most once a second.
 */
export class CatalogueRowsRepository {
  private readonly table: TableClient;

  constructor(
    store: TableStore,
    private readonly outbox?: AuditOutbox,
  ) {
    this.table = store.client('catalogue');
  }

  async list(): Promise<CatalogueRows> {
    const rows: CatalogueRows = { subjects: [], topics: [], roles: [], version: '' };
    for await (const row of this.table.listEntities<DataEntity & { value?: string }>()) {
      const etag = row.etag ?? '';
      if (isFenceRow(row.rowKey) || row.deleted) continue;
      if (row.partitionKey === 'subject') rows.subjects.push({ value: JSON.parse(row.data) as Subject, etag });
      else if (row.partitionKey === 'topic') rows.topics.push({ value: JSON.parse(row.data) as Topic, etag });
      else if (row.partitionKey === 'role') rows.roles.push({ value: JSON.parse(row.data) as RoleDefinition, etag });
      else if (row.partitionKey === 'meta' && row.rowKey === 'version') rows.version = row.value ?? '';
    }
    return rows;
  }

  async get<K extends CatalogueKind>(kind: K, id: string): Promise<CatalogueRow<ValueOf<K>> | undefined> {
    const row = await getEntityOrUndefined<DataEntity>(this.table, kind, id);
    return row && !row.deleted ? { value: JSON.parse(row.data) as ValueOf<K>, etag: row.etag } : undefined;
  }

  /**
   * Creates the row (no ETag: refused if it exists) or replaces it (only if unchanged since `etag` was
   * read); `chain` is chained exactly when the row is written.
   */
  async put<K extends CatalogueKind>(kind: K, value: ValueOf<K>, etag: string | undefined, chain: readonly AuditEvent[] = []): Promise<RowWrite> {
    const entity: DataEntity = { partitionKey: kind, rowKey: value.id, data: JSON.stringify(value) };
    const action: TransactionAction = etag === undefined ? ['create', entity] : ['update', entity, 'Replace', { etag }];
    try {
      const [response] = await submitChained(this.outbox, this.table, { table: 'catalogue', partitionKey: kind }, [action], chain);
      await this.bumpVersion();
      return { kind: 'ok', etag: response?.subResponses.find((r) => r.rowKey === value.id)?.etag ?? '' };
    } catch (error) {
      const status = statusOf(error);
      if (status === 409 || status === 412 || status === 404) return { kind: 'conflict' };
      throw error;
    }
  }

  async remove(kind: CatalogueKind, id: string, etag: string, chain: readonly AuditEvent[] = []): Promise<RowWrite> {
    try {
      // A transaction cannot delete conditionally: the row becomes a tombstone under its ETag (with the
      // chain's fence), then goes; readers skip tombstones, should the second step not happen.
      await submitChained(this.outbox, this.table, { table: 'catalogue', partitionKey: kind }, [['update', { partitionKey: kind, rowKey: id, deleted: true }, 'Replace', { etag }]], chain);
      await this.table.deleteEntity(kind, id).catch(() => undefined);
      await this.bumpVersion();
      return { kind: 'ok', etag: '' };
    } catch (error) {
      const status = statusOf(error);
      if (status === 412 || status === 404) return { kind: 'conflict' };
      throw error;
    }
  }

  private async bumpVersion(): Promise<void> {
    await this.table.upsertEntity({ partitionKey: 'meta', rowKey: 'version', value: `${Date.now()}-${Math.random().toString(36).slice(2)}` }, 'Replace');
  }
}
