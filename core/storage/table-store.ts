import { TableClient, TableServiceClient, type TableEntityResult } from '@azure/data-tables';
import { DefaultAzureCredential } from '@azure/identity';

/** Where the tables live: a connection string (Azurite, or keys) or an account URL with managed identity. */
export type StorageConnection =
  | { kind: 'connection-string'; connectionString: string }
  | { kind: 'account-url'; tableUrl: string; queueUrl?: string };

export interface TableStoreOptions {
  connection: StorageConnection;
  /** Prefixed to every table name, so several deployments or test runs can share one account. */
  tablePrefix: string;
}

export const TABLE_NAMES = [
  'staff', 'directory', 'teams', 'summaries', 'catalogue', 'conversations', 'feedback', 'concerns', 'approvals', 'ledger', 'leases', 'runs',
  // Learning Organisation workspaces: applications and their fields, revisions, the change feed, presence, the hub's library.
  'workspaces', 'wsrevisions', 'wsevents', 'wspresence', 'wsresources',
  // Learning and development administration: ESR imports and mappings, monthly snapshots, local topic proposals, the audit chain.
  'imports', 'snapshots', 'proposals', 'auditlog',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

function isInsecure(connection: StorageConnection): boolean {
  return connection.kind === 'connection-string'
    ? /(Endpoint=http:|UseDevelopmentStorage=true)/i.test(connection.connectionString)
    : connection.tableUrl.startsWith('http:');
}

/** Opens table clients by logical name; one instance per process, shared by the repositories. */
export class TableStore {
  private readonly clients = new Map<TableName, TableClient>();
  private credential: DefaultAzureCredential | undefined;

  constructor(private readonly options: TableStoreOptions) {}

  tableName(name: TableName): string {
    return `${this.options.tablePrefix}${name}`;
  }

  client(name: TableName): TableClient {
    let client = this.clients.get(name);
    if (!client) {
      client = this.createClient(this.tableName(name));
      this.clients.set(name, client);
    }
    return client;
  }

  private createClient(table: string): TableClient {
    const { connection } = this.options;
    const allowInsecureConnection = isInsecure(connection);
    if (connection.kind === 'connection-string') {
      return TableClient.fromConnectionString(connection.connectionString, table, { allowInsecureConnection });
    }
    this.credential ??= new DefaultAzureCredential();
    return new TableClient(connection.tableUrl, table, this.credential, { allowInsecureConnection });
  }

  serviceClient(): TableServiceClient {
    const { connection } = this.options;
    const allowInsecureConnection = isInsecure(connection);
    if (connection.kind === 'connection-string') {
      return TableServiceClient.fromConnectionString(connection.connectionString, { allowInsecureConnection });
    }
    this.credential ??= new DefaultAzureCredential();
    return new TableServiceClient(connection.tableUrl, this.credential, { allowInsecureConnection });
  }

  /** Creates every table that does not exist yet. Safe to call on every start. */
  async ensureTables(): Promise<void> {
    await Promise.all(TABLE_NAMES.map((name) => this.client(name).createTable()));
  }

  /** Deletes every table of this prefix (tests and `seed --reset`). */
  async dropTables(): Promise<void> {
    await Promise.all(
      TABLE_NAMES.map(async (name) => {
        try {
          await this.client(name).deleteTable();
        } catch (error) {
          if (statusOf(error) !== 404) throw error;
        }
      }),
    );
  }
}

export function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'statusCode' in error
    ? (error as { statusCode?: number }).statusCode
    : undefined;
}

/** Reads one entity, or undefined when it does not exist. */
export async function getEntityOrUndefined<T extends object>(
  client: TableClient,
  partitionKey: string,
  rowKey: string,
): Promise<TableEntityResult<T> | undefined> {
  try {
    return await client.getEntity<T>(partitionKey, rowKey);
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/** Runs tasks with at most `limit` in flight. */
export { runConcurrently } from '../time/run-concurrently.js';

/** Splits into chunks of at most `size` (Table Storage transactions take 100 operations). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
