import { QueueClient, QueueServiceClient } from '@azure/storage-queue';
import { DefaultAzureCredential } from '@azure/identity';
import type { StorageConnection } from './table-store.js';

export interface QueuedMessage<T> {
  messageId: string;
  popReceipt: string;
  dequeueCount: number;
  body: T;
}

/** Queue names allow lower-case letters, digits and dashes. */
export function queueName(prefix: string, name: string): string {
  return `${prefix}-${name}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

function serviceClient(connection: StorageConnection): QueueServiceClient {
  if (connection.kind === 'connection-string') return QueueServiceClient.fromConnectionString(connection.connectionString);
  if (!connection.queueUrl) throw new Error('STORAGE_QUEUE_URL is required for reminders when storage is reached by account URL');
  return new QueueServiceClient(connection.queueUrl, new DefaultAzureCredential());
}

/**
 * A JSON work queue on Azure Storage Queues (Azurite locally). A received message stays invisible for
 * `visibilityTimeoutSeconds`; if its worker dies before deleting it, it comes back for another worker.
 */
export class JsonQueue<T> {
  private readonly client: QueueClient;

  constructor(connection: StorageConnection, name: string) {
    this.client = serviceClient(connection).getQueueClient(name);
  }

  async ensure(): Promise<void> {
    await this.client.createIfNotExists();
  }

  async send(body: T, delaySeconds = 0): Promise<void> {
    // Messages live until handled (-1: no expiry), so a long delay never loses one.
    await this.client.sendMessage(Buffer.from(JSON.stringify(body)).toString('base64'), {
      visibilityTimeout: Math.max(0, Math.min(Math.floor(delaySeconds), 7 * 24 * 3600 - 1)),
      messageTimeToLive: -1,
    });
  }

  async receive(max: number, visibilityTimeoutSeconds: number): Promise<QueuedMessage<T>[]> {
    const response = await this.client.receiveMessages({ numberOfMessages: Math.min(32, max), visibilityTimeout: visibilityTimeoutSeconds });
    return response.receivedMessageItems.map((m) => ({
      messageId: m.messageId,
      popReceipt: m.popReceipt,
      dequeueCount: m.dequeueCount,
      body: JSON.parse(Buffer.from(m.messageText, 'base64').toString('utf8')) as T,
    }));
  }

  async delete(message: Pick<QueuedMessage<T>, 'messageId' | 'popReceipt'>): Promise<void> {
    await this.client.deleteMessage(message.messageId, message.popReceipt);
  }

  /** Hides a received message for a while (working hours, Retry-After); returns the new receipt. */
  async postpone(message: Pick<QueuedMessage<T>, 'messageId' | 'popReceipt'>, seconds: number): Promise<string> {
    const result = await this.client.updateMessage(message.messageId, message.popReceipt, undefined, Math.max(0, Math.floor(seconds)));
    return result.popReceipt ?? message.popReceipt;
  }

  async approximateCount(): Promise<number> {
    return (await this.client.getProperties()).approximateMessagesCount ?? 0;
  }

  async clear(): Promise<void> {
    await this.client.clearMessages();
  }

  async drop(): Promise<void> {
    await this.client.deleteIfExists();
  }
}
