import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { PersonRef } from '../workspace/model.js';
import type { CursorPositions, DocRecord, FieldSnapshot, NewDocRecord, WorkSession } from '../workspace/live/doc-types.js';
import { getEntityOrUndefined, statusOf, type TableStore } from './table-store.js';

/**
 * Live documents of the workspace's fields, in the application's partition of the `workspaces` table:
 * - `d`: the change feed's head, `dseq` = number of the last change. Every append moves it with
 *   its ETag, in the same transaction as the rows it adds, so changes are numbered without gaps and
 *   in the order they were stored, whichever instance stored them;
 * - `u|<dseq>`: the feed (every change, cursor moves too), read by each instance's live streams;
 *   kept for a while, then pruned;
 * - `y|<fieldId>|<dseq>`: a field's changes not yet compacted (the Yjs updates only);
 * - `s|<fieldId>`: the field's snapshot: every change up to `upTo` merged into one Yjs update, and
 *   its sessions of work still open; written with its ETag;
 * - `w|<fieldId>|<inverted start>|<id>`: a finished session of work (who, when, how much, and Yjs
 *   snapshots of before and after), newest first.
 * Binary values are split across properties (Table Storage allows 64 KiB a property).
 */
type Entity = Record<string, unknown> & { partitionKey: string; rowKey: string; etag?: string };

const HEAD = 'd';
const pad = (n: number) => String(n).padStart(12, '0');
const feedKey = (dseq: number) => `u|${pad(dseq)}`;
const logPrefix = (fieldId: string) => `y|${fieldId}|`;
const snapshotKey = (fieldId: string) => `s|${fieldId}`;
const sessionPrefix = (fieldId: string) => `w|${fieldId}|`;
const MAX_MS = 9_999_999_999_999;
// 48 KiB, so the base64 form on the wire stays under 64 KiB too (Azurite measures that).
const BINARY_CHUNK = 48 * 1024;

function splitBinary(name: string, bytes: Uint8Array): Record<string, Uint8Array | number> {
  const out: Record<string, Uint8Array | number> = {};
  let count = 0;
  for (let i = 0; i < bytes.length; i += BINARY_CHUNK) out[`${name}${count++}`] = bytes.slice(i, i + BINARY_CHUNK); // a copy: the SDK encodes a view's whole buffer
  out[`${name}Chunks`] = count;
  return out;
}

function joinBinary(name: string, entity: Record<string, unknown>): Uint8Array {
  const count = Number(entity[`${name}Chunks`] ?? 0);
  const parts: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const part = entity[`${name}${i}`];
    if (part instanceof Uint8Array) parts.push(part);
  }
  return parts.length === 1 ? parts[0]! : new Uint8Array(Buffer.concat(parts));
}

function toRecord(row: Entity): DocRecord {
  return {
    dseq: Number(row.dseq),
    fieldId: String(row.fieldId),
    by: JSON.parse(String(row.by)) as PersonRef,
    at: Number(row.at),
    origin: String(row.origin ?? ''),
    ...(Number(row.updateChunks ?? 0) > 0 ? { update: joinBinary('update', row) } : {}),
    ...(row.yclient !== undefined ? { yclient: Number(row.yclient) } : {}),
    ...(row.cursor !== undefined ? { cursor: JSON.parse(String(row.cursor)) as CursorPositions | null } : {}),
    ...(row.restoredFrom ? { restoredFrom: String(row.restoredFrom) } : {}),
  };
}

function recordRow(pk: string, rowKey: string, record: DocRecord, withCursor: boolean): Entity {
  return {
    partitionKey: pk,
    rowKey,
    dseq: record.dseq,
    fieldId: record.fieldId,
    by: JSON.stringify(record.by),
    at: record.at,
    origin: record.origin,
    ...(record.update ? splitBinary('update', record.update) : {}),
    ...(record.yclient !== undefined ? { yclient: record.yclient } : {}),
    ...(withCursor && record.cursor !== undefined ? { cursor: JSON.stringify(record.cursor) } : {}),
    ...(record.restoredFrom ? { restoredFrom: record.restoredFrom } : {}),
  };
}

export interface FeedHead {
  dseq: number;
  etag: string | undefined;
}

export class DocRepository {
  readonly table: TableClient;

  constructor(store: TableStore) {
    this.table = store.client('workspaces');
  }

  async readHead(appId: string): Promise<FeedHead> {
    const row = await getEntityOrUndefined<{ dseq?: number }>(this.table, appId, HEAD);
    return { dseq: Number(row?.dseq ?? 0), etag: row?.etag };
  }

  /** The cheap read a live poller makes: just the feed's last number. */
  async readDseq(appId: string): Promise<number> {
    try {
      const row = await this.table.getEntity<{ dseq?: number }>(appId, HEAD, { queryOptions: { select: ['dseq'] } });
      return Number(row.dseq ?? 0);
    } catch (error) {
      if (statusOf(error) === 404) return 0;
      throw error;
    }
  }

  /**
   * Stores changes as the next numbers after `head`, in one transaction (at most 49 changes with an
   * update). Returns the numbered records, or undefined when someone else appended first.
   */
  async append(appId: string, head: FeedHead, records: readonly NewDocRecord[]): Promise<DocRecord[] | undefined> {
    const numbered = records.map((r, i) => ({ ...r, dseq: head.dseq + 1 + i }));
    const last = head.dseq + numbered.length;
    const headRow = { partitionKey: appId, rowKey: HEAD, dseq: last };
    const actions: TransactionAction[] = [head.etag ? ['update', headRow, 'Replace', { etag: head.etag }] : ['create', headRow]];
    for (const record of numbered) {
      actions.push(['create', recordRow(appId, feedKey(record.dseq), record, true)]);
      if (record.update) actions.push(['create', recordRow(appId, `${logPrefix(record.fieldId)}${pad(record.dseq)}`, record, false)]);
    }
    if (actions.length > 100) throw new Error(`one append may write at most 100 rows (${actions.length})`);
    try {
      await this.table.submitTransaction(actions);
      return numbered;
    } catch (error) {
      const status = statusOf(error);
      if (status === 412 || status === 409) return undefined;
      throw error;
    }
  }

  /** Changes with afterDseq < dseq ≤ upTo, oldest first. */
  async readFeed(appId: string, afterDseq: number, upTo: number): Promise<DocRecord[]> {
    if (upTo <= afterDseq) return [];
    const out: DocRecord[] = [];
    const rows = this.table.listEntities<Entity>({ queryOptions: { filter: odata`PartitionKey eq ${appId} and RowKey gt ${feedKey(afterDseq)} and RowKey le ${feedKey(upTo)}` } });
    for await (const row of rows) out.push(toRecord(row));
    return out;
  }

  /** Uncompacted changes of the fields whose ids start with `fieldPrefix` (one field id, a section's `<id>.`, or '' for all). */
  async readLogs(appId: string, fieldPrefix: string): Promise<DocRecord[]> {
    const from = `y|${fieldPrefix}`;
    const out: DocRecord[] = [];
    const rows = this.table.listEntities<Entity>({ queryOptions: { filter: odata`PartitionKey eq ${appId} and RowKey ge ${from} and RowKey lt ${from + '~'}` } });
    for await (const row of rows) out.push(toRecord(row));
    return out.sort((a, b) => a.dseq - b.dseq);
  }

  async readSnapshot(appId: string, fieldId: string): Promise<FieldSnapshot | undefined> {
    const row = await getEntityOrUndefined<Entity>(this.table, appId, snapshotKey(fieldId));
    return row ? toSnapshot(row) : undefined;
  }

  /** Snapshots of the fields whose ids start with `fieldPrefix`. */
  async readSnapshots(appId: string, fieldPrefix: string): Promise<FieldSnapshot[]> {
    const from = `s|${fieldPrefix}`;
    const out: FieldSnapshot[] = [];
    const rows = this.table.listEntities<Entity>({ queryOptions: { filter: odata`PartitionKey eq ${appId} and RowKey ge ${from} and RowKey lt ${from + '~'}` } });
    for await (const row of rows) out.push(toSnapshot(row));
    return out;
  }

  /**
   * Writes a field's new snapshot (conditional on the one read; `create` when there was none) and
   * the sessions it finished, in one transaction. False when another instance compacted first.
   */
  async writeSnapshot(appId: string, snapshot: FieldSnapshot, previousEtag: string | undefined, finished: readonly WorkSession[]): Promise<boolean> {
    const row: Entity = {
      partitionKey: appId,
      rowKey: snapshotKey(snapshot.fieldId),
      upTo: snapshot.upTo,
      open: JSON.stringify(snapshot.open),
      ...splitBinary('state', snapshot.state),
    };
    const actions: TransactionAction[] = [previousEtag ? ['update', row, 'Replace', { etag: previousEtag }] : ['create', row]];
    for (const session of finished) {
      actions.push(['upsert', { partitionKey: appId, rowKey: `${sessionPrefix(session.fieldId)}${pad(MAX_MS - session.startedAt)}|${session.id}`, data: JSON.stringify(session) }, 'Replace']);
    }
    try {
      for (let i = 0; i < actions.length; i += 100) await this.table.submitTransaction(actions.slice(i, i + 100));
      return true;
    } catch (error) {
      const status = statusOf(error);
      if (status === 412 || status === 409) return false;
      throw error;
    }
  }

  /** A field's finished sessions, newest first. */
  async listSessions(appId: string, fieldId: string, limit: number): Promise<WorkSession[]> {
    const prefix = sessionPrefix(fieldId);
    const out: WorkSession[] = [];
    const rows = this.table.listEntities<{ data: string }>({ queryOptions: { filter: odata`PartitionKey eq ${appId} and RowKey ge ${prefix} and RowKey lt ${prefix + '~'}` } });
    for await (const row of rows) {
      out.push(JSON.parse(row.data) as WorkSession);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** Removes compacted log rows (dseq ≤ upTo) of a field; best effort, they are never read again. */
  async dropLog(appId: string, fieldId: string, upTo: number): Promise<number> {
    const prefix = logPrefix(fieldId);
    const keys: string[] = [];
    const rows = this.table.listEntities<Entity>({ queryOptions: { filter: odata`PartitionKey eq ${appId} and RowKey ge ${prefix} and RowKey le ${prefix + pad(upTo)}`, select: ['RowKey'] } });
    for await (const row of rows) keys.push(row.rowKey);
    await this.deleteRows(appId, keys);
    return keys.length;
  }

  /** Removes feed rows up to `upTo` (live streams further behind are told to reload). */
  async pruneFeed(appId: string, upTo: number): Promise<number> {
    const keys: string[] = [];
    const rows = this.table.listEntities<Entity>({ queryOptions: { filter: odata`PartitionKey eq ${appId} and RowKey ge ${'u|'} and RowKey le ${feedKey(upTo)}`, select: ['RowKey'] } });
    for await (const row of rows) keys.push(row.rowKey);
    await this.deleteRows(appId, keys);
    return keys.length;
  }

  private async deleteRows(appId: string, keys: readonly string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += 100) {
      await this.table.submitTransaction(keys.slice(i, i + 100).map((rowKey) => ['delete', { partitionKey: appId, rowKey }] as TransactionAction)).catch(() => undefined);
    }
  }
}

function toSnapshot(row: Entity): FieldSnapshot {
  return {
    fieldId: row.rowKey.slice(2),
    state: joinBinary('state', row),
    upTo: Number(row.upTo ?? 0),
    open: JSON.parse(String(row.open ?? '[]')) as WorkSession[],
    ...(row.etag ? { etag: row.etag } : {}),
  };
}
