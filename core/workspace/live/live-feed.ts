import type { PresenceEntry, WorkspaceEvent } from '../model.js';
import type { StoredEvent } from '../../storage/workspace-repository.js';
import type { DocRecord } from './doc-types.js';
import { Track } from './track.js';

/**
 * Live updates that travel through storage, so people served by different instances see each
 * other at once. While anyone on this instance watches an application, the instance reads the heads
 * of its two feeds (point reads) every `pollMs`: the application's events (`seq`: fields' saved text,
 * sections, comments, the lifecycle) and its live documents' changes (`dseq`: keystrokes and
 * cursors). When a head moved, the new rows are read once and handed to every watcher. Changes
 * stored by this instance are handed on at once (`publishDocs`, `nudge`), without waiting for a poll.
 * Presence is read every `presenceMs` and sent when it changed. Nothing is polled for an application
 * nobody here is watching. Each watcher has its own cursors, so one resuming from an old
 * Last-Event-ID is caught up from storage, and none gets a change twice or out of order.
 */
export interface LiveFeedSource {
  readSeq(appId: string): Promise<number | undefined>;
  readEvents(appId: string, afterSeq: number, upToSeq: number): Promise<StoredEvent[]>;
  readDseq(appId: string): Promise<number>;
  readDocs(appId: string, afterDseq: number, upToDseq: number): Promise<DocRecord[]>;
  readPresence(appId: string): Promise<PresenceEntry[]>;
}

export interface LiveSink {
  send(event: WorkspaceEvent): void;
  /** The feed is closing (shutdown): end the stream. */
  end(): void;
}

export interface LiveFeedOptions {
  pollMs?: number;
  presenceMs?: number;
  /** How far behind a resuming watcher may be before it is told to reload instead. */
  maxCatchUp?: number;
  keepRecent?: number;
  onError?: (error: unknown, appId: string) => void;
}

export interface LiveSubscription {
  close(): void;
}

export type DocEvent = Extract<WorkspaceEvent, { type: 'doc' }>;

export const docEventOf = (r: DocRecord): DocEvent => ({
  type: 'doc',
  dseq: r.dseq,
  fieldId: r.fieldId,
  by: r.by,
  origin: r.origin,
  ...(r.update ? { update: Buffer.from(r.update).toString('base64') } : {}),
  ...(r.yclient !== undefined ? { yclient: r.yclient } : {}),
  ...(r.cursor !== undefined ? { cursor: r.cursor } : {}),
});

interface Watched {
  appId: string;
  events: Track<StoredEvent>;
  docs: Track<DocEvent>;
  watchers: Set<LiveSink>;
  presenceKey: string;
  presence: PresenceEntry[];
  pollTimer?: NodeJS.Timeout;
  presenceTimer?: NodeJS.Timeout;
}

export class LiveFeed {
  private readonly watched = new Map<string, Watched>();
  private closed = false;
  private readonly pollMs: number;
  private readonly presenceMs: number;

  constructor(
    private readonly source: LiveFeedSource,
    private readonly options: LiveFeedOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 100;
    this.presenceMs = options.presenceMs ?? 1000;
  }

  /** Watches an application from `since` (the last event numbers the client has; undefined = from now). */
  async subscribe(appId: string, since: { seq?: number | undefined; dseq?: number | undefined }, sink: LiveSink): Promise<LiveSubscription> {
    if (this.closed) {
      sink.end();
      return { close: () => undefined };
    }
    let entry = this.watched.get(appId);
    if (!entry) {
      const [seq, dseq, presence] = await Promise.all([this.source.readSeq(appId), this.source.readDseq(appId), this.source.readPresence(appId)]);
      if (this.closed) {
        sink.end();
        return { close: () => undefined };
      }
      entry = this.watched.get(appId);
      if (!entry) {
        const onError = (error: unknown) => this.options.onError?.(error, appId);
        const limits = { maxCatchUp: this.options.maxCatchUp ?? 2000, keepRecent: this.options.keepRecent ?? 512 };
        entry = {
          appId,
          events: new Track<StoredEvent>(seq ?? 0, (e) => e.seq, (after, upTo) => this.source.readEvents(appId, after, upTo), async () => this.source.readSeq(appId), limits, onError),
          docs: new Track<DocEvent>(dseq, (e) => e.dseq, async (after, upTo) => (await this.source.readDocs(appId, after, upTo)).map(docEventOf), () => this.source.readDseq(appId), limits, onError),
          watchers: new Set(),
          presenceKey: presenceKey(presence),
          presence,
        };
        this.watched.set(appId, entry);
        this.schedulePoll(entry);
        this.schedulePresence(entry);
      }
    }
    const current = entry;
    const send = (event: WorkspaceEvent) => sink.send(event);
    const [events, docs] = await Promise.all([current.events.join(since.seq, send), current.docs.join(since.dseq, send)]);
    if (events.reset || docs.reset) sink.send({ type: 'reset', reason: 'Too much happened while you were away, or the workspace changed in a way this page cannot follow: reload.' });
    current.watchers.add(sink);
    sink.send({ type: 'hello', seq: events.from, dseq: docs.from });
    sink.send({ type: 'presence', presence: current.presence });
    current.events.start();
    current.docs.start();
    return {
      close: () => {
        current.events.leave(send);
        current.docs.leave(send);
        current.watchers.delete(sink);
        if (current.watchers.size === 0) this.unwatch(current);
      },
    };
  }

  /** A change was committed on this instance: look now rather than at the next tick. */
  nudge(appId: string): void {
    const entry = this.watched.get(appId);
    if (entry) void entry.events.poll();
  }

  /** Live-document changes stored by this instance: handed to its watchers now. */
  publishDocs(appId: string, records: readonly DocRecord[]): void {
    const entry = this.watched.get(appId);
    if (entry) entry.docs.publish(records.map(docEventOf));
  }

  nudgePresence(appId: string): void {
    const entry = this.watched.get(appId);
    if (entry) void this.pollPresence(entry);
  }

  get watchers(): number {
    let n = 0;
    for (const entry of this.watched.values()) n += entry.watchers.size;
    return n;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const entry of this.watched.values()) {
      clearTimeout(entry.pollTimer);
      clearTimeout(entry.presenceTimer);
      for (const sink of entry.watchers) sink.end();
      entry.watchers.clear();
    }
    this.watched.clear();
  }

  private unwatch(entry: Watched): void {
    clearTimeout(entry.pollTimer);
    clearTimeout(entry.presenceTimer);
    if (this.watched.get(entry.appId) === entry) this.watched.delete(entry.appId);
  }

  private active(entry: Watched): boolean {
    return !this.closed && this.watched.get(entry.appId) === entry;
  }

  private schedulePoll(entry: Watched): void {
    if (!this.active(entry)) return;
    entry.pollTimer = setTimeout(() => {
      void Promise.all([entry.events.poll(), entry.docs.poll()]).finally(() => this.schedulePoll(entry));
    }, this.pollMs);
    entry.pollTimer.unref?.();
  }

  private schedulePresence(entry: Watched): void {
    if (!this.active(entry)) return;
    entry.presenceTimer = setTimeout(() => {
      void this.pollPresence(entry).finally(() => this.schedulePresence(entry));
    }, this.presenceMs);
    entry.presenceTimer.unref?.();
  }

  private async pollPresence(entry: Watched): Promise<void> {
    try {
      const presence = await this.source.readPresence(entry.appId);
      const key = presenceKey(presence);
      if (key === entry.presenceKey || !this.active(entry)) return;
      entry.presenceKey = key;
      entry.presence = presence;
      for (const sink of entry.watchers) sink.send({ type: 'presence', presence });
    } catch (error) {
      this.options.onError?.(error, entry.appId);
    }
  }
}

function presenceKey(presence: readonly PresenceEntry[]): string {
  return JSON.stringify(presence.map((p) => [p.person.staffId, p.clientId, p.sectionId ?? '', p.fieldId ?? '', p.mode]));
}
