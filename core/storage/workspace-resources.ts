import { odata, type TableClient } from '@azure/data-tables';
import type { Resource } from '../workspace/model.js';
import { getEntityOrUndefined, type TableStore } from './table-store.js';

/**
 * The training hub's resource library (exemplar applications, checklists, template welcome letters,
 * induction information): the `wsresources` table, one small partition `library`, RowKey = resource id.
 * Every workspace reads the whole library (tens of rows) and shows each beside the sections it helps with.
 */
const PARTITION = 'library';

export class ResourceRepository {
  private readonly table: TableClient;

  constructor(store: TableStore) {
    this.table = store.client('wsresources');
  }

  async list(): Promise<Resource[]> {
    const out: Resource[] = [];
    for await (const row of this.table.listEntities<{ data: string }>({ queryOptions: { filter: odata`PartitionKey eq ${PARTITION}` } })) {
      out.push(JSON.parse(row.data) as Resource);
    }
    return out.sort((a, b) => a.title.localeCompare(b.title));
  }

  async get(id: string): Promise<Resource | undefined> {
    const row = await getEntityOrUndefined<{ data: string }>(this.table, PARTITION, id);
    return row ? (JSON.parse(row.data) as Resource) : undefined;
  }

  async save(resource: Resource): Promise<void> {
    await this.table.upsertEntity({ partitionKey: PARTITION, rowKey: resource.id, data: JSON.stringify(resource) }, 'Replace');
  }

  async remove(id: string): Promise<boolean> {
    try {
      await this.table.deleteEntity(PARTITION, id);
      return true;
    } catch {
      return false;
    }
  }
}
