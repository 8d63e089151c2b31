import type { AuditEvent } from '../audit/audit-chain.js';
import { submitChained, type AuditOutbox } from './audit-outbox.js';
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { CommentThread, FieldState, HistoryEntry, PersonRef, WorkspaceEvent } from '../workspace/model.js';
import type { ApplicationRecord } from '../workspace/application.js';
import { joinChunks, splitIntoChunks } from './property-chunks.js';
import { getEntityOrUndefined, statusOf, type TableStore } from './table-store.js';

/**
 * The `workspaces` table. One partition per application (PartitionKey = application id), laid out
 * for the reads the workspace makes:
 * - `app`: the application (lifecycle, sections, members, field facts) and `seq`, the number of the
 *   last event. Every write to the partition replaces this row with the ETag it read, in the same
 *   transaction as its other rows: writes to one application are ordered, none is lost, and a cheap
 *   point read of `seq` tells a live poller whether anything changed.
 * - `f|<fieldId>`: a field's current text (split across properties, never truncated) and version.
 * - `h|<fieldId>|<inverted version>|r`: the revision that made that version (full text);
 *   `h|<fieldId>|<inverted version>|c<inverted seq>`: an edit that conflicted with that version, kept.
 *   Inverted numbers make a range read come back newest first.
 * - `e|<seq>`: the change feed, one row per event, read by live streams on every instance.
 * - `c|<threadId>`: a comment thread.
 * Other partitions: `~index` (one row per application, for lists), `~channel` (Teams channel id →
 * application), `~team` (a team's conversation reference, for channel posts).
 */
type Entity = Record<string, unknown> & { partitionKey: string; rowKey: string; etag?: string };

export type StoredEvent = Exclude<WorkspaceEvent, { type: 'hello' | 'presence' | 'reset' | 'doc' }>;

const APP = 'app';
const INDEX = '~index';
const CHANNEL = '~channel';
const TEAM = '~team';
const MAX_VERSION = 99_999_999;
const MAX_SEQ = 999_999_999_999;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const eventKey = (seq: number) => `e|${pad(seq, 12)}`;
const fieldKey = (fieldId: string) => `f|${fieldId}`;
const historyPrefix = (fieldId: string) => `h|${fieldId}|`;
const revisionKey = (fieldId: string, version: number) => `${historyPrefix(fieldId)}${pad(MAX_VERSION - version, 8)}|r`;
const conflictKey = (fieldId: string, version: number, seq: number) => `${historyPrefix(fieldId)}${pad(MAX_VERSION - version, 8)}|c${pad(MAX_SEQ - seq, 12)}`;
/** Row keys may not hold / \ # ? or control characters: Teams ids are encoded. */
export const encodeKey = (raw: string) => encodeURIComponent(raw).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Conflict entries are named `x<seq>`; the seq is part of their row key. */
export const conflictId = (seq: number) => `x${seq}`;
export const revisionId = (version: number) => `r${version}`;

export interface PartitionWrite {
  /** The application after the change: `seq` already moved on by the number of events. */
  app: ApplicationRecord;
  /** The ETag the `app` row was read with; undefined when the application is being created. */
  etag: string | undefined;
  /**
   * Field heads to write. With `etag`, the write is conditional on the head being as it was read
   * (so the head may be read in parallel with the `app` row); `etag: null` means it must not exist yet.
   */
  fields?: { field: FieldState; etag?: string | null }[];
  /** New history entries (revisions and kept conflicts). */
  history?: HistoryEntry[];
  /** History entries rewritten (a conflict marked resolved). */
  historyUpdates?: HistoryEntry[];
  threads?: CommentThread[];
  /** What the organisation's audit chain records for this change: chained exactly when it is stored. */
  chain?: readonly AuditEvent[];
  events: StoredEvent[];
}

export class WorkspaceRepository {
  readonly table: TableClient;

  constructor(
    store: TableStore,
    private readonly outbox?: AuditOutbox,
  ) {
    this.table = store.client('workspaces');
  }

  // ── the application row ──

  async getApplication(id: string): Promise<{ app: ApplicationRecord; etag: string } | undefined> {
    const entity = await getEntityOrUndefined<Entity>(this.table, id, APP);
    if (!entity) return undefined;
    return { app: { ...(JSON.parse(joinChunks('data', entity)) as Omit<ApplicationRecord, 'seq'>), seq: Number(entity.seq ?? 0) }, etag: entity.etag };
  }

  /** The cheap read a live poller makes several times a second: just the last event number. */
  async getSeq(id: string): Promise<number | undefined> {
    try {
      const entity = await this.table.getEntity<{ seq?: number }>(id, APP, { queryOptions: { select: ['seq'] } });
      return Number(entity.seq ?? 0);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /**
   * Writes a change to one application in ONE transaction: the `app` row (conditional on its ETag),
   * field heads, history rows, threads and the change-feed events. Returns false when someone else
   * wrote first (the caller reads again and decides again).
   */
  async commit(write: PartitionWrite): Promise<boolean> {
    const { app } = write;
    const pk = app.id;
    const { seq, ...rest } = app;
    const appRow: Entity = { partitionKey: pk, rowKey: APP, seq, ...splitIntoChunks('data', JSON.stringify(rest)) };
    const actions: TransactionAction[] = [write.etag ? ['update', appRow, 'Replace', { etag: write.etag }] : ['create', appRow]];
    for (const { field, etag } of write.fields ?? []) {
      const row = fieldRow(pk, field);
      actions.push(etag === undefined ? ['upsert', row, 'Replace'] : etag === null ? ['create', row] : ['update', row, 'Replace', { etag }]);
    }
    for (const entry of write.history ?? []) actions.push(['create', historyRow(pk, entry)]);
    for (const entry of write.historyUpdates ?? []) actions.push(['upsert', historyRow(pk, entry), 'Replace']);
    for (const thread of write.threads ?? []) actions.push(['upsert', { partitionKey: pk, rowKey: `c|${thread.id}`, ...splitIntoChunks('data', JSON.stringify(thread)) }, 'Replace']);
    for (const event of write.events) actions.push(['create', eventRow(pk, event)]);
    const fences = write.chain?.length ?? 0;
    if (actions.length + fences > 100) throw new Error(`one change to an application may write at most 100 rows (${actions.length + fences})`);
    try {
      await submitChained(this.outbox, this.table, { table: 'workspaces', partitionKey: pk }, actions, write.chain);
      return true;
    } catch (error) {
      const status = statusOf(error);
      if (status === 412 || status === 409) return false;
      throw error;
    }
  }

  // ── fields and history ──

  async getField(id: string, fieldId: string): Promise<FieldState | undefined> {
    return (await this.getFieldWithEtag(id, fieldId))?.field;
  }

  async getFieldWithEtag(id: string, fieldId: string): Promise<{ field: FieldState; etag: string } | undefined> {
    const entity = await getEntityOrUndefined<Entity>(this.table, id, fieldKey(fieldId));
    return entity ? { field: toField(entity), etag: entity.etag } : undefined;
  }

  async listFields(id: string): Promise<FieldState[]> {
    const fields: FieldState[] = [];
    const rows = this.table.listEntities<Entity>({ queryOptions: { filter: odata`PartitionKey eq ${id} and RowKey ge ${'f|'} and RowKey lt ${'f|~'}` } });
    for await (const row of rows) fields.push(toField(row));
    return fields;
  }

  async getRevision(id: string, fieldId: string, version: number): Promise<HistoryEntry | undefined> {
    const entity = await getEntityOrUndefined<Entity>(this.table, id, revisionKey(fieldId, version));
    return entity ? toHistory(entity) : undefined;
  }

  async getConflict(id: string, fieldId: string, conflict: string): Promise<HistoryEntry | undefined> {
    const seq = Number(/^x(\d{1,12})$/.exec(conflict)?.[1] ?? NaN);
    if (!Number.isFinite(seq)) return undefined;
    // The row key also holds the version the attempt clashed with, which the id does not: look among the field's history.
    const rows = this.table.listEntities<Entity>({
      queryOptions: { filter: odata`PartitionKey eq ${id} and RowKey ge ${historyPrefix(fieldId)} and RowKey lt ${historyPrefix(fieldId) + '~'} and seq eq ${seq}` },
    });
    for await (const row of rows) return toHistory(row);
    return undefined;
  }

  /** A field's history, newest first: revisions and the conflicting attempts kept beside them. */
  async listHistory(id: string, fieldId: string, limit: number): Promise<HistoryEntry[]> {
    const entries: HistoryEntry[] = [];
    const prefix = historyPrefix(fieldId);
    const rows = this.table.listEntities<Entity>({ queryOptions: { filter: odata`PartitionKey eq ${id} and RowKey ge ${prefix} and RowKey lt ${prefix + '~'}` } });
    for await (const row of rows) {
      entries.push(toHistory(row));
      if (entries.length >= limit) break;
    }
    return entries;
  }

  // ── change feed ──

  /** Events with afterSeq < seq ≤ upToSeq, oldest first. */
  async listEvents(id: string, afterSeq: number, upToSeq: number): Promise<StoredEvent[]> {
    if (upToSeq <= afterSeq) return [];
    const events: StoredEvent[] = [];
    const rows = this.table.listEntities<Entity>({ queryOptions: { filter: odata`PartitionKey eq ${id} and RowKey gt ${eventKey(afterSeq)} and RowKey le ${eventKey(upToSeq)}` } });
    for await (const row of rows) events.push(toEvent(row));
    return events;
  }

  // ── comments ──

  async listThreads(id: string): Promise<CommentThread[]> {
    const threads: CommentThread[] = [];
    const rows = this.table.listEntities<Entity>({ queryOptions: { filter: odata`PartitionKey eq ${id} and RowKey ge ${'c|'} and RowKey lt ${'c|~'}` } });
    for await (const row of rows) threads.push(JSON.parse(joinChunks('data', row)) as CommentThread);
    return threads.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async getThread(id: string, threadId: string): Promise<CommentThread | undefined> {
    const entity = await getEntityOrUndefined<Entity>(this.table, id, `c|${threadId}`);
    return entity ? (JSON.parse(joinChunks('data', entity)) as CommentThread) : undefined;
  }

  // ── indexes: every application, channels, teams ──

  async addToIndex(app: Pick<ApplicationRecord, 'id' | 'pcnName' | 'title' | 'createdAt'>): Promise<void> {
    await this.table.upsertEntity({ partitionKey: INDEX, rowKey: app.id, pcnName: app.pcnName, title: app.title, createdAt: app.createdAt }, 'Replace');
  }

  async listIndex(): Promise<{ id: string; pcnName: string }[]> {
    const out: { id: string; pcnName: string }[] = [];
    const rows = this.table.listEntities<Entity>({ queryOptions: { filter: odata`PartitionKey eq ${INDEX}`, select: ['RowKey', 'pcnName'] } });
    for await (const row of rows) out.push({ id: row.rowKey, pcnName: String(row.pcnName ?? '') });
    return out;
  }

  async linkChannel(channelId: string, appId: string, teamId: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: CHANNEL, rowKey: encodeKey(channelId), appId, teamId }, 'Replace');
  }

  async unlinkChannel(channelId: string, appId: string): Promise<void> {
    const row = await getEntityOrUndefined<{ appId: string }>(this.table, CHANNEL, encodeKey(channelId));
    if (row?.appId === appId) await this.table.deleteEntity(CHANNEL, encodeKey(channelId), { etag: row.etag }).catch(() => undefined);
  }

  async applicationForChannel(channelId: string): Promise<string | undefined> {
    const row = await getEntityOrUndefined<{ appId: string }>(this.table, CHANNEL, encodeKey(channelId));
    return row?.appId;
  }

  async saveTeamReference(teamId: string, reference: unknown, at: Date): Promise<void> {
    await this.table.upsertEntity({ partitionKey: TEAM, rowKey: encodeKey(teamId), reference: JSON.stringify(reference), savedAt: at.toISOString() }, 'Replace');
  }

  async getTeamReference(teamId: string): Promise<unknown | undefined> {
    const row = await getEntityOrUndefined<{ reference: string }>(this.table, TEAM, encodeKey(teamId));
    return row ? JSON.parse(row.reference) : undefined;
  }
}

// ── row formats ──

function fieldRow(pk: string, field: FieldState): Entity {
  return {
    partitionKey: pk,
    rowKey: fieldKey(field.fieldId),
    version: field.version,
    ...(field.updatedAt ? { updatedAt: field.updatedAt } : {}),
    ...(field.updatedBy ? { updatedBy: JSON.stringify(field.updatedBy) } : {}),
    ...splitIntoChunks('text', field.text),
  };
}

function toField(entity: Entity): FieldState {
  return {
    fieldId: entity.rowKey.slice(2),
    text: joinChunks('text', entity),
    version: Number(entity.version ?? 0),
    ...(entity.updatedAt ? { updatedAt: String(entity.updatedAt) } : {}),
    ...(entity.updatedBy ? { updatedBy: JSON.parse(String(entity.updatedBy)) as PersonRef } : {}),
  };
}

function historyRow(pk: string, entry: HistoryEntry): Entity {
  const { text, ...meta } = entry;
  const seq = entry.kind === 'conflict' ? Number(entry.id.slice(1)) : undefined;
  const rowKey = seq !== undefined ? conflictKey(entry.fieldId, entry.version, seq) : revisionKey(entry.fieldId, entry.version);
  return { partitionKey: pk, rowKey, ...(seq !== undefined ? { seq } : {}), meta: JSON.stringify(meta), ...splitIntoChunks('text', text) };
}

function toHistory(entity: Entity): HistoryEntry {
  return { ...(JSON.parse(String(entity.meta)) as Omit<HistoryEntry, 'text'>), text: joinChunks('text', entity) };
}

/** Field texts travel beside the event's JSON, not inside it: JSON escaping could push a long text past the entity limit. */
function eventRow(pk: string, event: StoredEvent): Entity {
  if (event.type === 'field') {
    const { field, ...rest } = event;
    const { text, ...fieldMeta } = field;
    return { partitionKey: pk, rowKey: eventKey(event.seq), type: event.type, data: JSON.stringify({ ...rest, field: fieldMeta }), ...splitIntoChunks('text', text) };
  }
  return { partitionKey: pk, rowKey: eventKey(event.seq), type: event.type, ...splitIntoChunks('json', JSON.stringify(event)) };
}

function toEvent(entity: Entity): StoredEvent {
  if (entity.type === 'field') {
    const parsed = JSON.parse(String(entity.data)) as Omit<Extract<StoredEvent, { type: 'field' }>, 'field'> & { field: Omit<FieldState, 'text'> };
    return { ...parsed, field: { ...parsed.field, text: joinChunks('text', entity) } };
  }
  return JSON.parse(joinChunks('json', entity)) as StoredEvent;
}
