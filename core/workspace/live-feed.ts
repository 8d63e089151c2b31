import type { PresenceEntry, WorkspaceEvent } from './model.js';
import type { StoredEvent } from '../storage/workspace-repository.js';

/**
 * Live updates that travel through storage, so two people served by different instances see each
 * other's changes: while anyone on this instance watches an application, the instance reads the
 * application's `seq` (one point read) every `pollMs`; when it moved, it reads the new events once
 * and hands them to every watcher. Presence is read every `presenceMs` and sent when it changed.
 * Nothing is polled for an application nobody here is watching.
 *
 * Each watcher has its own cursor (the last event it was sent), so a watcher resuming from an old
 * Last-Event-ID is caught up from storage, and no watcher ever gets an event twice or out of order.
 */
export interface LiveFeedSource {
  readSeq(appId: string): Promise<number | undefined>;
  readEvents(appId: string, afterSeq: number, upToSeq: number): Promise<StoredEvent[]>;
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
  /** How many recent events each application keeps in memory for watchers just behind. */
  keepRecent?: number;
  onError?: (error: unknown, appId: string) => void;
}

interface Watcher {
  sink: LiveSink;
  cursor: number;
  busy: boolean;
  again: boolean;
}

interface Watched {
  appId: string;
  watchers: Set<Watcher>;
  knownSeq: number;
  recent: StoredEvent[];
  presenceKey: string;
  presence: PresenceEntry[];
  pollTimer?: NodeJS.Timeout;
  presenceTimer?: NodeJS.Timeout;
  polling: boolean;
  pollAgain: boolean;
}

export interface LiveSubscription {
  close(): void;
}

export class LiveFeed {
  private readonly watched = new Map<string, Watched>();
  private closed = false;
  private readonly pollMs: number;
  private readonly presenceMs: number;
  private readonly maxCatchUp: number;
  private readonly keepRecent: number;

  constructor(
    private readonly source: LiveFeedSource,
    private readonly options: LiveFeedOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 200;
    this.presenceMs = options.presenceMs ?? 1000;
    this.maxCatchUp = options.maxCatchUp ?? 2000;
    this.keepRecent = options.keepRecent ?? 256;
  }

  /** Watches an application from `since` (the last event the client has; undefined = from now). */
  async subscribe(appId: string, since: number | undefined, sink: LiveSink): Promise<LiveSubscription> {
    if (this.closed) {
      sink.end();
      return { close: () => undefined };
    }
    let entry = this.watched.get(appId);
    if (!entry) {
      const [seq, presence] = await Promise.all([this.source.readSeq(appId), this.source.readPresence(appId)]);
      // Closed while reading: this watcher must not outlive the feed.
      if (this.closed) {
        sink.end();
        return { close: () => undefined };
      }
      entry = this.watched.get(appId);
      if (!entry) {
        entry = { appId, watchers: new Set(), knownSeq: seq ?? 0, recent: [], presenceKey: presenceKey(presence), presence, polling: false, pollAgain: false };
        this.watched.set(appId, entry);
        this.schedulePoll(entry);
        this.schedulePresence(entry);
      }
    }
    const current = entry;
    // A client may have loaded its view through another instance a moment after this one last polled:
    // a `since` ahead of what we know is checked against storage before it is called impossible.
    if (since !== undefined && since > current.knownSeq) {
      const fresh = await this.source.readSeq(appId);
      // A poll may already be under way: give it a few moments to bring knownSeq up.
      for (let i = 0; fresh !== undefined && fresh >= since && since > current.knownSeq && i < 10; i++) {
        await this.poll(current);
        if (since > current.knownSeq) await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    let cursor = since ?? current.knownSeq;
    if (since !== undefined && (since > current.knownSeq || current.knownSeq - since > this.maxCatchUp)) {
      sink.send({ type: 'reset', reason: since > current.knownSeq ? 'The workspace was changed in a way this page cannot follow: reload.' : 'Too much happened while you were away: reload.' });
      cursor = current.knownSeq;
    }
    const watcher: Watcher = { sink, cursor, busy: false, again: false };
    current.watchers.add(watcher);
    sink.send({ type: 'hello', seq: current.knownSeq });
    sink.send({ type: 'presence', presence: current.presence });
    if (watcher.cursor < current.knownSeq) void this.deliver(current, watcher);
    return {
      close: () => {
        current.watchers.delete(watcher);
        if (current.watchers.size === 0) this.unwatch(current);
      },
    };
  }

  /** A change was committed on this instance: look now rather than at the next tick. */
  nudge(appId: string): void {
    const entry = this.watched.get(appId);
    if (entry) void this.poll(entry);
  }

  /** Presence changed on this instance: read it now. */
  nudgePresence(appId: string): void {
    const entry = this.watched.get(appId);
    if (entry) void this.pollPresence(entry);
  }

  get watchers(): number {
    let n = 0;
    for (const entry of this.watched.values()) n += entry.watchers.size;
    return n;
  }

  /** Ends every stream and stops every poller (graceful shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    for (const entry of this.watched.values()) {
      clearTimeout(entry.pollTimer);
      clearTimeout(entry.presenceTimer);
      for (const watcher of entry.watchers) watcher.sink.end();
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
      void this.poll(entry).finally(() => this.schedulePoll(entry));
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

  private async poll(entry: Watched): Promise<void> {
    if (entry.polling) {
      entry.pollAgain = true;
      return;
    }
    entry.polling = true;
    try {
      do {
        entry.pollAgain = false;
        const seq = await this.source.readSeq(entry.appId);
        if (seq === undefined || seq <= entry.knownSeq || !this.active(entry)) continue;
        const events = await this.source.readEvents(entry.appId, entry.knownSeq, seq);
        entry.recent.push(...events);
        if (entry.recent.length > this.keepRecent) entry.recent.splice(0, entry.recent.length - this.keepRecent);
        entry.knownSeq = Math.max(entry.knownSeq, events.at(-1)?.seq ?? seq);
        for (const watcher of entry.watchers) void this.deliver(entry, watcher);
      } while (entry.pollAgain && this.active(entry));
    } catch (error) {
      this.options.onError?.(error, entry.appId);
    } finally {
      entry.polling = false;
    }
  }

  private async pollPresence(entry: Watched): Promise<void> {
    try {
      const presence = await this.source.readPresence(entry.appId);
      const key = presenceKey(presence);
      if (key === entry.presenceKey || !this.active(entry)) return;
      entry.presenceKey = key;
      entry.presence = presence;
      for (const watcher of entry.watchers) watcher.sink.send({ type: 'presence', presence });
    } catch (error) {
      this.options.onError?.(error, entry.appId);
    }
  }

  /** Brings one watcher up to the known seq, in order, from memory when it can and storage when it must. */
  private async deliver(entry: Watched, watcher: Watcher): Promise<void> {
    if (watcher.busy) {
      watcher.again = true;
      return;
    }
    watcher.busy = true;
    try {
      do {
        watcher.again = false;
        while (watcher.cursor < entry.knownSeq && entry.watchers.has(watcher)) {
          const first = entry.recent[0];
          const events =
            first && first.seq <= watcher.cursor + 1
              ? entry.recent.filter((e) => e.seq > watcher.cursor)
              : await this.source.readEvents(entry.appId, watcher.cursor, entry.knownSeq);
          if (events.length === 0) break;
          for (const event of events) {
            if (event.seq <= watcher.cursor) continue;
            watcher.sink.send(event);
            watcher.cursor = event.seq;
          }
        }
      } while (watcher.again);
    } catch (error) {
      this.options.onError?.(error, entry.appId);
    } finally {
      watcher.busy = false;
    }
  }
}

function presenceKey(presence: readonly PresenceEntry[]): string {
  return JSON.stringify(presence.map((p) => [p.person.staffId, p.clientId, p.sectionId ?? '', p.fieldId ?? '', p.mode]));
}
