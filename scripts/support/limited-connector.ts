import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { seededRandom } from '../../core/time/seeded-random.js';
import { Timestamps, waitFor, type Waiter, type Window } from './sliding-windows.js';
import { TEAMS_PER_CONVERSATION_LIMITS, type AcceptedMessage, type ConversationMatcher, type LimitedConnector, type LimitedConnectorCounts, type LimitedConnectorOptions, type PerConversationLimits, type UpdatedMessage } from './limited-connector-types.js';

export * from './limited-connector-types.js';

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

const SECOND = 1000;
const HOUR = 3_600_000;

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
