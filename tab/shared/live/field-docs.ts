import * as Y from 'yjs';
import type { DocChangeRequest, FieldDocsResponse, PersonRef, WorkspaceEvent } from '../workspace-api.js';
import { cursorColour, FieldAwareness } from './field-awareness.js';

/**
 * The browser's side of the fields' live documents (the tests and benchmarks drive the same code):
 * one Y.Doc per field (deleted text kept, so nothing typed is ever dropped), loaded from the server
 * and, where the page gives one, from a local store (IndexedDB) that keeps edits across a reload.
 * Every local change is sent at once (one request in flight per field; what is typed meanwhile goes
 * in the next); a change that could not be sent (offline) stays queued, and on reconnect every open
 * field is synchronised: the server's state is applied, and whatever this tab has that the server
 * lacks is sent. Changes from others arrive as `doc` events and are applied; Yjs merges them.
 */
export type SendAnswer = { ok: true; dseq: number } | { ok: false; status: number; code: string; message: string };

export interface DocTransport {
  load(sectionId: string | undefined): Promise<FieldDocsResponse>;
  /** Throws only when the server could not be reached. */
  send(fieldId: string, change: DocChangeRequest): Promise<SendAnswer>;
}

export type FieldDocsState = 'synced' | 'sending' | 'offline';

export interface FieldDocsOptions {
  transport: DocTransport;
  /** This tab's presence client id. */
  origin: string;
  /** Keeps a field's document in a local store; resolves once what was stored is in the document. */
  persist?: (fieldId: string, doc: Y.Doc) => Promise<{ destroy(): void } | undefined>;
  onState?: (state: FieldDocsState) => void;
  /** A change the server would not take (locked, too long, not allowed). */
  onRefused?: (fieldId: string, answer: Extract<SendAnswer, { ok: false }>) => void;
  retryMs?: number;
}

const REMOTE = 'remote';
const CURSOR_MS = 150;
const b64 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};
const unb64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

interface Field {
  doc: Y.Doc;
  awareness: FieldAwareness;
  pending: Uint8Array[];
  cursor: { value: DocChangeRequest['cursor'] } | undefined;
  inFlight: boolean;
  held: boolean;
  lastSent: number;
  cursorTimer?: ReturnType<typeof setTimeout> | undefined;
  store?: { destroy(): void } | undefined;
  /** Yjs client id → the tab it belongs to (for removing cursors of tabs that left). */
  remoteOrigins: Map<number, string>;
}

export class FieldDocs {
  private readonly fields = new Map<string, Field>();
  private readonly sections = new Set<string | undefined>();
  private readonly early = new Map<string, Uint8Array[]>();
  private offline = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private state: FieldDocsState = 'synced';

  constructor(private readonly options: FieldDocsOptions) {}

  doc(fieldId: string): Y.Doc | undefined {
    return this.fields.get(fieldId)?.doc;
  }

  awareness(fieldId: string): FieldAwareness | undefined {
    return this.fields.get(fieldId)?.awareness;
  }

  /** Changes made here that the server has not confirmed yet. */
  get unsent(): number {
    let n = 0;
    for (const f of this.fields.values()) n += f.pending.length + (f.inFlight ? 1 : 0);
    return n;
  }

  get status(): FieldDocsState {
    return this.state;
  }

  /** Opens a section's fields (or, with undefined, every field the server has a document for, plus `fieldIds`). */
  async open(sectionId: string | undefined, fieldIds: readonly string[]): Promise<void> {
    for (const fieldId of fieldIds) await this.ensure(fieldId);
    this.sections.add(sectionId);
    await this.syncSection(sectionId);
  }

  private async ensure(fieldId: string): Promise<Field> {
    const existing = this.fields.get(fieldId);
    if (existing) return existing;
    const doc = new Y.Doc({ gc: false });
    const field: Field = { doc, awareness: new FieldAwareness(doc.clientID), pending: [], cursor: undefined, inFlight: false, held: false, lastSent: 0, remoteOrigins: new Map() };
    this.fields.set(fieldId, field);
    for (const update of this.early.get(fieldId) ?? []) Y.applyUpdate(doc, update, REMOTE);
    this.early.delete(fieldId);
    field.store = await this.options.persist?.(fieldId, doc);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE || this.closed) return;
      // The local store's own replay is not news for the server either; the next sync sends what it lacks.
      if (field.store && origin === field.store) return;
      field.pending.push(update);
      this.flush(fieldId);
    });
    field.awareness.on('change', (_change, origin) => {
      if (origin !== 'local') return;
      field.cursor = { value: (field.awareness.getLocalState()?.cursor as DocChangeRequest['cursor']) ?? null };
      this.flush(fieldId);
    });
    return field;
  }

  /** Applies the server's state of a section's fields and sends whatever this tab has beyond it. */
  private async syncSection(sectionId: string | undefined): Promise<void> {
    let loaded: FieldDocsResponse;
    try {
      loaded = await this.options.transport.load(sectionId);
    } catch {
      this.goOffline();
      return;
    }
    for (const [fieldId, field] of this.fields) {
      if (sectionId !== undefined && !fieldId.startsWith(`${sectionId}.`)) continue;
      const server = loaded.docs[fieldId] ? unb64(loaded.docs[fieldId]!) : undefined;
      if (server) Y.applyUpdate(field.doc, server, REMOTE);
      // What the server lacks: apply our whole state to a copy of its state and see whether anything changes.
      const scratch = new Y.Doc({ gc: false });
      if (server) Y.applyUpdate(scratch, server);
      let lacking = false;
      scratch.on('update', () => (lacking = true));
      const mine = Y.encodeStateAsUpdate(field.doc);
      Y.applyUpdate(scratch, mine);
      scratch.destroy();
      if (lacking) {
        // This one update carries everything not yet confirmed, queued or not.
        field.pending = [Y.encodeStateAsUpdate(field.doc, server ? Y.encodeStateVectorFromUpdate(server) : undefined)];
        this.flush(fieldId);
      } else if (!field.inFlight) field.pending = [];
    }
    this.setState();
  }

  /** After a reconnect (or when the page thinks the network is back): synchronise every open field. */
  async resync(): Promise<void> {
    this.offline = false;
    clearTimeout(this.retryTimer);
    for (const f of this.fields.values()) f.held = false;
    for (const sectionId of [...this.sections]) await this.syncSection(sectionId);
    for (const fieldId of this.fields.keys()) this.flush(fieldId);
  }

  /** A `doc` event from the live stream. */
  receive(event: Extract<WorkspaceEvent, { type: 'doc' }>): void {
    if (event.origin === this.options.origin) return;
    const field = this.fields.get(event.fieldId);
    if (event.update) {
      const update = unb64(event.update);
      if (field) Y.applyUpdate(field.doc, update, REMOTE);
      else this.early.set(event.fieldId, [...(this.early.get(event.fieldId) ?? []), update].slice(-200));
    }
    if (field && event.yclient !== undefined && event.cursor !== undefined) {
      field.remoteOrigins.set(event.yclient, event.origin);
      field.awareness.setRemote(event.yclient, event.cursor ? { user: userOf(event.by), cursor: event.cursor } : null);
    }
  }

  /** Cursors of tabs that are no longer present go. */
  keepCursorsOf(presentOrigins: ReadonlySet<string>): void {
    for (const field of this.fields.values()) {
      for (const [client, origin] of field.remoteOrigins) {
        if (presentOrigins.has(origin)) continue;
        field.remoteOrigins.delete(client);
        field.awareness.setRemote(client, null);
      }
    }
  }

  private flush(fieldId: string): void {
    const field = this.fields.get(fieldId);
    if (!field || field.inFlight || field.held || this.closed) return;
    if (field.pending.length === 0 && !field.cursor) return;
    if (this.offline) {
      this.setState();
      return;
    }
    // A cursor that only moved (arrow keys held down) goes at most every CURSOR_MS; a change to the text goes at once.
    const wait = field.lastSent + CURSOR_MS - Date.now();
    if (field.pending.length === 0 && wait > 0) {
      field.cursorTimer ??= setTimeout(() => {
        field.cursorTimer = undefined;
        this.flush(fieldId);
      }, wait);
      return;
    }
    field.lastSent = Date.now();
    const updates = field.pending;
    const cursor = field.cursor;
    field.pending = [];
    field.cursor = undefined;
    field.inFlight = true;
    this.setState();
    const update = updates.length === 0 ? undefined : updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    const change: DocChangeRequest = {
      origin: this.options.origin,
      yclient: field.doc.clientID,
      ...(update ? { update: b64(update) } : {}),
      ...(cursor ? { cursor: cursor.value } : {}),
    };
    void this.options.transport.send(fieldId, change).then(
      (answer) => {
        field.inFlight = false;
        if (!answer.ok) {
          if (answer.status >= 500 || answer.status === 429) {
            // The server is there but could not take it now: keep it and try again shortly.
            if (update) field.pending.unshift(update);
            this.scheduleRetry();
          } else if (update) {
            // Refused (locked, read-only, too long): kept in the document and the local store; sent again at the next sync.
            field.pending.unshift(update);
            field.held = true;
            this.options.onRefused?.(fieldId, answer);
          }
          // (A cursor the server would not relay, a reviewer's, is simply not shown to others.)
        }
        this.setState();
        this.flush(fieldId);
      },
      () => {
        field.inFlight = false;
        if (update) field.pending.unshift(update);
        if (cursor && !field.cursor) field.cursor = cursor;
        this.goOffline();
      },
    );
  }

  private goOffline(): void {
    this.offline = true;
    this.setState();
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    if (this.closed) return;
    this.retryTimer = setTimeout(() => void this.resync(), this.options.retryMs ?? 3000);
  }

  private setState(): void {
    const next: FieldDocsState = this.offline ? 'offline' : this.unsent > 0 ? 'sending' : 'synced';
    if (next === this.state) return;
    this.state = next;
    this.options.onState?.(next);
  }

  /** The stream dropped: treat the network as gone until it is back. */
  disconnected(): void {
    if (!this.offline) this.goOffline();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    for (const field of this.fields.values()) {
      clearTimeout(field.cursorTimer);
      field.store?.destroy();
      field.doc.destroy();
    }
    this.fields.clear();
  }
}

function userOf(by: PersonRef): { name: string; color: string } {
  return { name: by.name, color: cursorColour(by.staffId) };
}
