import { createHash } from 'node:crypto';
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { StaffBundle } from '../learning/ports.js';
import { personEntity } from './staff-repository.js';
import { SUMMARY_SHARDS } from './summary-repository.js';
import type { MappingKind, MappingTarget, Mappings } from '../learning/esr/esr-types.js';
import { invertedTime } from './inverted-time.js';
import { joinChunks, splitIntoChunks } from './property-chunks.js';
import { getEntityOrUndefined, statusOf, type TableStore } from './table-store.js';
import type { AuditEvent } from '../audit/audit-chain.js';
import { isFenceRow, submitChained, type AuditOutbox } from './audit-outbox.js';

/** RowKey prefix of the history row an ESR import writes for each person it creates. */
export const IMPORT_HISTORY = 'import|';

export interface StoredMapping {
  kind: MappingKind;
  name: string;
  key: string;
  target: MappingTarget;
  updatedBy: string;
  updatedAt: string;
}

/** A finished preview or import, as shown in the history and kept for audit. */
export interface ImportRun<Summary = unknown> {
  id: string;
  mode: 'preview' | 'import';
  fileName: string;
  sha256: string;
  by: string;
  at: string;
  summary: Summary;
}

type MappingEntity = { partitionKey: string; rowKey: string; name: string; key: string; target: string; updatedBy: string; updatedAt: string };
type RunEntity = { partitionKey: string; rowKey: string; mode: string; fileName: string; sha256: string; by: string; at: string } & Record<string, unknown>;

const mappingPartition = (kind: MappingKind) => `map-${kind}`;
/** Competence names hold characters a RowKey may not ('/', '#', '?'): the row is keyed by a hash of the name's key. */
const mappingRow = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 40);
const RUNS = 'run';

/**
 * The `imports` table: remembered mappings (PartitionKey `map-competence` / `map-position`, RowKey a
 * hash of the normalised name; a few hundred rows, read whole at the start of each import) and the
 * import runs (PartitionKey `run`, RowKey = inverted time + random, so the newest come first and a
 * run is read by its id in one point read).
 */
export class EsrImportRepository {
  private readonly table: TableClient;
  private readonly staff: TableClient;
  private readonly summaries: TableClient;

  constructor(
    store: TableStore,
    private readonly outbox?: AuditOutbox,
  ) {
    this.table = store.client('imports');
    this.staff = store.client('staff');
    this.summaries = store.client('summaries');
  }

  /**
   * The staff ids that have a summary row (every person written through the learning use cases or
   * an import has one): 16 partition queries returning keys only. Tells an import which people are
   * surely new, so it can create them in one transaction instead of reading first.
   */
  async knownStaffIds(): Promise<Set<string>> {
    const ids = new Set<string>();
    await Promise.all(
      Array.from({ length: SUMMARY_SHARDS }, async (_, i) => {
        const rows = this.summaries.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${`s-${String(i).padStart(2, '0')}`}`, select: ['RowKey'] } });
        for await (const row of rows) ids.add(row.rowKey!);
      }),
    );
    return ids;
  }

  /**
   * Creates a person who does not exist yet: the aggregate with `create` (so an existing person is
   * never overwritten: false comes back and the caller merges instead), and the records as they
   * arrived in ONE history row for this import (`import|<importId>`, the records as JSON split across
   * `data0…dataN`) rather than a `record|` row each: an import writes tens of thousands of people,
   * and Azurite's (and Table Storage's) cost is per entity, so this is what makes 5,000 rows/s.
   */
  async createPerson(bundle: StaffBundle, importId: string): Promise<boolean> {
    const staffId = bundle.person.id;
    try {
      await this.staff.submitTransaction([
        ['create', personEntity(bundle)],
        ['upsert', { partitionKey: staffId, rowKey: `${IMPORT_HISTORY}${importId}`, count: bundle.records.length, ...splitIntoChunks('data', JSON.stringify(bundle.records)) }, 'Replace'],
      ]);
    } catch (error) {
      if (statusOf(error) === 409) return false;
      throw error;
    }
    return true;
  }

  async mappings(): Promise<Mappings & { list: StoredMapping[] }> {
    const list: StoredMapping[] = [];
    for (const kind of ['competence', 'position'] as const) {
      const rows = this.table.listEntities<MappingEntity>({ queryOptions: { filter: odata`PartitionKey eq ${mappingPartition(kind)}` } });
      for await (const row of rows) {
        if (isFenceRow(row.rowKey) || (row as { forgotten?: boolean }).forgotten) continue;
        list.push({ kind, name: row.name, key: row.key, target: JSON.parse(row.target) as MappingTarget, updatedBy: row.updatedBy, updatedAt: row.updatedAt });
      }
    }
    return {
      list,
      competences: new Map(list.filter((m) => m.kind === 'competence').map((m) => [m.key, m.target])),
      positions: new Map(list.filter((m) => m.kind === 'position').map((m) => [m.key, m.target])),
    };
  }


  private mappingEntity(mapping: StoredMapping): MappingEntity {
    return {
      partitionKey: mappingPartition(mapping.kind),
      rowKey: mappingRow(mapping.key),
      name: mapping.name.slice(0, 1000),
      key: mapping.key.slice(0, 1000),
      target: JSON.stringify(mapping.target),
      updatedBy: mapping.updatedBy,
      updatedAt: mapping.updatedAt,
    };
  }

  /**
   * Saves (target) or forgets (null) mappings; one transaction per kind, in which `chainFor(kind)`'s
   * event is chained exactly when that kind's rows are written.
   */
  async saveMappings(changes: readonly { mapping: StoredMapping; forget: boolean }[], chainFor: (kind: MappingKind, count: number) => AuditEvent): Promise<void> {
    for (const kind of ['competence', 'position'] as const) {
      const mine = changes.filter((c) => c.mapping.kind === kind);
      if (mine.length === 0) continue;
      // One row per name: the last change to a name wins, as it would have one after another.
      const byRow = new Map(mine.map((c) => [mappingRow(c.mapping.key), c]));
      const actions: TransactionAction[] = [...byRow.entries()].map(([rowKey, c]): TransactionAction =>
        c.forget ? ['upsert', { partitionKey: mappingPartition(kind), rowKey, forgotten: true }, 'Replace'] : ['upsert', this.mappingEntity(c.mapping), 'Replace'],
      );
      await submitChained(this.outbox, this.table, { table: 'imports', partitionKey: mappingPartition(kind) }, actions, [chainFor(kind, mine.length)]);
    }
  }


  static newRunId(at: string): string {
    return `${invertedTime(at)}-${createHash('sha1').update(`${at}${Math.random()}`).digest('hex').slice(0, 10)}`;
  }

  /** Saves (or replaces) a run; `chain` is chained exactly when the run row is written. */
  async saveRun(run: ImportRun, chain: readonly AuditEvent[] = []): Promise<void> {
    const entity: RunEntity = {
      partitionKey: RUNS,
      rowKey: run.id,
      mode: run.mode,
      fileName: run.fileName,
      sha256: run.sha256,
      by: run.by,
      at: run.at,
      ...splitIntoChunks('summary', JSON.stringify(run.summary)),
    };
    await submitChained(this.outbox, this.table, { table: 'imports', partitionKey: RUNS }, [['upsert', entity, 'Replace']], chain);
  }

  async getRun(id: string): Promise<ImportRun | undefined> {
    const row = await getEntityOrUndefined<RunEntity>(this.table, RUNS, id);
    return row ? this.toRun(row as RunEntity, true) : undefined;
  }

  /** The latest runs, newest first, without their summaries' issue lists. */
  async listRuns(limit = 20): Promise<ImportRun[]> {
    const runs: ImportRun[] = [];
    const rows = this.table.listEntities<RunEntity>({ queryOptions: { filter: odata`PartitionKey eq ${RUNS}` } });
    for await (const row of rows) {
      if (isFenceRow(row.rowKey)) continue;
      runs.push(this.toRun(row as RunEntity, false));
      if (runs.length >= limit) break;
    }
    return runs;
  }

  private toRun(row: RunEntity, withIssues: boolean): ImportRun {
    const summary = JSON.parse(joinChunks('summary', row) || '{}') as Record<string, unknown>;
    if (!withIssues) delete summary.issues;
    return { id: row.rowKey, mode: row.mode as ImportRun['mode'], fileName: row.fileName, sha256: row.sha256, by: row.by, at: row.at, summary };
  }
}
