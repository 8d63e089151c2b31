import { afterEach, describe, expect, it } from 'vitest';
import { startLimitedConnector, type LimitedConnector, type LimitedConnectorOptions } from '../../scripts/support/limited-connector.js';

const open: LimitedConnector[] = [];

async function start(options?: LimitedConnectorOptions): Promise<LimitedConnector> {
  const connector = await startLimitedConnector(options);
  open.push(connector);
  return connector;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function activity(jobId?: string, text = 'reminder'): Record<string, unknown> {
  return { type: 'message', text, ...(jobId !== undefined ? { channelData: { mlJobId: jobId } } : {}) };
}

async function post(connector: LimitedConnector, conversationId: string, body: Record<string, unknown> = activity(), replyToId?: string) {
  const path = `v3/conversations/${encodeURIComponent(conversationId)}/activities${replyToId ? `/${encodeURIComponent(replyToId)}` : ''}`;
  const res = await fetch(new URL(path, connector.serviceUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown> & { id?: string; error?: { code: string; retryAfterMs?: number } };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), json };
}

/** Sends `n` messages one after another and returns their statuses. */
async function postMany(connector: LimitedConnector, conversationId: (i: number) => string, n: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await post(connector, conversationId(i), activity(`job-${i}`))).status);
  return statuses;
}

const NO_CONVERSATION_LIMITS = { perSecond: Infinity, per2Seconds: Infinity, per30Seconds: Infinity, perHour: Infinity };

describe('limited connector', () => {
  it('when messages are accepted, then they are logged in order with their jobId and answered 201 with a new id', async () => {
    const connector = await start();
    expect(connector.serviceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const first = await post(connector, 'a:conv;messageid=1', activity('job-1', 'hello'));
    const second = await post(connector, 'a:conv;messageid=1', activity(undefined, 'no job'), 'reply-to-7');
    const third = await post(connector, '19:other@thread.tacv2', activity('job-2'));

    expect([first.status, second.status, third.status]).toEqual([201, 201, 201]);
    const ids = [first.json.id, second.json.id, third.json.id];
    expect(new Set(ids).size).toBe(3);
    expect(connector.accepted.map((m) => m.id)).toEqual(ids);
    expect(connector.accepted.map((m) => [m.conversationId, m.jobId, m.activity.text])).toEqual([
      ['a:conv;messageid=1', 'job-1', 'hello'],
      ['a:conv;messageid=1', undefined, 'no job'],
      ['19:other@thread.tacv2', 'job-2', 'reminder'],
    ]);
    expect(connector.accepted[1]?.replyToId).toBe('reply-to-7');
    expect(connector.accepted[0]?.at).toBeGreaterThan(Date.now() - 5000);
    expect(connector.counts()).toEqual({ accepted: 3, rateLimited: 0, failed: 0, gone: 0 });
    expect(connector.jobCounts()).toEqual(new Map([['job-1', 1], ['job-2', 1]]));
  });

  it('when the global limit is exceeded within a second, then 429 with Retry-After is answered and sends are accepted again after the window', async () => {
    const connector = await start({ globalPerSecond: 5, perConversation: NO_CONVERSATION_LIMITS });
    // Spread over conversations: only the global limit applies.
    expect(await postMany(connector, (i) => `conv-${i}`, 5)).toEqual([201, 201, 201, 201, 201]);
    const limited = await post(connector, 'conv-new', activity('job-late'));
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toBe('1');
    expect(limited.json.error?.code).toBe('TooManyRequests');
    expect(connector.accepted).toHaveLength(5);
    expect(connector.missing(['job-late'])).toEqual(['job-late']);
    expect(connector.counts()).toEqual({ accepted: 5, rateLimited: 1, failed: 0, gone: 0 });

    await sleep(connector.accepted[0]!.at + 1050 - Date.now());
    const again = await post(connector, 'conv-new', activity('job-late'));
    expect(again.status).toBe(201);
    expect(connector.missing(['job-late'])).toEqual([]);
    expect(connector.counts()).toEqual({ accepted: 6, rateLimited: 1, failed: 0, gone: 0 });
  });

  it('when retryAfterSeconds is set, then Retry-After carries it in whole seconds, and "auto" gives the time until the window frees', async () => {
    const fixed = await start({ globalPerSecond: 1, retryAfterSeconds: 2.5 });
    expect((await post(fixed, 'c')).status).toBe(201);
    const fixedLimited = await post(fixed, 'c');
    expect([fixedLimited.status, fixedLimited.retryAfter]).toEqual([429, '3']);

    const auto = await start({ perConversation: { per30Seconds: 2 }, retryAfterSeconds: 'auto' });
    expect(await postMany(auto, () => 'c', 2)).toEqual([201, 201]);
    const autoLimited = await post(auto, 'c');
    expect(autoLimited.status).toBe(429);
    expect(Number(autoLimited.retryAfter)).toBeGreaterThanOrEqual(29);
    expect(Number(autoLimited.retryAfter)).toBeLessThanOrEqual(30);
    expect(autoLimited.json.error?.retryAfterMs).toBeGreaterThan(28_000);
  });

  it('when a conversation gets more than 7 sends in a second, then the 8th is answered 429 while other conversations are unaffected', async () => {
    const connector = await start();
    expect(await postMany(connector, () => 'busy', 7)).toEqual(Array(7).fill(201));
    const eighth = await post(connector, 'busy');
    expect(eighth.status).toBe(429);
    expect(Number(eighth.retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await post(connector, 'quiet')).status).toBe(201);
    expect(connector.accepted.filter((m) => m.conversationId === 'busy')).toHaveLength(7);
    expect(connector.counts()).toMatchObject({ accepted: 8, rateLimited: 1 });
  });

  it('when a conversation has had 8 sends within 2 seconds, then the next is answered 429 even after the 1-second window passed', async () => {
    const connector = await start({ retryAfterSeconds: 'auto' });
    expect(await postMany(connector, () => 'c', 7)).toEqual(Array(7).fill(201));
    await sleep(connector.accepted[0]!.at + 1050 - Date.now());
    expect((await post(connector, 'c')).status).toBe(201); // 8th within 2 s: allowed
    const ninth = await post(connector, 'c');
    expect(ninth.status).toBe(429); // per-second window has room, the 2-second one has not
    expect(ninth.retryAfter).toBe('1');
    expect(ninth.json.error?.retryAfterMs).toBeLessThanOrEqual(1000);
    expect(connector.accepted).toHaveLength(8);
  });

  it('when failureRate is 1, then only 500/502/503/504 are answered and nothing is logged as accepted', async () => {
    const connector = await start({ failureRate: 1 });
    const statuses = await postMany(connector, (i) => `c-${i % 3}`, 40);
    expect(statuses.every((s) => [500, 502, 503, 504].includes(s))).toBe(true);
    expect(new Set(statuses).size).toBeGreaterThan(1);
    expect(connector.accepted).toEqual([]);
    expect(connector.counts()).toEqual({ accepted: 0, rateLimited: 0, failed: 40, gone: 0 });
    expect(connector.jobCounts().size).toBe(0);
  });

  it('when failures are injected with the same seed, then the same answers come back, including 412 when include412 is set', async () => {
    const run = async (seed: number) => postMany(await start({ failureRate: 0.5, include412: true, seed, perConversation: NO_CONVERSATION_LIMITS }), () => 'c', 40);
    const a = await run(42);
    const b = await run(42);
    expect(a).toEqual(b);
    expect(a).toContain(201);
    expect(a).toContain(412);
    expect(a.every((s) => [201, 412, 500, 502, 503, 504].includes(s))).toBe(true);
    expect(await run(7)).not.toEqual(a);
  });

  it('when a conversation is gone or forbidden, then 404 or 403 is answered and nothing is logged', async () => {
    const connector = await start({
      goneConversations: new Set(['deleted-chat']),
      forbiddenConversations: (id) => id.startsWith('removed-'),
    });
    const gone = await post(connector, 'deleted-chat', activity('job-1'));
    const forbidden = await post(connector, 'removed-bot', activity('job-2'));
    const fine = await post(connector, 'live-chat', activity('job-3'));
    expect([gone.status, forbidden.status, fine.status]).toEqual([404, 403, 201]);
    expect(gone.json.error?.code).toBe('ConversationNotFound');
    expect(forbidden.json.error?.code).toBe('BotNotInConversationRoster');
    expect(connector.accepted.map((m) => m.jobId)).toEqual(['job-3']);
    expect(connector.missing(['job-1', 'job-2', 'job-3'])).toEqual(['job-1', 'job-2']);
    expect(connector.counts()).toEqual({ accepted: 1, rateLimited: 0, failed: 0, gone: 2 });
  });

  it('when a job is sent several times, then duplicates() reports it with its count and missing() lists the jobs never accepted', async () => {
    const connector = await start();
    for (const jobId of ['j1', 'j2', 'j2', 'j3', 'j2', 'j3']) expect((await post(connector, `c-${jobId}`, activity(jobId))).status).toBe(201);
    expect(connector.duplicates()).toEqual([
      { jobId: 'j2', count: 3 },
      { jobId: 'j3', count: 2 },
    ]);
    expect(connector.jobCounts()).toEqual(new Map([['j1', 1], ['j2', 3], ['j3', 2]]));
    expect(connector.missing(new Set(['j1', 'j4', 'j2', 'j5']))).toEqual(['j4', 'j5']);
    expect(connector.accepted).toHaveLength(6); // no deduplication
  });

  it('when a client hammers a 20/s limit, then the accepted rate over its span is about 20 and no 1-second window holds more than 20', async () => {
    const connector = await start({ globalPerSecond: 20, perConversation: NO_CONVERSATION_LIMITS });
    const t0 = Date.now();
    const span = 1900;
    let i = 0;
    while (Date.now() - t0 < span) {
      const { status } = await post(connector, 'c', activity(`job-${i}`));
      if (status === 201) i++;
      else await sleep(5);
    }
    const rate = connector.acceptedRate(t0, t0 + span);
    expect(rate).toBeGreaterThan(20 * 0.75);
    expect(rate).toBeLessThan(20 * 1.25);
    expect(connector.counts().rateLimited).toBeGreaterThan(0);
    const at = connector.accepted.map((m) => m.at);
    for (let k = 0; k + 20 < at.length; k++) expect(at[k + 20]! - at[k]!).toBeGreaterThanOrEqual(990);
    expect(connector.duplicates()).toEqual([]);
  });

  it('when a client paces itself at the limit, then acceptedRate() between first and last acceptance is about 20', async () => {
    const connector = await start({ globalPerSecond: 20, perConversation: NO_CONVERSATION_LIMITS });
    const t0 = Date.now();
    for (let i = 0; i < 20; i++) {
      await sleep(t0 + i * 50 - Date.now());
      expect((await post(connector, 'c', activity(`job-${i}`))).status).toBe(201);
    }
    const rate = connector.acceptedRate();
    expect(rate).toBeGreaterThan(20 * 0.75);
    expect(rate).toBeLessThan(20 * 1.25);
    expect(connector.acceptedRate(t0 - 10_000, t0 - 5_000)).toBe(0);
  });

  it('when an activity is updated with PUT, then 200 is answered and the update is logged apart from accepted sends; other routes get 404', async () => {
    const connector = await start({ goneConversations: new Set(['deleted']) });
    const res = await fetch(new URL('v3/conversations/a%3Aconv/activities/lc-9', connector.serviceUrl), {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'updated' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 'lc-9' });
    expect(connector.updates).toMatchObject([{ conversationId: 'a:conv', activityId: 'lc-9', activity: { text: 'updated' } }]);
    expect(connector.accepted).toEqual([]);

    const gonePut = await fetch(new URL('v3/conversations/deleted/activities/x', connector.serviceUrl), { method: 'PUT', body: '{}' });
    expect(gonePut.status).toBe(404);
    expect((await fetch(new URL('v3/conversations', connector.serviceUrl), { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(new URL('v3/conversations/c/activities', connector.serviceUrl))).status).toBe(404);
    expect((await fetch(new URL('v3/conversations/c/activities', connector.serviceUrl), { method: 'PUT', body: '{}' })).status).toBe(404);
    expect((await fetch(new URL('v3/conversations/c/members', connector.serviceUrl), { method: 'POST', body: '{}' })).status).toBe(404);
    expect(connector.counts()).toEqual({ accepted: 0, rateLimited: 0, failed: 0, gone: 1 });
  });

  it('when latencyMs is set, then answers are delayed by it', async () => {
    const connector = await start({ latencyMs: 120 });
    const started = performance.now();
    expect((await post(connector, 'c')).status).toBe(201);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('when waiting for accepted messages, then waitForAccepted resolves once they arrive and rejects on timeout', async () => {
    const connector = await start();
    const waiting = connector.waitForAccepted(2, 2000);
    void post(connector, 'c', activity('a'));
    void post(connector, 'd', activity('b'));
    expect((await waiting).map((m) => m.jobId).sort()).toEqual(['a', 'b']);
    await expect(connector.waitForAccepted(3, 50)).rejects.toThrow(/expected 3 accepted/);
  });

  it('when options are out of range, then starting fails', async () => {
    await expect(startLimitedConnector({ failureRate: 2 })).rejects.toThrow(RangeError);
    await expect(startLimitedConnector({ globalPerSecond: 0 })).rejects.toThrow(RangeError);
    await expect(startLimitedConnector({ perConversation: { perHour: -1 } })).rejects.toThrow(RangeError);
  });
});
