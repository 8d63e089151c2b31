import type { WorkspaceEvent } from '../model.js';

/**
 * One numbered feed of one application as this instance follows it: the last number known, the
 * recent entries kept in memory, and each watcher's cursor. Entries come from a poll of storage or
 * from this instance's own commits (`publish`); each watcher gets them in order, once, from memory
 * when it can and from storage when it is further behind.
 */
type Send = (event: WorkspaceEvent) => void;

interface Watcher {
  cursor: number;
  paused: boolean;
  busy: boolean;
  again: boolean;
}

export class Track<E extends WorkspaceEvent> {
  private recent: E[] = [];
  private readonly watchers = new Map<Send, Watcher>();
  private polling = false;
  private pollAgain = false;

  constructor(
    private known: number,
    private readonly numberOf: (entry: E) => number,
    private readonly read: (after: number, upTo: number) => Promise<E[]>,
    private readonly readHead: () => Promise<number | undefined>,
    private readonly limits: { maxCatchUp: number; keepRecent: number },
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Adds a watcher (paused until `start`) from `since`; says where it starts and whether it must reload. */
  async join(since: number | undefined, send: Send): Promise<{ from: number; reset: boolean }> {
    if (since !== undefined && since > this.known) {
      // The client read its view through another instance a moment after this one last polled.
      const fresh = await this.readHead();
      for (let i = 0; fresh !== undefined && fresh >= since && since > this.known && i < 10; i++) {
        await this.poll();
        if (since > this.known) await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    const reset = since !== undefined && (since > this.known || this.known - since > this.limits.maxCatchUp);
    const cursor = since === undefined || reset ? this.known : since;
    this.watchers.set(send, { cursor, paused: true, busy: false, again: false });
    return { from: cursor, reset };
  }

  start(): void {
    for (const [send, watcher] of this.watchers) {
      if (!watcher.paused) continue;
      watcher.paused = false;
      void this.deliver(send, watcher);
    }
  }

  leave(send: Send): void {
    this.watchers.delete(send);
  }

  publish(entries: readonly E[]): void {
    const fresh = entries.filter((e) => this.numberOf(e) > this.known);
    if (fresh.length === 0) return;
    if (this.numberOf(fresh[0]!) !== this.known + 1) {
      void this.poll();
      return;
    }
    this.remember(fresh);
  }

  async poll(): Promise<void> {
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    this.polling = true;
    try {
      do {
        this.pollAgain = false;
        const head = await this.readHead();
        if (head === undefined || head <= this.known) continue;
        const entries = await this.read(this.known, head);
        const fresh = entries.filter((e) => this.numberOf(e) > this.known);
        if (fresh.length && this.numberOf(fresh[0]!) !== this.known + 1) {
          // Storage no longer has what this instance missed (pruned): start from what it has; watchers behind reload.
          this.recent = [];
        }
        if (fresh.length) this.remember(fresh);
        else this.known = Math.max(this.known, head);
      } while (this.pollAgain);
    } catch (error) {
      this.onError(error);
    } finally {
      this.polling = false;
    }
  }

  private remember(fresh: E[]): void {
    this.recent.push(...fresh);
    if (this.recent.length > this.limits.keepRecent) this.recent.splice(0, this.recent.length - this.limits.keepRecent);
    this.known = Math.max(this.known, this.numberOf(fresh.at(-1)!));
    for (const [send, watcher] of this.watchers) void this.deliver(send, watcher);
  }

  private async deliver(send: Send, watcher: Watcher): Promise<void> {
    if (watcher.paused) return;
    if (watcher.busy) {
      watcher.again = true;
      return;
    }
    watcher.busy = true;
    try {
      do {
        watcher.again = false;
        while (watcher.cursor < this.known && this.watchers.get(send) === watcher) {
          const first = this.recent[0];
          const entries = first && this.numberOf(first) <= watcher.cursor + 1 ? this.recent.filter((e) => this.numberOf(e) > watcher.cursor) : await this.read(watcher.cursor, this.known);
          if (entries.length === 0) break;
          if (this.numberOf(entries[0]!) > watcher.cursor + 1) {
            send({ type: 'reset', reason: 'Too much happened while you were away: reload.' });
            watcher.cursor = this.known;
            break;
          }
          for (const entry of entries) {
            if (this.numberOf(entry) <= watcher.cursor) continue;
            send(entry);
            watcher.cursor = this.numberOf(entry);
          }
        }
      } while (watcher.again);
    } catch (error) {
      this.onError(error);
    } finally {
      watcher.busy = false;
    }
  }
}
