import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { seededRandom } from '../../core/time/seeded-random.js';

/**
 * A Bot Connector stand-in that behaves like Teams under load: sliding-window rate limits (global and
 * per conversation, DOMAIN.md §5), injected transient failures, gone/forbidden conversations and
 * network latency. For reminder tests and benchmarks; the simple stand-in is `fake-connector.ts`.
 *
 * Routes (as botbuilder's ConnectorClient calls them for proactive sends):
 * - `POST /v3/conversations/{conversationId}/activities[/{replyToId}]` → 201 `{"id":"…"}` when accepted
 * - `PUT  /v3/conversations/{conversationId}/activities/{activityId}` → 200 `{"id":"…"}`
 * - anything else → 404
 *
 * Order of checks for a POST: unknown route (404) → forbidden (403) → gone (404) → injected failure
 * (5xx/412) → rate limits (429) → accepted (201). Only accepted POSTs count against the limits and
 * only they are logged. Nothing is deduplicated, as in Teams. A PUT honours forbidden/gone, then is
 * answered 200 and logged in `updates` (no rate limits or injected failures).
 */

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

const SECOND = 1000;
const HOUR = 3_600_000;

/** Ascending timestamps (monotonic ms) with O(1) amortised pruning from the front. */
class Timestamps {
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

interface Waiter {
  n: number;
  resolve: () => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

interface Window {
  limit: number;
  ms: number;
}

/** Ms until the windows let one more send through (0 when they already do). */
function waitFor(stamps: Timestamps, windows: readonly Window[], now: number): number {
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

function matches(matcher: ConversationMatcher | undefined, conversationId: string): boolean {
  if (!matcher) return false;
  return typeof matcher === 'function' ? matcher(conversationId) : matcher.has(conversationId);
}

function checkLimit(name: string, value: number): void {
  if (!(value > 0)) throw new RangeError(`${name} must be a positive number (or Infinity), got ${value}`);
}

function jobIdOf(activity: Record<string, unknown>): string | undefined {
  const channelData = activity['channelData'];
  if (channelData && typeof channelData === 'object') {
    const jobId = (channelData as Record<string, unknown>)['mlJobId'];
    if (typeof jobId === 'string') return jobId;
  }
  return undefined;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  // restify patches writeHead so it does not return `this`: never chain.
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

function errorBody(code: string, message: string, extra: Record<string, unknown> = {}): unknown {
  return { error: { code, message, ...extra } };
}

export async function startLimitedConnector(options: LimitedConnectorOptions = {}): Promise<LimitedConnector> {
  const globalPerSecond = options.globalPerSecond ?? 50;
  const limits: PerConversationLimits = { ...TEAMS_PER_CONVERSATION_LIMITS, ...options.perConversation };
  checkLimit('globalPerSecond', globalPerSecond);
  for (const [name, value] of Object.entries(limits)) checkLimit(`perConversation.${name}`, value);
  const failureRate = options.failureRate ?? 0;
  if (!(failureRate >= 0 && failureRate <= 1)) throw new RangeError(`failureRate must be within 0..1, got ${failureRate}`);
  const retryAfterSeconds = options.retryAfterSeconds ?? 1;
  if (retryAfterSeconds !== 'auto' && !(retryAfterSeconds >= 0)) throw new RangeError(`retryAfterSeconds must be >= 0 or 'auto'`);
  const latencyMs = options.latencyMs ?? 0;
  const random = seededRandom(options.seed ?? 1);
  const failureStatuses = options.include412 ? [500, 502, 503, 504, 412] : [500, 502, 503, 504];

  const globalWindows: Window[] = [{ limit: globalPerSecond, ms: SECOND }];
  const conversationWindows: Window[] = [
    { limit: limits.perSecond, ms: SECOND },
    { limit: limits.per2Seconds, ms: 2 * SECOND },
    { limit: limits.per30Seconds, ms: 30 * SECOND },
    { limit: limits.perHour, ms: HOUR },
  ];
  /** Longest window that is enforced: per-conversation history older than this is dropped. */
  const conversationHorizon = Math.max(...conversationWindows.filter((w) => Number.isFinite(w.limit)).map((w) => w.ms), 0);

  const globalStamps = new Timestamps();
  const conversationStamps = new Map<string, Timestamps>();
  const accepted: AcceptedMessage[] = [];
  const updates: UpdatedMessage[] = [];
  const counters: LimitedConnectorCounts = { accepted: 0, rateLimited: 0, failed: 0, gone: 0 };
  const waiters = new Set<Waiter>();
  const pendingTimers = new Set<NodeJS.Timeout>();
  let nextId = 0;
  let closed = false;

  /** Drops idle conversations so memory stays bounded by the active ones. */
  function sweep(now: number): void {
    for (const [id, stamps] of conversationStamps) {
      stamps.prune(now - conversationHorizon);
      if (stamps.size === 0) conversationStamps.delete(id);
    }
  }

  function retryAfterHeader(waitMs: number): string {
    const seconds = retryAfterSeconds === 'auto' ? waitMs / 1000 : retryAfterSeconds;
    return String(Math.max(1, Math.ceil(seconds)));
  }

  function handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const match = /^\/v3\/conversations\/([^/?]+)\/activities(?:\/([^/?]+))?\/?(?:\?.*)?$/.exec(req.url ?? '');
    const isPost = req.method === 'POST' && match !== null;
    const isPut = req.method === 'PUT' && match !== null && match[2] !== undefined;
    if (!match || (!isPost && !isPut)) {
      sendJson(res, 404, errorBody('NotFound', `No route for ${req.method} ${req.url}`));
      return;
    }
    let conversationId: string;
    let activity: Record<string, unknown>;
    try {
      conversationId = decodeURIComponent(match[1]!);
      const parsed: unknown = JSON.parse(body || '{}');
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('activity must be a JSON object');
      activity = parsed as Record<string, unknown>;
    } catch (e) {
      sendJson(res, 400, errorBody('BadArgument', (e as Error).message));
      return;
    }
    const second = match[2] === undefined ? undefined : decodeURIComponent(match[2]);

    if (matches(options.forbiddenConversations, conversationId)) {
      counters.gone++;
      sendJson(res, 403, errorBody('BotNotInConversationRoster', 'The bot is not part of the conversation roster.'));
      return;
    }
    if (matches(options.goneConversations, conversationId)) {
      counters.gone++;
      sendJson(res, 404, errorBody('ConversationNotFound', 'Conversation not found.'));
      return;
    }

    if (isPut) {
      updates.push({ conversationId, activityId: second!, activity, at: Date.now() });
      sendJson(res, 200, { id: second });
      return;
    }

    if (failureRate > 0 && random() < failureRate) {
      counters.failed++;
      const status = failureStatuses[Math.floor(random() * failureStatuses.length)] ?? 500;
      sendJson(res, status, errorBody(status === 412 ? 'PreconditionFailed' : 'ServiceError', `Injected failure ${status}`));
      return;
    }

    const now = performance.now();
    globalStamps.prune(now - SECOND);
    let stamps = conversationStamps.get(conversationId);
    stamps?.prune(now - conversationHorizon);
    const waitMs = Math.max(waitFor(globalStamps, globalWindows, now), stamps ? waitFor(stamps, conversationWindows, now) : 0);
    if (waitMs > 0) {
      counters.rateLimited++;
      sendJson(res, 429, errorBody('TooManyRequests', 'Too many requests.', { retryAfterMs: Math.ceil(waitMs) }), {
        'retry-after': retryAfterHeader(waitMs),
      });
      return;
    }

    globalStamps.push(now);
    if (!stamps) conversationStamps.set(conversationId, (stamps = new Timestamps()));
    stamps.push(now);
    const id = `lc-${++nextId}`;
    const jobId = jobIdOf(activity);
    accepted.push({
      conversationId,
      ...(second !== undefined ? { replyToId: second } : {}),
      activity,
      at: Date.now(),
      ...(jobId !== undefined ? { jobId } : {}),
      id,
    });
    counters.accepted++;
    if (counters.accepted % 1000 === 0) sweep(now);
    for (const waiter of waiters) if (accepted.length >= waiter.n) waiter.resolve();
    sendJson(res, 201, { id });
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (latencyMs <= 0) return handle(req, res, body);
      const timer = setTimeout(() => {
        pendingTimers.delete(timer);
        if (!closed) handle(req, res, body);
      }, latencyMs);
      pendingTimers.add(timer);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  function jobCounts(): Map<string, number> {
    const result = new Map<string, number>();
    for (const m of accepted) if (m.jobId !== undefined) result.set(m.jobId, (result.get(m.jobId) ?? 0) + 1);
    return result;
  }

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    accepted,
    updates,
    counts: () => ({ ...counters }),
    jobCounts,
    missing(expectedJobIds) {
      const seen = jobCounts();
      return [...expectedJobIds].filter((id) => !seen.has(id));
    },
    duplicates() {
      return [...jobCounts()].filter(([, count]) => count > 1).map(([jobId, count]) => ({ jobId, count }));
    },
    acceptedRate(fromMs, toMs) {
      const first = accepted[0];
      const last = accepted[accepted.length - 1];
      if (!first || !last) return 0;
      const from = fromMs ?? first.at;
      const to = toMs ?? last.at;
      if (!(to > from)) return 0;
      let n = 0;
      for (const m of accepted) if (m.at >= from && m.at <= to) n++;
      return n / ((to - from) / 1000);
    },
    waitForAccepted(n, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        if (accepted.length >= n) return resolve(accepted);
        if (closed) return reject(new Error('limited connector is closed'));
        const waiter: Waiter = {
          n,
          resolve: () => {
            clearTimeout(waiter.timer);
            waiters.delete(waiter);
            resolve(accepted);
          },
          reject: (e: Error) => {
            clearTimeout(waiter.timer);
            waiters.delete(waiter);
            reject(e);
          },
          timer: setTimeout(() => {
            waiter.reject(new Error(`expected ${n} accepted messages within ${timeoutMs} ms, got ${accepted.length} (${JSON.stringify(counters)})`));
          }, timeoutMs),
        };
        waiters.add(waiter);
      });
    },
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      for (const timer of pendingTimers) clearTimeout(timer);
      pendingTimers.clear();
      for (const waiter of [...waiters]) waiter.reject(new Error('limited connector closed'));
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
