/** Ascending timestamps (monotonic ms) with O(1) amortised pruning from the front. */
export class Timestamps {
  private items: number[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(t: number): void {
    this.items.push(t);
  }

  /** Drops timestamps `<= before`. */
  prune(before: number): void {
    while (this.head < this.items.length && (this.items[this.head] as number) <= before) this.head++;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  /** How many timestamps are in the window `(now - windowMs, now]`. */
  countSince(after: number): number {
    let lo = this.head;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.items[mid] as number) <= after) lo = mid + 1;
      else hi = mid;
    }
    return this.items.length - lo;
  }

  /** The k-th most recent timestamp (k = 1 is the newest). */
  fromEnd(k: number): number | undefined {
    const i = this.items.length - k;
    return i >= this.head ? this.items[i] : undefined;
  }
}

export interface Waiter {
  n: number;
  resolve: () => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export interface Window {
  limit: number;
  ms: number;
}

/** Ms until the windows let one more send through (0 when they already do). */
export function waitFor(stamps: Timestamps, windows: readonly Window[], now: number): number {
  let wait = 0;
  for (const { limit, ms } of windows) {
    if (!Number.isFinite(limit)) continue;
    if (stamps.countSince(now - ms) < limit) continue;
    // The window frees a slot once the limit-th most recent send leaves it.
    const pivot = stamps.fromEnd(limit);
    wait = Math.max(wait, pivot === undefined ? 0 : pivot + ms - now);
  }
  return wait;
}

