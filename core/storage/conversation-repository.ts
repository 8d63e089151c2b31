import type { TableClient } from '@azure/data-tables';
import { getEntityOrUndefined, type TableStore } from './table-store.js';

/**
 * A stored conversation reference: what proactive messages need to reach a person. Opaque here
 * (the bot layer knows its shape); keyed by the Teams user's Entra object id.
 */
export interface StoredConversation {
  aadObjectId: string;
  conversationId: string;
  serviceUrl: string;
  reference: unknown;
  updatedAt: string;
  /** Set when Teams answered 403/404: the user removed the app or the chat is gone. */
  staleSince?: string;
}

type ConversationEntity = {
  partitionKey: string;
  rowKey: string;
  conversationId: string;
  serviceUrl: string;
  reference: string;
  updatedAt: string;
  staleSince?: string;
};

const PERSONAL = 'personal';

/** PartitionKey = Entra object id (lower case), RowKey = `personal`. */
export class ConversationRepository {
  private readonly table: TableClient;
  /** What this instance last wrote, so an unchanged reference is not rewritten on every message. */
  private readonly lastWritten = new Map<string, string>();

  constructor(store: TableStore) {
    this.table = store.client('conversations');
  }

  async savePersonal(aadObjectId: string, conversationId: string, serviceUrl: string, reference: unknown, now: Date): Promise<void> {
    const key = aadObjectId.toLowerCase();
    const fingerprint = `${conversationId}\u0000${serviceUrl}`;
    if (this.lastWritten.get(key) === fingerprint) return;
    const entity: ConversationEntity = {
      partitionKey: key,
      rowKey: PERSONAL,
      conversationId,
      serviceUrl,
      reference: JSON.stringify(reference),
      updatedAt: now.toISOString(),
    };
    await this.table.upsertEntity(entity, 'Replace');
    if (this.lastWritten.size > 50_000) this.lastWritten.clear();
    this.lastWritten.set(key, fingerprint);
  }

  async getPersonal(aadObjectId: string): Promise<StoredConversation | undefined> {
    const entity = await getEntityOrUndefined<ConversationEntity>(this.table, aadObjectId.toLowerCase(), PERSONAL);
    if (!entity) return undefined;
    return {
      aadObjectId: entity.partitionKey,
      conversationId: entity.conversationId,
      serviceUrl: entity.serviceUrl,
      reference: JSON.parse(entity.reference) as unknown,
      updatedAt: entity.updatedAt,
      ...(entity.staleSince ? { staleSince: entity.staleSince } : {}),
    };
  }

  async markStale(aadObjectId: string, now: Date): Promise<void> {
    const key = aadObjectId.toLowerCase();
    this.lastWritten.delete(key);
    await this.table.updateEntity({ partitionKey: key, rowKey: PERSONAL, staleSince: now.toISOString() }, 'Merge').catch(() => undefined);
  }
}
