import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { AuditEntry } from '../learning/audit.js';
import type { ExemptionRequest, ExtensionRequest, RequestKind } from '../learning/types.js';
import { invertedTime } from './inverted-time.js';
import { getEntityOrUndefined, statusOf, type TableStore } from './table-store.js';

export type { RequestKind };
export type AnyRequest<K extends RequestKind> = K extends 'extension' ? ExtensionRequest : ExemptionRequest;

type JsonRow = { partitionKey: string; rowKey: string; data: string };

/** Where a decision card was delivered, so it can be updated for everyone once decided. */
export interface DeliveredCard {
  approverId: string;
  activityId: string;
  reference: unknown;
}

export type CreateOutcome = { kind: 'created' } | { kind: 'already-open'; openRequestId: string };
export type DecideOutcome = { kind: 'decided' } | { kind: 'stale' };

const requestKey = (kind: RequestKind, id: string) => `${kind}|${id}`;
const lockKey = (kind: RequestKind, subjectId: string) => `open-${kind}|${subjectId}`;
const cardKey = (kind: RequestKind, id: string, approverId: string) => `card-${kind}|${id}|${approverId}`;
const auditKey = (entry: AuditEntry) => `audit|${invertedTime(entry.at)}|${entry.id}`;

/**
 * Requests live in the learner's partition of the staff table, so a request, its one-open-per-topic
 * lock and its audit entry are written in one transaction; a decision replaces the request with the
 * ETag that was read (If-Match), so of any number of simultaneous decisions exactly one succeeds.
 */
export class RequestRepository {
  private readonly table: TableClient;
  private readonly approvals: TableClient;

  constructor(store: TableStore) {
    this.table = store.client('staff');
    this.approvals = store.client('approvals');
  }

  async create<K extends RequestKind>(kind: K, learnerId: string, request: AnyRequest<K>, audit: AuditEntry): Promise<CreateOutcome> {
    const actions: TransactionAction[] = [
      ['create', { partitionKey: learnerId, rowKey: requestKey(kind, request.id), data: JSON.stringify(request) }],
      ['create', { partitionKey: learnerId, rowKey: lockKey(kind, request.subjectId), requestId: request.id }],
      ['create', { partitionKey: learnerId, rowKey: auditKey(audit), data: JSON.stringify(audit) }],
    ];
    try {
      await this.table.submitTransaction(actions);
      return { kind: 'created' };
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
      const lock = await getEntityOrUndefined<{ requestId: string }>(this.table, learnerId, lockKey(kind, request.subjectId));
      if (!lock) throw error;
      return { kind: 'already-open', openRequestId: lock.requestId };
    }
  }

  async get<K extends RequestKind>(kind: K, learnerId: string, requestId: string): Promise<{ request: AnyRequest<K>; etag: string } | undefined> {
    const row = await getEntityOrUndefined<JsonRow>(this.table, learnerId, requestKey(kind, requestId));
    if (!row) return undefined;
    return { request: JSON.parse(row.data) as AnyRequest<K>, etag: row.etag };
  }

  /** Writes the decided request only if nobody changed it since it was read; frees the topic for a new request. */
  async decide<K extends RequestKind>(kind: K, learnerId: string, decided: AnyRequest<K>, etag: string, audit: AuditEntry): Promise<DecideOutcome> {
    const actions: TransactionAction[] = [
      ['update', { partitionKey: learnerId, rowKey: requestKey(kind, decided.id), data: JSON.stringify(decided) }, 'Replace', { etag }],
      ['delete', { partitionKey: learnerId, rowKey: lockKey(kind, decided.subjectId) }],
      ['create', { partitionKey: learnerId, rowKey: auditKey(audit), data: JSON.stringify(audit) }],
    ];
    try {
      await this.table.submitTransaction(actions);
      return { kind: 'decided' };
    } catch (error) {
      const status = statusOf(error);
      if (status === 412 || status === 404 || status === 409) return { kind: 'stale' };
      throw error;
    }
  }

  async appendAudit(learnerId: string, audit: AuditEntry): Promise<void> {
    await this.table.createEntity({ partitionKey: learnerId, rowKey: auditKey(audit), data: JSON.stringify(audit) });
  }

  /** A person's audit trail, newest first. */
  async listAudit(learnerId: string, limit = 200): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    const rows = this.table.listEntities<JsonRow>({
      queryOptions: { filter: odata`PartitionKey eq ${learnerId} and RowKey ge 'audit|' and RowKey lt 'audit}'` },
    });
    for await (const row of rows) {
      entries.push(JSON.parse(row.data) as AuditEntry);
      if (entries.length >= limit) break;
    }
    return entries;
  }

  async rememberCard(kind: RequestKind, learnerId: string, requestId: string, card: DeliveredCard): Promise<void> {
    await this.table.upsertEntity({ partitionKey: learnerId, rowKey: cardKey(kind, requestId, card.approverId), data: JSON.stringify(card) }, 'Replace');
  }

  async deliveredCards(kind: RequestKind, learnerId: string, requestId: string): Promise<DeliveredCard[]> {
    const prefix = `card-${kind}|${requestId}|`;
    const cards: DeliveredCard[] = [];
    const rows = this.table.listEntities<JsonRow>({
      queryOptions: { filter: odata`PartitionKey eq ${learnerId} and RowKey ge ${prefix} and RowKey lt ${`${prefix}~`}` },
    });
    for await (const row of rows) cards.push(JSON.parse(row.data) as DeliveredCard);
    return cards;
  }

  /** The approver's inbox: PartitionKey = approver, RowKey = kind|request id. Rows outlive decisions; readers check the request itself. */
  async addToInbox(approverIds: readonly string[], kind: RequestKind, learnerId: string, requestId: string, requestedAt: string): Promise<void> {
    await Promise.all(
      approverIds.map((approverId) =>
        this.approvals.upsertEntity({ partitionKey: approverId, rowKey: `${kind}|${requestId}`, learnerId, requestedAt, state: 'pending' }, 'Replace'),
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

  async inbox(approverId: string): Promise<{ kind: RequestKind; requestId: string; learnerId: string; requestedAt: string }[]> {
    const items: { kind: RequestKind; requestId: string; learnerId: string; requestedAt: string }[] = [];
    const rows = this.approvals.listEntities<{ learnerId: string; requestedAt: string; state: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${approverId} and state eq 'pending'` },
    });
    for await (const row of rows) {
      const [kind, requestId] = (row.rowKey ?? '').split('|') as [RequestKind, string];
      items.push({ kind, requestId, learnerId: row.learnerId, requestedAt: row.requestedAt });
    }
    return items;
  }
}
