import { odata, type TableClient } from '@azure/data-tables';
import type { AuditEvent } from '../audit/audit-chain.js';
import { isFenceRow, submitChained, type AuditOutbox } from './audit-outbox.js';
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

  constructor(
    store: TableStore,
    private readonly outbox?: AuditOutbox,
  ) {
    this.table = store.client('proposals');
  }

  async create(proposal: Proposal, chain: readonly AuditEvent[] = []): Promise<void> {
    const row = { partitionKey: PARTITION, rowKey: proposal.id, ...splitIntoChunks('data', JSON.stringify(proposal)) };
    await submitChained(this.outbox, this.table, { table: 'proposals', partitionKey: PARTITION }, [['create', row]], chain);
  }

  async get(id: string): Promise<{ proposal: Proposal; etag: string } | undefined> {
    const row = await getEntityOrUndefined<Record<string, unknown>>(this.table, PARTITION, id);
    return row ? { proposal: JSON.parse(joinChunks('data', row)) as Proposal, etag: row.etag } : undefined;
  }

  async replace(proposal: Proposal, etag: string, chain: readonly AuditEvent[] = []): Promise<'ok' | 'conflict'> {
    try {
      const row = { partitionKey: PARTITION, rowKey: proposal.id, ...splitIntoChunks('data', JSON.stringify(proposal)) };
      await submitChained(this.outbox, this.table, { table: 'proposals', partitionKey: PARTITION }, [['update', row, 'Replace', { etag }]], chain);
      return 'ok';
    } catch (error) {
      if (statusOf(error) === 412) return 'conflict';
      throw error;
    }
  }

  async list(): Promise<Proposal[]> {
    const out: Proposal[] = [];
    for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${PARTITION}` } })) {
      if (isFenceRow(row.rowKey as string | undefined)) continue;
      out.push(JSON.parse(joinChunks('data', row)) as Proposal);
    }
    return out.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  }
}
