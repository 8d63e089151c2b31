import type { TableClient } from '@azure/data-tables';
import type { RefreshJob, RefreshJobStore } from '../learning/summary-refresh.js';
import { getEntityOrUndefined, type TableStore } from './table-store.js';

/**
 * Summary refresh jobs in the `runs` table: PartitionKey `summary-refresh`, RowKey `job|<id>`, and a
 * `latest` row naming the job started last (what the administration page shows).
 */
export class RefreshJobRepository implements RefreshJobStore {
  private readonly table: TableClient;

  constructor(store: TableStore) {
    this.table = store.client('runs');
  }

  async save(job: RefreshJob): Promise<void> {
    await this.table.upsertEntity({ partitionKey: 'summary-refresh', rowKey: `job|${job.id}`, data: JSON.stringify(job) }, 'Replace');
    if (job.done === 0 && job.total === 0 && job.state === 'running') {
      await this.table.upsertEntity({ partitionKey: 'summary-refresh', rowKey: 'latest', jobId: job.id }, 'Replace');
    }
  }

  async latest(): Promise<RefreshJob | undefined> {
    const pointer = await getEntityOrUndefined<{ jobId: string }>(this.table, 'summary-refresh', 'latest');
    if (!pointer) return undefined;
    const row = await getEntityOrUndefined<{ data: string }>(this.table, 'summary-refresh', `job|${pointer.jobId}`);
    return row ? (JSON.parse(row.data) as RefreshJob) : undefined;
  }
}
