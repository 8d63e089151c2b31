/**
 * Pacing for proactive sends: a global rate (Teams: about 50 per second per app per tenant) and a
 * per-conversation rate (Teams: 7 per second). Each `take` resolves when a send may go. Sends are
 * spaced evenly at 99.5 % of the limit: arrival jitter of a few milliseconds then never puts more
 * than the limit into any one-second window, so Teams has no reason to answer 429.
 */
export const PACING_HEADROOM = 0.995;
/** Slack for the time between a send leaving and the connector counting it. */
const WINDOW_MARGIN_MS = 8;

export class SendPacer {
  /** When the next send is due on the even schedule. */
  private nextSlot = Number.NEGATIVE_INFINITY;
  /** When the last `globalPerSecond` sends went, oldest first: no window of a second may hold more. */
  private readonly recent: number[] = [];
  private chain: Promise<void> = Promise.resolve();
  private readonly perConversation = new Map<string, number[]>();

  constructor(
    private readonly globalPerSecond: number,
    private readonly conversationPerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Resolves when a send to this conversation may go. Global slots are handed out one at a time on
   * an even schedule: a timer that fires a little late does not push the schedule back (no drift),
   * and after a long stall the schedule restarts from now less one interval, so at most one extra
   * send can follow another closely.
   */
  async take(conversationId: string): Promise<void> {
    await this.conversationSlot(conversationId);
    const turn = this.chain.then(() => this.globalSlot());
    this.chain = turn.catch(() => undefined);
    await turn;
  }

  private async globalSlot(): Promise<void> {
    const interval = 1000 / (this.globalPerSecond * PACING_HEADROOM);
    const now = this.now();
    const at = Math.max(this.nextSlot, now - interval);
    this.nextSlot = at + interval;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
    // Guard: whatever the timers did, never more than the limit within a second and a margin.
    const limit = Math.max(1, Math.floor(this.globalPerSecond));
    if (this.recent.length >= limit) {
      const freeAt = this.recent[this.recent.length - limit]! + 1000 + WINDOW_MARGIN_MS;
      const wait = freeAt - this.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    this.recent.push(this.now());
    if (this.recent.length > limit * 2) this.recent.splice(0, this.recent.length - limit);
  }

  private async conversationSlot(conversationId: string): Promise<void> {
    for (;;) {
      const now = this.now();
      const recent = (this.perConversation.get(conversationId) ?? []).filter((t) => t > now - 1000);
      if (recent.length < this.conversationPerSecond) {
        recent.push(now);
        this.perConversation.set(conversationId, recent);
        if (this.perConversation.size > 10_000) this.pruneConversations(now);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, recent[0]! + 1000 - now + 1));
    }
  }

  private pruneConversations(now: number): void {
    for (const [id, times] of this.perConversation) if (times.every((t) => t <= now - 1000)) this.perConversation.delete(id);
  }
}

/** Exponential backoff with full jitter: attempt 1 → up to base, doubling, capped. */
export function backoffMs(attempt: number, baseMs = 250, capMs = 10_000, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(capMs, baseMs * 2 ** (attempt - 1)));
}
