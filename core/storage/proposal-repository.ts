import { odata, type TableClient } from '@azure/data-tables';
import type { Proposal, ProposalStore } from '../learning/proposals.js';
import { joinChunks, splitIntoChunks } from './property-chunks.js';
import { getEntityOrUndefined, statusOf, type TableStore } from './table-store.js';

const PARTITION = 'proposal';

/**
 * Proposals for local topics (the policy's Application / Case for Mandatory Learning), one row each
 * in the `proposals` table (PartitionKey `proposal`, RowKey = id), the whole proposal and its thread
 * as JSON split across properties. The MLOG's queue is small (tens a year), so listing reads the one
 * partition; every change is written with the ETag that was read.
 */
export class ProposalRepository implements ProposalStore {
  private readonly table: TableClient;

  constructor(store: TableStore) {
    this.table = store.client('proposals');
  }

  async create(proposal: Proposal): Promise<void> {
    await this.table.createEntity({ partitionKey: PARTITION, rowKey: proposal.id, ...splitIntoChunks('data', JSON.stringify(proposal)) });
  }

  async get(id: string): Promise<{ proposal: Proposal; etag: string } | undefined> {
    const row = await getEntityOrUndefined<Record<string, unknown>>(this.table, PARTITION, id);
    return row ? { proposal: JSON.parse(joinChunks('data', row)) as Proposal, etag: row.etag } : undefined;
  }

  async replace(proposal: Proposal, etag: string): Promise<'ok' | 'conflict'> {
    try {
      await this.table.updateEntity({ partitionKey: PARTITION, rowKey: proposal.id, ...splitIntoChunks('data', JSON.stringify(proposal)) }, 'Replace', { etag });
      return 'ok';
    } catch (error) {
      if (statusOf(error) === 412) return 'conflict';
      throw error;
    }
  }

  async list(): Promise<Proposal[]> {
    const out: Proposal[] = [];
    for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${PARTITION}` } })) {
      out.push(JSON.parse(joinChunks('data', row)) as Proposal);
    }
    return out.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  }
}
