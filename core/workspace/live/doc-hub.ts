import * as Y from 'yjs';
import type { FieldKind } from '../model.js';
import type { DocRepository, FeedHead } from '../../storage/workspace-docs.js';
import type { DocRecord, FieldSnapshot, NewDocRecord } from './doc-types.js';
import { compactField, type Compacted } from './sessions.js';
import { commonPrefix, fieldStates } from './field-states.js';
import { docFromState, lengthOf, migratedState } from './yjs-field-content.js';

/**
 * The live documents of every field, on one instance, over storage (DocRepository):
 * - appending: changes from this instance's browsers are queued per application and stored in
 *   as few transactions as possible (while one append is in flight, the next batch gathers), each
 *   moving the feed's head with its ETag, so two instances appending at once are ordered, never lost;
 * - checking: before a change is stored it is applied to this instance's copy of the field (kept
 *   for a few seconds), which refuses an undecodable update and a field over its length;
 * - compacting: a field that has been quiet for `quietMs`, or gathered `compactEvery` changes, is
 *   folded into its snapshot with its sessions of work (sessions.ts), so loading never replays
 *   more than the last few changes; `compacted` is then told (the checklist's facts, the plain text);
 * - loading: a field's state is its snapshot (or, for a field saved before live editing, its text,
 *   migrated deterministically) merged with the changes after it.
 */
export type DocStore = Pick<DocRepository, 'readHead' | 'append' | 'readLogs' | 'readSnapshot' | 'readSnapshots' | 'writeSnapshot' | 'dropLog' | 'pruneFeed'>;

export interface DocHubOptions {
  kindOf: (fieldId: string) => FieldKind | undefined;
  /** Text a field held before live editing (its stored plain text), for the migration. */
  legacyText: (appId: string, fieldIds: string[] | undefined) => Promise<Map<string, string>>;
  maxChars: number;
  now?: () => number;
  quietMs?: number;
  compactEvery?: number;
  pauseMs?: number;
  /** How many feed rows stay for streams that reconnect. */
  keepFeed?: number;
  /** How long a compacted field's change rows stay (for loads that read them while the snapshot was written). */
  dropLogAfterMs?: number;
  committed?: (appId: string, records: DocRecord[]) => void;
  compacted?: (appId: string, fieldId: string, result: Compacted) => Promise<void>;
  onError?: (error: unknown, where: string) => void;
}

export type AppendOutcome = { ok: true; record: DocRecord } | { ok: false; problem: 'too-long' | 'malformed' };

interface Pending {
  record: NewDocRecord;
  resolve: (record: DocRecord) => void;
  reject: (error: unknown) => void;
}

interface CachedDoc {
  doc: Y.Doc;
  loadedAt: number;
}

const MAX_BATCH_ROWS = 99;
const CACHE_MS = 10_000;
const CACHE_SIZE = 300;

export class DocHub {
  private readonly queues = new Map<string, { pending: Pending[]; running: boolean; head?: FeedHead }>();
  private readonly cache = new Map<string, CachedDoc>();
  private readonly compactions = new Map<string, { timer?: NodeJS.Timeout; count: number; running?: Promise<void>; again: boolean }>();
  private readonly work = new Set<Promise<unknown>>();
  private closed = false;
  readonly now: () => number;
  readonly pauseMs: number;

  constructor(
    private readonly store: DocStore,
    private readonly options: DocHubOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.pauseMs = options.pauseMs ?? 3 * 60_000;
  }

  // ── loading ──

  /** Each field's whole state (snapshot + later changes, or the migrated text), for the fields asked (undefined = every field with any state). */
  async loadStates(appId: string, fieldIds?: string[]): Promise<Map<string, Uint8Array>> {
    const prefix = fieldIds?.length === 1 ? fieldIds[0]! : commonPrefix(fieldIds);
    const [snapshots, logs, legacy] = await Promise.all([this.store.readSnapshots(appId, prefix), this.store.readLogs(appId, prefix), this.options.legacyText(appId, fieldIds)]);
    return fieldStates(snapshots, logs, legacy, this.options.kindOf, fieldIds);
  }

  async loadState(appId: string, fieldId: string): Promise<Uint8Array> {
    return (await this.loadStates(appId, [fieldId])).get(fieldId) ?? new Uint8Array(Y.encodeStateAsUpdate(new Y.Doc()));
  }

  // ── appending ──

  /** Checks a change against this instance's copy of the field, then stores it (batched); resolves once stored. */
  async append(appId: string, record: NewDocRecord): Promise<AppendOutcome> {
    if (this.closed) throw new Error('the live documents are closing');
    if (record.update) {
      try {
        Y.decodeUpdate(record.update);
      } catch {
        return { ok: false, problem: 'malformed' };
      }
      const key = `${appId}\n${record.fieldId}`;
      const copy = await this.copyOf(appId, record.fieldId);
      try {
        Y.applyUpdate(copy.doc, record.update, 'check');
      } catch {
        this.cache.delete(key);
        return { ok: false, problem: 'malformed' };
      }
      if (lengthOf(copy.doc, this.options.kindOf(record.fieldId)) > this.options.maxChars) {
        this.cache.delete(key);
        return { ok: false, problem: 'too-long' };
      }
    }
    const stored = await new Promise<DocRecord>((resolve, reject) => {
      let queue = this.queues.get(appId);
      if (!queue) this.queues.set(appId, (queue = { pending: [], running: false }));
      queue.pending.push({ record, resolve, reject });
      if (!queue.running) this.track(this.flush(appId));
    });
    return { ok: true, record: stored };
  }

  private async copyOf(appId: string, fieldId: string): Promise<CachedDoc> {
    const key = `${appId}\n${fieldId}`;
    const now = this.now();
    const held = this.cache.get(key);
    if (held && now - held.loadedAt < CACHE_MS) return held;
    const copy = { doc: docFromState(await this.loadState(appId, fieldId)), loadedAt: now };
    this.cache.set(key, copy);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return copy;
  }

  private async flush(appId: string): Promise<void> {
    const queue = this.queues.get(appId)!;
    queue.running = true;
    try {
      while (queue.pending.length > 0) {
        const batch: Pending[] = [];
        let rows = 1;
        while (queue.pending.length > 0) {
          const cost = queue.pending[0]!.record.update ? 2 : 1;
          if (rows + cost > MAX_BATCH_ROWS) break;
          rows += cost;
          batch.push(queue.pending.shift()!);
        }
        try {
          const stored = await this.appendWithRetry(appId, queue, batch.map((p) => p.record));
          batch.forEach((p, i) => p.resolve(stored[i]!));
          this.afterCommit(appId, stored);
        } catch (error) {
          for (const p of batch) {
            this.cache.delete(`${appId}\n${p.record.fieldId}`);
            p.reject(error);
          }
        }
      }
    } finally {
      queue.running = false;
      if (queue.pending.length === 0) this.queues.delete(appId);
    }
  }

  private async appendWithRetry(appId: string, queue: { head?: FeedHead }, records: NewDocRecord[]): Promise<DocRecord[]> {
    for (let attempt = 0; attempt < 60; attempt++) {
      const head = queue.head ?? (await this.store.readHead(appId));
      const stored = await this.store.append(appId, head, records);
      if (stored) {
        queue.head = undefined;
        return stored;
      }
      // Another instance appended first: read the head again (after a little while, if it keeps happening).
      queue.head = undefined;
      if (attempt > 2) await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(40, 2 * attempt)));
    }
    throw new Error(`application ${appId}: could not append to the live feed`);
  }

  private afterCommit(appId: string, records: DocRecord[]): void {
    try {
      this.options.committed?.(appId, records);
    } catch (error) {
      this.options.onError?.(error, 'committed');
    }
    for (const record of records) if (record.update) this.scheduleCompaction(appId, record.fieldId);
    const last = records.at(-1)!.dseq;
    const keep = this.options.keepFeed ?? 2000;
    // Every so often, the feed's old rows go (streams further behind than `keep` reload instead).
    if (Math.floor(last / 500) !== Math.floor((last - records.length) / 500) && last > keep) {
      this.track(this.store.pruneFeed(appId, last - keep).catch((error: unknown) => this.options.onError?.(error, 'prune')));
    }
  }

  // ── compacting ──

  private scheduleCompaction(appId: string, fieldId: string): void {
    const key = `${appId}\n${fieldId}`;
    let state = this.compactions.get(key);
    if (!state) this.compactions.set(key, (state = { count: 0, again: false }));
    state.count++;
    clearTimeout(state.timer);
    const soon = state.count >= (this.options.compactEvery ?? 100);
    state.timer = setTimeout(() => this.track(this.compact(appId, fieldId).catch((error: unknown) => this.options.onError?.(error, 'compact'))), soon ? 0 : (this.options.quietMs ?? 1500));
    state.timer.unref?.();
  }

  /** Folds a field's changes into its snapshot now (also called before its history is read). */
  async compact(appId: string, fieldId: string): Promise<Compacted | undefined> {
    const key = `${appId}\n${fieldId}`;
    let state = this.compactions.get(key);
    if (!state) this.compactions.set(key, (state = { count: 0, again: false }));
    clearTimeout(state.timer);
    state.count = 0;
    if (state.running) {
      await state.running;
    }
    let result: Compacted | undefined;
    const running = (async () => {
      result = await this.compactOnce(appId, fieldId);
    })();
    state.running = running;
    try {
      await running;
    } finally {
      if (state.running === running) state.running = undefined;
      if (!state.running && !state.timer && state.count === 0) this.compactions.delete(key);
    }
    return result;
  }

  private async compactOnce(appId: string, fieldId: string): Promise<Compacted | undefined> {
    const kind = this.options.kindOf(fieldId);
    for (let attempt = 0; attempt < 8; attempt++) {
      const [snapshot, logs] = await Promise.all([this.store.readSnapshot(appId, fieldId), this.store.readLogs(appId, fieldId)]);
      const records = logs.filter((r) => r.fieldId === fieldId);
      let base: Pick<FieldSnapshot, 'state' | 'upTo' | 'open'> | undefined = snapshot;
      if (!snapshot) {
        const legacy = (await this.options.legacyText(appId, [fieldId])).get(fieldId) ?? '';
        if (records.length === 0 && legacy === '') return undefined;
        base = { state: migratedState(kind, legacy), upTo: 0, open: [] };
      }
      const fresh = records.filter((r) => r.dseq > (snapshot?.upTo ?? 0));
      const now = this.now();
      const closing = (snapshot?.open ?? []).some((s) => s.kind === 'restore' || now - s.endedAt > this.pauseMs);
      const result = compactField(base, records, { kind, now, pauseMs: this.pauseMs });
      if (snapshot && fresh.length === 0 && !closing) return result;
      const written = await this.store.writeSnapshot(appId, { fieldId, state: result.state, upTo: result.upTo, open: result.open }, snapshot?.etag, result.closed);
      if (!written) continue;
      // The rows folded in by the previous compaction go now (those of this one stay a little, for loads already reading).
      const previous = snapshot?.upTo ?? 0;
      if (previous > 0) this.track(this.store.dropLog(appId, fieldId, previous).catch((error: unknown) => this.options.onError?.(error, 'drop-log')));
      this.scheduleDrop(appId, fieldId, result.upTo);
      if (this.options.compacted) await this.options.compacted(appId, fieldId, result);
      return result;
    }
    throw new Error(`field ${fieldId} of ${appId}: compaction kept colliding`);
  }

  private readonly drops = new Set<NodeJS.Timeout>();

  /** The rows this compaction folded in go a little later, once no load can still be reading them beside the old snapshot. */
  private scheduleDrop(appId: string, fieldId: string, upTo: number): void {
    const timer = setTimeout(() => {
      this.drops.delete(timer);
      if (!this.closed) this.track(this.store.dropLog(appId, fieldId, upTo).catch((error: unknown) => this.options.onError?.(error, 'drop-log')));
    }, this.options.dropLogAfterMs ?? 30_000);
    timer.unref?.();
    this.drops.add(timer);
  }

  private track<T>(work: Promise<T>): void {
    this.work.add(work);
    void work.finally(() => this.work.delete(work));
  }

  get pendingWork(): number {
    return this.work.size;
  }

  /** Stops taking changes, and finishes the appends and compactions under way (graceful stop). */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.drops) clearTimeout(timer);
    // Fields waiting for their quiet time are compacted now, so nothing waits for the next start.
    const waiting = [...this.compactions.entries()].filter(([, s]) => s.timer && !s.running);
    for (const [, s] of waiting) clearTimeout(s.timer);
    await Promise.allSettled(waiting.map(([key]) => {
      const [appId, fieldId] = key.split('\n') as [string, string];
      return this.compact(appId, fieldId);
    }));
    while (this.work.size > 0) await Promise.allSettled([...this.work]);
  }
}
