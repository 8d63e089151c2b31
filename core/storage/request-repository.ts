import { odata, type TableClient } from '@azure/data-tables';
import type { RequestKind } from '../learning/types.js';
import { getEntityOrUndefined, type TableStore } from './table-store.js';

export type { RequestKind };

/** Where a decision card was delivered, so it can be updated for everyone once decided. */
export interface DeliveredCard {
  approverId: string;
  activityId: string;
  reference: unknown;
}

export interface InboxItem {
  kind: RequestKind;
  requestId: string;
  learnerId: string;
  requestedAt: string;
}

type JsonRow = { partitionKey: string; rowKey: string; data: string };

const cardKey = (kind: RequestKind, id: string, approverId: string) => `card-${kind}|${id}|${approverId}`;

/**
 * What surrounds a request (the request itself lives in the learner's aggregate): the cards sent
 * to approvers (rows in the learner's partition of the staff table), and each approver's inbox
 * (table `approvals`: PartitionKey = approver, RowKey = kind|request id). Inbox rows are marked
 * decided after a decision; readers still check the request, so a late mark shows nothing stale.
 */
export class RequestRepository {
  private readonly staff: TableClient;
  private readonly approvals: TableClient;

  constructor(store: TableStore) {
    this.staff = store.client('staff');
    this.approvals = store.client('approvals');
  }

  async rememberCard(kind: RequestKind, learnerId: string, requestId: string, card: DeliveredCard): Promise<void> {
    await this.staff.upsertEntity({ partitionKey: learnerId, rowKey: cardKey(kind, requestId, card.approverId), data: JSON.stringify(card) }, 'Replace');
  }

  /** The cards sent for a request: one point read per approver (a range query would scan on Azurite). */
  async deliveredCards(kind: RequestKind, learnerId: string, requestId: string, approverIds: readonly string[]): Promise<DeliveredCard[]> {
    const rows = await Promise.all(approverIds.map((approverId) => getEntityOrUndefined<JsonRow>(this.staff, learnerId, cardKey(kind, requestId, approverId))));
    return rows.flatMap((row) => (row ? [JSON.parse(row.data) as DeliveredCard] : []));
  }

  async addToInbox(approverIds: readonly string[], item: InboxItem): Promise<void> {
    await Promise.all(
      approverIds.map((approverId) =>
        this.approvals.upsertEntity(
          { partitionKey: approverId, rowKey: `${item.kind}|${item.requestId}`, learnerId: item.learnerId, requestedAt: item.requestedAt, state: 'pending' },
          'Replace',
        ),
      ),
    );
  }

  async markInboxDecided(approverIds: readonly string[], kind: RequestKind, requestId: string): Promise<void> {
    await Promise.all(
      approverIds.map((approverId) =>
        this.approvals.updateEntity({ partitionKey: approverId, rowKey: `${kind}|${requestId}`, state: 'decided' }, 'Merge').catch(() => undefined),
      ),
    );
  }

  async inbox(approverId: string): Promise<InboxItem[]> {
    const items: InboxItem[] = [];
    const rows = this.approvals.listEntities<{ learnerId: string; requestedAt: string; state: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${approverId} and state eq ${'pending'}` },
    });
    for await (const row of rows) {
      const [kind, requestId] = (row.rowKey ?? '').split('|') as [RequestKind, string];
      items.push({ kind, requestId, learnerId: row.learnerId, requestedAt: row.requestedAt });
    }
    return items.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  }
}
