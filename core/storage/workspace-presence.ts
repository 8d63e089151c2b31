import { odata, type TableClient } from '@azure/data-tables';
import type { PersonRef, PresenceEntry } from '../workspace/model.js';
import type { TableStore } from './table-store.js';

/**
 * Who has a workspace open, and where: the `wspresence` table, PartitionKey = application id,
 * RowKey = `<staff id>|<client id>` (one row per open tab). A tab beats every HEARTBEAT_SECONDS;
 * a row not beaten for EXPIRES_SECONDS no longer counts (a closed laptop leaves no ghost), and
 * expired rows are swept when the partition is read. Times are wall-clock milliseconds: presence
 * is about now, not about the business date.
 */
export const HEARTBEAT_SECONDS = 10;
export const EXPIRES_SECONDS = 30;

type Row = { partitionKey: string; rowKey: string; name: string; sectionId?: string; fieldId?: string; mode: 'viewing' | 'editing'; expiresAtMs: number };

export class PresenceRepository {
  private readonly table: TableClient;

  constructor(
    store: TableStore,
    private readonly now: () => number = Date.now,
  ) {
    this.table = store.client('wspresence');
  }

  async beat(appId: string, person: PersonRef, entry: { clientId: string; sectionId?: string | undefined; fieldId?: string | undefined; mode: 'viewing' | 'editing' }): Promise<void> {
    const row: Row = {
      partitionKey: appId,
      rowKey: `${person.staffId}|${entry.clientId}`,
      name: person.name,
      mode: entry.mode,
      expiresAtMs: this.now() + EXPIRES_SECONDS * 1000,
      ...(entry.sectionId ? { sectionId: entry.sectionId } : {}),
      ...(entry.fieldId ? { fieldId: entry.fieldId } : {}),
    };
    await this.table.upsertEntity(row, 'Replace');
  }

  async leave(appId: string, staffId: string, clientId: string): Promise<void> {
    await this.table.deleteEntity(appId, `${staffId}|${clientId}`).catch(() => undefined);
  }

  /** Everyone present now, by name; expired rows are removed on the way. */
  async list(appId: string): Promise<PresenceEntry[]> {
    const now = this.now();
    const present: PresenceEntry[] = [];
    const expired: Row[] = [];
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter: odata`PartitionKey eq ${appId}` } })) {
      if (row.expiresAtMs <= now) {
        expired.push(row);
        continue;
      }
      const bar = row.rowKey.indexOf('|');
      present.push({
        clientId: row.rowKey.slice(bar + 1),
        person: { staffId: row.rowKey.slice(0, bar), name: row.name },
        mode: row.mode,
        expiresAt: new Date(row.expiresAtMs).toISOString(),
        ...(row.sectionId ? { sectionId: row.sectionId } : {}),
        ...(row.fieldId ? { fieldId: row.fieldId } : {}),
      });
    }
    // Sweeping is best effort: another instance may be deleting the same row.
    await Promise.all(expired.map((row) => this.table.deleteEntity(row.partitionKey, row.rowKey).catch(() => undefined)));
    return present.sort((a, b) => a.person.name.localeCompare(b.person.name) || a.clientId.localeCompare(b.clientId));
  }
}
