import { odata, type TableClient } from '@azure/data-tables';
import type { EvidenceQueue } from '../learning/ports.js';
import type { TableStore } from './table-store.js';

export interface EvidenceQueueItem {
  learnerId: string;
  recordId: string;
  subjectId: string;
  level: number;
  broughtAt: string;
}

const PARTITION = 'evidence-queue';
const rowKey = (learnerId: string, recordId: string) => `${learnerId}|${recordId}`;

/**
 * Certificates waiting for learning and development, in one partition of the `approvals` table
 * (PartitionKey `evidence-queue`, RowKey `<learner>|<record>`), so the queue is one partition query
 * and never a scan of everyone's records. The record itself stays in the learner's aggregate: the
 * queue only points at it, and the reader checks the record is still pending.
 */
export class EvidenceQueueRepository implements EvidenceQueue {
  private readonly table: TableClient;

  constructor(store: TableStore) {
    this.table = store.client('approvals');
  }

  async enqueue(item: EvidenceQueueItem): Promise<void> {
    await this.table.upsertEntity({ partitionKey: PARTITION, rowKey: rowKey(item.learnerId, item.recordId), ...item, state: 'pending' }, 'Replace');
  }

  async pending(): Promise<EvidenceQueueItem[]> {
    const items: EvidenceQueueItem[] = [];
    const rows = this.table.listEntities<EvidenceQueueItem & { state: string }>({ queryOptions: { filter: odata`PartitionKey eq ${PARTITION} and state eq ${'pending'}` } });
    for await (const row of rows) items.push({ learnerId: row.learnerId, recordId: row.recordId, subjectId: row.subjectId, level: Number(row.level), broughtAt: row.broughtAt });
    return items.sort((a, b) => a.broughtAt.localeCompare(b.broughtAt));
  }

  async markDone(learnerId: string, recordId: string, state: 'verified' | 'rejected' | 'gone'): Promise<void> {
    await this.table.updateEntity({ partitionKey: PARTITION, rowKey: rowKey(learnerId, recordId), state }, 'Merge').catch(() => undefined);
  }
}
