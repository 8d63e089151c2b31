import { odata, type TableClient } from '@azure/data-tables';
import type { PublishedKeyStore } from '../keys/key-ring.js';
import type { LocalKeyStore, StoredLocalKey } from '../keys/local-signer.js';
import type { PublicSigningKey } from '../keys/signer.js';
import { getEntityOrUndefined, statusOf, type TableStore } from './table-store.js';

/**
 * Keys, in the `passports` table:
 * - PartitionKey `key`, RowKey = key id (JWK thumbprint): each public key ever used to sign, with
 *   when it was first published. Never deleted, so passports signed before a rotation still verify.
 * - PartitionKey `signing`, RowKey `current`: the development signing key (private JWK). Only the
 *   local signer writes it; in Azure the key lives in Key Vault and this row does not exist.
 */
const PUBLISHED = 'key';
const SIGNING = 'signing';
const CURRENT = 'current';

export class PublishedKeyRepository implements PublishedKeyStore {
  private readonly table: TableClient;

  constructor(store: TableStore) {
    this.table = store.client('passports');
  }

  async publish(key: PublicSigningKey, at: string): Promise<void> {
    try {
      await this.table.createEntity({ partitionKey: PUBLISHED, rowKey: key.kid, jwk: JSON.stringify(key), publishedAt: at });
    } catch (error) {
      if (statusOf(error) !== 409) throw error; // published already
    }
  }

  async list(): Promise<PublicSigningKey[]> {
    const keys: { key: PublicSigningKey; at: string }[] = [];
    const rows = this.table.listEntities<{ jwk: string; publishedAt: string }>({ queryOptions: { filter: odata`PartitionKey eq ${PUBLISHED}` } });
    for await (const row of rows) keys.push({ key: JSON.parse(row.jwk) as PublicSigningKey, at: row.publishedAt });
    // Newest first: the active key leads.
    return keys.sort((a, b) => b.at.localeCompare(a.at)).map((k) => k.key);
  }
}

type SigningEntity = { partitionKey: string; rowKey: string; data: string };

export class LocalKeyRepository implements LocalKeyStore {
  private readonly table: TableClient;

  constructor(store: TableStore) {
    this.table = store.client('passports');
  }

  async current(): Promise<{ key: StoredLocalKey; etag: string } | undefined> {
    const row = await getEntityOrUndefined<SigningEntity>(this.table, SIGNING, CURRENT);
    return row ? { key: JSON.parse(row.data) as StoredLocalKey, etag: row.etag } : undefined;
  }

  async create(key: StoredLocalKey): Promise<boolean> {
    try {
      await this.table.createEntity({ partitionKey: SIGNING, rowKey: CURRENT, data: JSON.stringify(key) });
      return true;
    } catch (error) {
      if (statusOf(error) === 409) return false;
      throw error;
    }
  }

  async replace(key: StoredLocalKey, etag: string): Promise<boolean> {
    try {
      await this.table.updateEntity({ partitionKey: SIGNING, rowKey: CURRENT, data: JSON.stringify(key) }, 'Replace', { etag });
      return true;
    } catch (error) {
      if (statusOf(error) === 412) return false;
      throw error;
    }
  }
}
