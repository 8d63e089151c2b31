import type { TableClient } from '@azure/data-tables';
import type { RoleDefinition, Subject, Topic } from '../learning/types.js';
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

type DataEntity = { partitionKey: string; rowKey: string; data: string };

/**
 * Row-by-row editing of the catalogue table that CatalogueRepository reads (same rows: PartitionKey
 * `subject` | `topic` | `role`, RowKey = id, JSON in `data`), each write conditional on the ETag the
 * editor read, so two administrators editing the same row never silently overwrite each other. Every
 * write moves the version row, which every instance checks at most once a second.
 */
export class CatalogueRowsRepository {
  private readonly table: TableClient;

  constructor(store: TableStore) {
    this.table = store.client('catalogue');
  }

  async list(): Promise<CatalogueRows> {
    const rows: CatalogueRows = { subjects: [], topics: [], roles: [], version: '' };
    for await (const row of this.table.listEntities<DataEntity & { value?: string }>()) {
      const etag = row.etag ?? '';
      if (row.partitionKey === 'subject') rows.subjects.push({ value: JSON.parse(row.data) as Subject, etag });
      else if (row.partitionKey === 'topic') rows.topics.push({ value: JSON.parse(row.data) as Topic, etag });
      else if (row.partitionKey === 'role') rows.roles.push({ value: JSON.parse(row.data) as RoleDefinition, etag });
      else if (row.partitionKey === 'meta' && row.rowKey === 'version') rows.version = row.value ?? '';
    }
    return rows;
  }

  async get<K extends CatalogueKind>(kind: K, id: string): Promise<CatalogueRow<ValueOf<K>> | undefined> {
    const row = await getEntityOrUndefined<DataEntity>(this.table, kind, id);
    return row ? { value: JSON.parse(row.data) as ValueOf<K>, etag: row.etag } : undefined;
  }

  /** Creates the row (no ETag: refused if it exists) or replaces it (only if unchanged since `etag` was read). */
  async put<K extends CatalogueKind>(kind: K, value: ValueOf<K>, etag: string | undefined): Promise<RowWrite> {
    const entity: DataEntity = { partitionKey: kind, rowKey: value.id, data: JSON.stringify(value) };
    try {
      const response = etag === undefined ? await this.table.createEntity(entity) : await this.table.updateEntity(entity, 'Replace', { etag });
      await this.bumpVersion();
      return { kind: 'ok', etag: response.etag ?? '' };
    } catch (error) {
      const status = statusOf(error);
      if (status === 409 || status === 412 || status === 404) return { kind: 'conflict' };
      throw error;
    }
  }

  async remove(kind: CatalogueKind, id: string, etag: string): Promise<RowWrite> {
    try {
      await this.table.deleteEntity(kind, id, { etag });
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
