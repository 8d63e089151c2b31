/**
 * Pacing for proactive sends: a global rate (Teams: about 50 per second per app per tenant) and a
 * per-conversation rate (Teams: 7 per second). Each `take` resolves when a send may go; sends are
 * spaced evenly, so no one-second window ever holds more than the rate.
 */
export class SendPacer {
  private nextGlobalAt = 0;
  private readonly perConversation = new Map<string, number[]>();

  constructor(
    private readonly globalPerSecond: number,
    private readonly conversationPerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async take(conversationId: string): Promise<void> {
    const interval = 1000 / this.globalPerSecond;
    const at = Math.max(this.now(), this.nextGlobalAt);
    this.nextGlobalAt = at + interval;
    let wait = at - this.now();
    const recent = (this.perConversation.get(conversationId) ?? []).filter((t) => t > at - 1000);
    if (recent.length >= this.conversationPerSecond) wait = Math.max(wait, recent[recent.length - this.conversationPerSecond]! + 1000 - this.now());
    recent.push(this.now() + Math.max(0, wait));
    this.perConversation.set(conversationId, recent);
    if (this.perConversation.size > 10_000) this.pruneConversations();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  /** After a 429, nobody sends before the time the connector asked for. */
  holdUntil(atMs: number): void {
    this.nextGlobalAt = Math.max(this.nextGlobalAt, atMs);
  }

  private pruneConversations(): void {
    const cutoff = this.now() - 1000;
    for (const [id, times] of this.perConversation) if (times.every((t) => t < cutoff)) this.perConversation.delete(id);
  }
}

/** Exponential backoff with full jitter: attempt 1 → up to base, doubling, capped. */
export function backoffMs(attempt: number, baseMs = 250, capMs = 10_000, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(capMs, baseMs * 2 ** (attempt - 1)));
}
