import type { TableClient, TransactionAction } from '@azure/data-tables';
import { CatalogueIndex } from '../learning/catalogue-index.js';
import type { Catalogue, RoleDefinition, Subject, Topic } from '../learning/types.js';
import { chunk, getEntityOrUndefined, type TableStore } from './table-store.js';
import { isFenceRow } from './audit-outbox.js';

type DataEntity = {
  partitionKey: string;
  rowKey: string;
  data: string;
};

const META = 'meta';
const VERSION = 'version';

/**
 * The organisation's catalogue and requirement matrix. PartitionKey = `subject` | `topic` | `role`
 * | `meta`; RowKey = id. A version row changes on every save, so each server instance holds the
 * catalogue in memory and checks the version with one point read — at most once per
 * `freshnessMs` (default 1 s), and concurrent checks share one read — so a change reaches every
 * instance within a second while a busy instance pays almost nothing per turn.
 */
export class CatalogueRepository {
  private readonly table: TableClient;
  private cached: { version: string; index: CatalogueIndex; checkedAt: number } | undefined;
  private checking: Promise<CatalogueIndex> | undefined;

  constructor(
    store: TableStore,
    private readonly freshnessMs = 1000,
  ) {
    this.table = store.client('catalogue');
  }

  async load(): Promise<Catalogue> {
    const catalogue: Catalogue = { subjects: [], topics: [], roles: [] };
    for await (const row of this.table.listEntities<DataEntity>()) {
      if (isFenceRow(row.rowKey) || (row as { deleted?: boolean }).deleted) continue;
      if (row.partitionKey === 'subject') catalogue.subjects.push(JSON.parse(row.data) as Subject);
      else if (row.partitionKey === 'topic') catalogue.topics.push(JSON.parse(row.data) as Topic);
      else if (row.partitionKey === 'role') catalogue.roles.push(JSON.parse(row.data) as RoleDefinition);
    }
    return catalogue;
  }

  async version(): Promise<string | undefined> {
    const row = await getEntityOrUndefined<{ value: string }>(this.table, META, VERSION);
    return row?.value;
  }

  /** The current catalogue, from memory when the stored version has not moved. */
  async current(): Promise<CatalogueIndex> {
    if (this.cached && Date.now() - this.cached.checkedAt < this.freshnessMs) return this.cached.index;
    this.checking ??= this.check().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async check(): Promise<CatalogueIndex> {
    const startedAt = Date.now();
    const version = (await this.version()) ?? '';
    if (this.cached && this.cached.version === version) {
      this.cached.checkedAt = startedAt;
      return this.cached.index;
    }
    const index = new CatalogueIndex(await this.load());
    this.cached = { version, index, checkedAt: startedAt };
    return index;
  }

  /** Forgets what this instance holds, so the next read goes to storage (after this instance's own change). */
  invalidate(): void {
    this.cached = undefined;
  }

  /** Replaces the whole catalogue (seeding, import of a matrix) and moves the version. */
  async replace(catalogue: Catalogue): Promise<void> {
    const rows: DataEntity[] = [
      ...catalogue.subjects.map((s) => ({ partitionKey: 'subject', rowKey: s.id, data: JSON.stringify(s) })),
      ...catalogue.topics.map((t) => ({ partitionKey: 'topic', rowKey: t.id, data: JSON.stringify(t) })),
      ...catalogue.roles.map((r) => ({ partitionKey: 'role', rowKey: r.id, data: JSON.stringify(r) })),
    ];
    const existing = await this.load();
    const keep = new Set(rows.map((r) => `${r.partitionKey}/${r.rowKey}`));
    const stale = [
      ...existing.subjects.map((s) => ({ partitionKey: 'subject', rowKey: s.id })),
      ...existing.topics.map((t) => ({ partitionKey: 'topic', rowKey: t.id })),
      ...existing.roles.map((r) => ({ partitionKey: 'role', rowKey: r.id })),
    ].filter((r) => !keep.has(`${r.partitionKey}/${r.rowKey}`));
    for (const partitionKey of ['subject', 'topic', 'role']) {
      const actions: TransactionAction[] = [
        ...rows.filter((r) => r.partitionKey === partitionKey).map((r): TransactionAction => ['upsert', r, 'Replace']),
        ...stale.filter((r) => r.partitionKey === partitionKey).map((r): TransactionAction => ['delete', r]),
      ];
      for (const batch of chunk(actions, 100)) await this.table.submitTransaction(batch);
    }
    await this.table.upsertEntity({ partitionKey: META, rowKey: VERSION, value: `${Date.now()}-${Math.random().toString(36).slice(2)}` }, 'Replace');
    this.invalidate();
  }
}
