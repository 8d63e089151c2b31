import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALEX, BOT, exchange, LYNNE, messageActivity, PATTI, STRANGER, submitActivity, TENANT_ID, type TeamsUser } from '../support/activities.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { VERBS } from '../../bot/cards/verbs.js';
import { runConcurrently } from '../../core/storage/table-store.js';

/**
 * Hostile input for the bot: thousands of random and malformed activities from people who may not
 * decide anything (the learner himself, colleagues, someone not in the staff records, made-up
 * accounts). Nothing may answer 5xx, nothing may reject unhandled, and nothing may change that the
 * sender had no right to change.
 */
const RUNS = Number(process.env.FUZZ_ACTIVITIES ?? 3000);
const ALEX_ID = 'E9000020';
const MEGAN_ID = 'E9000021';

let app: TestApp;
let connector: FakeConnector;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  connector = await startFakeConnector();
  app = await startTestApp();
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await app?.stop();
  await connector?.close();
});

const anyUser: fc.Arbitrary<TeamsUser> = fc.oneof(
  fc.constantFrom(ALEX, PATTI, LYNNE, STRANGER),
  fc.record({ id: fc.string({ minLength: 1, maxLength: 40 }), name: fc.string({ maxLength: 40 }), aadObjectId: fc.option(fc.uuid(), { nil: undefined }) }),
);

const hostileString = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom("' or 1 eq 1 or '", "PartitionKey eq 'x'", '<script>alert(1)</script>', '../../etc/passwd', '\u0000\u0007\u001b[31m', '=HYPERLINK("http://x")', '💥'.repeat(50), ''),
  fc.string({ minLength: 1000, maxLength: 3000 }),
);

const anyValue: fc.Arbitrary<unknown> = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }), fc.object({ maxDepth: 2 }));

function actionData(requestId: string) {
  return fc.record(
    {
      verb: fc.oneof(fc.constantFrom(...Object.values(VERBS)), hostileString),
      kind: fc.oneof(fc.constantFrom('extension', 'exemption'), hostileString),
      requestId: fc.oneof(fc.constant(requestId), fc.uuid(), hostileString),
      learnerId: fc.oneof(fc.constantFrom(ALEX_ID, MEGAN_ID, 'E9000024'), hostileString),
      decision: fc.oneof(fc.constantFrom('approve', 'decline'), hostileString),
      subjectId: fc.oneof(fc.constantFrom('fire-safety', 'ig', 'resuscitation'), hostileString),
      requestedDate: fc.oneof(fc.constantFrom('2027-01-10', '2027-02-30', '31-Nov-2027'), hostileString),
      completedOn: fc.oneof(fc.constantFrom('2026-11-20', '2026-13-01', '2099-01-01'), hostileString),
      method: anyValue,
      reason: anyValue,
      page: anyValue,
      filter: anyValue,
      version: anyValue,
    },
    { requiredKeys: ['verb'] },
  );
}

function activities(serviceUrl: string, requestId: string): fc.Arbitrary<unknown> {
  const data = actionData(requestId);
  const message = fc.tuple(anyUser, hostileString).map(([user, text]) => messageActivity(user, text, serviceUrl));
  const submit = fc.tuple(anyUser, data).map(([user, value]) => submitActivity(user, value, serviceUrl));
  const execute = fc.tuple(anyUser, data, fc.oneof(fc.constant('adaptiveCard/action'), hostileString)).map(([user, value, name]) => ({
    ...messageActivity(user, '', serviceUrl),
    type: 'invoke',
    name,
    value: { action: { type: 'Action.Execute', verb: value.verb, data: value }, trigger: 'manual' },
  }));
  const odd = fc.tuple(anyUser, fc.constantFrom('conversationUpdate', 'messageReaction', 'installationUpdate', 'event', 'typing', 'endOfConversation', 'messageUpdate', 'nonsense'), anyValue).map(
    ([user, type, value]) => ({ ...messageActivity(user, '', serviceUrl), type, value, membersAdded: [{ id: BOT.id }] }),
  );
  // Structurally broken: fields missing, of the wrong type, or the body not an object at all.
  const broken = fc.oneof(
    fc.tuple(anyUser, fc.constantFrom('from', 'recipient', 'conversation', 'serviceUrl', 'channelId', 'type')).map(([user, drop]) => {
      const activity = messageActivity(user, 'hello', serviceUrl);
      delete activity[drop];
      return activity;
    }),
    fc.tuple(anyUser, fc.constantFrom('from', 'conversation', 'text', 'value', 'channelData', 'serviceUrl'), anyValue).map(([user, field, value]) => ({
      ...messageActivity(user, 'hello', serviceUrl),
      [field]: value,
    })),
    anyValue,
    fc.array(anyValue, { maxLength: 3 }),
    fc.constant({ type: 'message', channelId: 'msteams', serviceUrl, from: { id: 'x' }, recipient: BOT, conversation: { id: 'c', tenantId: TENANT_ID }, text: 'x'.repeat(30_000) }),
  );
  return fc.oneof({ arbitrary: message, weight: 3 }, { arbitrary: submit, weight: 3 }, { arbitrary: execute, weight: 3 }, { arbitrary: odd, weight: 1 }, { arbitrary: broken, weight: 2 });
}

describe(`the bot under ${RUNS} random and malformed activities`, () => {
  it('when every kind of hostile activity arrives, then none gets a 5xx, none rejects unhandled, and nobody decides what they may not', { timeout: 240_000 }, async () => {
    // A real pending request, so forged decisions have something real to aim at.
    await exchange(app.server.url, messageActivity(ALEX, "can I have an extension for fire safety until 15 January, I'm on leave", connector.serviceUrl));
    const pending = (await app.services.staff.getBundle(ALEX_ID))!.extensions.find((e) => e.state === 'pending');
    expect(pending).toBeDefined();
    const meganBefore = JSON.stringify(await app.services.staff.getBundle(MEGAN_ID));

    const samples = fc.sample(activities(connector.serviceUrl, pending!.id), { numRuns: RUNS, seed: 20261121 });
    const statuses = new Map<number, number>();
    const fivexx: { status: number; body: string; sent: string }[] = [];
    await runConcurrently(samples, 8, async (activity) => {
      const body = typeof activity === 'string' && Math.random() < 0.5 ? activity : JSON.stringify(activity);
      const response = await fetch(`${app.server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const text = await response.text();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status >= 500) fivexx.push({ status: response.status, body: text.slice(0, 200), sent: body.slice(0, 300) });
    });
    await app.stop().catch(() => undefined);
    app = await startTestApp({ seed: false, env: { TABLE_PREFIX: app.config.storage.tablePrefix } });

    expect(fivexx.slice(0, 5)).toEqual([]);
    expect(unhandled).toEqual([]);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(RUNS);
    // Nobody in the fuzz may decide: the real request is still pending, and the manager's own record is untouched.
    const after = (await app.services.staff.getBundle(ALEX_ID))!;
    expect(after.extensions.find((e) => e.id === pending!.id)?.state).toBe('pending');
    expect(after.exemptions.filter((e) => e.state !== 'pending')).toEqual([]);
    expect(JSON.stringify(await app.services.staff.getBundle(MEGAN_ID))).toBe(meganBefore);
    // The server still answers properly afterwards.
    const replies = await exchange(app.server.url, messageActivity(ALEX, "what's due", connector.serviceUrl));
    expect(replies.length).toBeGreaterThan(0);
  });

  it('when one person floods the bot, then it keeps answering everyone without falling over', { timeout: 120_000 }, async () => {
    const flood = Array.from({ length: 600 }, (_, i) => messageActivity(PATTI, i % 2 ? "what's due" : 'help', connector.serviceUrl, { deliveryMode: 'expectReplies' }));
    const statuses: number[] = [];
    await runConcurrently(flood, 32, async (activity) => {
      const response = await fetch(`${app.server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      await response.arrayBuffer();
      statuses.push(response.status);
    });
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const started = Date.now();
    const replies = await exchange(app.server.url, messageActivity(LYNNE, "what's due", connector.serviceUrl));
    expect(replies.length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
