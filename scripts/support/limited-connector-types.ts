/** What the limited Bot Connector stand-in (limited-connector.ts) is told and tells. */
export type ConversationMatcher = ReadonlySet<string> | ((conversationId: string) => boolean);

export interface PerConversationLimits {
  /** Sends per sliding 1 s window (Teams: 7). */
  perSecond: number;
  /** Sends per sliding 2 s window (Teams: 8). */
  per2Seconds: number;
  /** Sends per sliding 30 s window (Teams: 60). */
  per30Seconds: number;
  /** Sends per sliding hour (Teams: 1800). */
  perHour: number;
}

export interface LimitedConnectorOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Accepted sends per sliding 1 s window across all conversations (default 50). `Infinity` disables. */
  globalPerSecond?: number;
  /** Per-conversation limits; each defaults to the Teams figure. `Infinity` disables one. */
  perConversation?: Partial<PerConversationLimits>;
  /**
   * Value of the `Retry-After` header on a 429, in whole seconds (rounded up, at least 1). Default 1.
   * `'auto'`: the time until the breached window lets one more send through, rounded up (at least 1).
   * The exact wait in ms is always in the 429 body as `error.retryAfterMs`.
   */
  retryAfterSeconds?: number | 'auto';
  /** Probability (0..1) that a POST is answered with an injected failure instead of being considered (default 0). */
  failureRate?: number;
  /** Let injected failures include 412 as well as 500/502/503/504 (default false). */
  include412?: boolean;
  /** Seed of the PRNG behind `failureRate` (default 1), so runs are reproducible. */
  seed?: number;
  /** Conversations that answer 404 ConversationNotFound (a deleted chat). */
  goneConversations?: ConversationMatcher;
  /** Conversations that answer 403 (the bot was removed); checked before `goneConversations`. */
  forbiddenConversations?: ConversationMatcher;
  /** Delay before each request is considered and answered, in ms (default 0). */
  latencyMs?: number;
}

export interface AcceptedMessage {
  conversationId: string;
  replyToId?: string;
  activity: Record<string, unknown> & { type?: string; text?: string; channelData?: unknown };
  /** Acceptance time, ms since epoch. */
  at: number;
  /** `activity.channelData.mlJobId` when it is a string. */
  jobId?: string;
  /** The id answered to the bot. */
  id: string;
}

export interface UpdatedMessage {
  conversationId: string;
  activityId: string;
  activity: Record<string, unknown>;
  at: number;
}

export interface LimitedConnectorCounts {
  accepted: number;
  /** 429 answers. */
  rateLimited: number;
  /** Injected 5xx/412 answers. */
  failed: number;
  /** 404 (gone) and 403 (forbidden) answers for known-bad conversations. */
  gone: number;
}

export interface LimitedConnector {
  /** `http://127.0.0.1:PORT/` */
  serviceUrl: string;
  /** Every accepted POST, in order of acceptance. */
  accepted: AcceptedMessage[];
  /** Every answered PUT (updateActivity), in order. */
  updates: UpdatedMessage[];
  counts(): LimitedConnectorCounts;
  /** jobId → number of accepted sends carrying it. */
  jobCounts(): Map<string, number>;
  /** The expected jobIds never accepted, in the order given. */
  missing(expectedJobIds: Iterable<string>): string[];
  /** The jobIds accepted more than once, in order of first acceptance. */
  duplicates(): { jobId: string; count: number }[];
  /**
   * Accepted sends per second: the number accepted with `fromMs <= at <= toMs` divided by
   * `(toMs - fromMs) / 1000`. `fromMs`/`toMs` (ms since epoch) default to the first/last acceptance;
   * 0 when nothing was accepted or the span is empty (e.g. a single acceptance).
   */
  acceptedRate(fromMs?: number, toMs?: number): number;
  /** Resolves with `accepted` once at least `n` sends were accepted; rejects after `timeoutMs` (default 5000). */
  waitForAccepted(n: number, timeoutMs?: number): Promise<AcceptedMessage[]>;
  close(): Promise<void>;
}

export const TEAMS_PER_CONVERSATION_LIMITS: Readonly<PerConversationLimits> = Object.freeze({
  perSecond: 7,
  per2Seconds: 8,
  per30Seconds: 60,
  perHour: 1800,
});

