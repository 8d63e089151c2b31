import { odata, type TableClient } from '@azure/data-tables';
import type { Catalogue } from '../learning/types.js';
import type { PlanReport } from '../reminders/planner.js';
import { invertedTime } from './inverted-time.js';
import { joinChunks, splitIntoChunks } from './property-chunks.js';
import { getEntityOrUndefined, type TableStore } from './table-store.js';

/**
 * Reminder runs: each planner run's report (PartitionKey `report`, RowKey inverted time | run id,
 * newest first) and the catalogue version last announced to people (PartitionKey `announced`).
 */
export class RunRepository {
  private readonly table: TableClient;

  constructor(store: TableStore) {
    this.table = store.client('runs');
  }

  async save(report: PlanReport): Promise<void> {
    await this.table.upsertEntity({ partitionKey: 'report', rowKey: `${invertedTime(report.startedAt)}|${report.runId}`, data: JSON.stringify(report) }, 'Replace');
  }

  async recent(limit = 20): Promise<PlanReport[]> {
    const reports: PlanReport[] = [];
    for await (const row of this.table.listEntities<{ data: string }>({ queryOptions: { filter: odata`PartitionKey eq ${'report'}` } })) {
      reports.push(JSON.parse(row.data) as PlanReport);
      if (reports.length >= limit) break;
    }
    return reports;
  }

  async getAnnounced(): Promise<{ version: string; catalogue: Catalogue } | undefined> {
    const row = await getEntityOrUndefined<Record<string, unknown>>(this.table, 'announced', 'catalogue');
    if (!row) return undefined;
    return { version: row.version as string, catalogue: JSON.parse(joinChunks('catalogue', row)) as Catalogue };
  }

  async setAnnounced(version: string, catalogue: Catalogue): Promise<void> {
    await this.table.upsertEntity({ partitionKey: 'announced', rowKey: 'catalogue', version, ...splitIntoChunks('catalogue', JSON.stringify(catalogue)) }, 'Replace');
  }
}
