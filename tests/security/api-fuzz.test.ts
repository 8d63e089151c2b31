import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConcurrently } from '../../core/storage/table-store.js';
import { DEMO_TRUST } from '../../core/demo/generate-organisation.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { DEMO_APPLICATION_ID } from '../../core/demo/demo-workspace.js';

/**
 * Hostile input for the tab's API: every registered route, called thousands of times with random
 * and malformed path parameters, queries and bodies, by callers with no rights beyond their own
 * learning (a trust learner), by unknown demo ids, with garbage tokens and with none. Nothing may
 * answer 5xx, nothing may reject unhandled, and nothing belonging to anyone else may change.
 */
const RUNS = Number(process.env.FUZZ_API_REQUESTS ?? 3000);

let app: TestApp;
let outsider: string;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  app = await startTestApp({ staff: 60 });
  const everyone = await app.services.summaries.listAll();
  const trustLearner = everyone.find((s) => s.orgUnit.startsWith(DEMO_TRUST) && s.managerIds.length > 0 && !s.staffId.startsWith('E90000'));
  outsider = trustLearner!.staffId;
  const person = await app.services.staff.getPerson(outsider);
  expect(person?.permissions ?? []).toEqual([]);
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await app?.stop();
});

const hostileString = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom("' or PartitionKey ne '", "x' or RowKey gt '", '../../etc/passwd', '%00', '\u0000\u001b[2J', '=cmd|calc!A1', '@SUM(1)', '<img src=x onerror=alert(1)>', 'E9000020', 'E9000021', '🙂'.repeat(40), ''),
  fc.string({ minLength: 500, maxLength: 5000 }),
);
const anyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom('text', 'baseVersion', 'status', 'owner', 'decision', 'reason', 'subjectId', 'topicId', 'date', 'roleIds', 'id', '__proto__', 'constructor'), fc.string({ maxLength: 12 })), tie('value'), { maxKeys: 6 }),
  ),
})).value;

describe(`the tab API under ${RUNS} random and malformed requests`, () => {
  it('when every route is called with hostile input by people without rights, then no 5xx, no unhandled rejection, and nothing of anyone else changes', { timeout: 300_000 }, async () => {
    const routes = app.tabApi.routes;
    expect(routes.length).toBeGreaterThan(10);
    const watched = ['E9000020', 'E9000021', 'E9000022', 'E9000024'];
    const before = await Promise.all(watched.map((id) => app.services.staff.getBundle(id).then((b) => JSON.stringify(b))));
    const auditBefore = (await app.services.auditLog.head()).seq;
    const workspace = async () => {
      const response = await fetch(`${app.server.url}/api/workspaces/${DEMO_APPLICATION_ID}`, { headers: { authorization: 'Bearer dev:E9000021' } });
      expect(response.status).toBe(200);
      return (await response.json()) as { seq: number };
    };
    const resources = async () => (await fetch(`${app.server.url}/api/resources`, { headers: { authorization: 'Bearer dev:E9000021' } })).text();
    const workspaceBefore = await workspace();
    const resourcesBefore = await resources();

    const request = fc.record({
      route: fc.constantFrom(...routes),
      params: fc.array(fc.oneof(hostileString, fc.uuid(), fc.constantFrom('E9000020', 'E9000021', 'fire-safety', DEMO_APPLICATION_ID, 'eqf-1', 'eqf-1.culture-narrative', 'pcn')), { minLength: 4, maxLength: 4 }),
      query: fc.dictionary(fc.constantFrom('from', 'limit', 'unit', 'staffGroup', 'subject', 'filter', 'month', 'format', 'q', 'app'), hostileString, { maxKeys: 3 }),
      body: fc.oneof({ arbitrary: anyJson, weight: 4 }, { arbitrary: hostileString, weight: 1 }),
      rawBody: fc.boolean(),
      caller: fc.constantFrom<'outsider' | 'unknown' | 'garbage' | 'none'>('outsider', 'outsider', 'outsider', 'unknown', 'garbage', 'none'),
    });
    const samples = fc.sample(request, { numRuns: RUNS, seed: 8082026 });
    const fivexx: string[] = [];
    const statuses = new Map<number, number>();
    await runConcurrently(samples, 8, async (sample) => {
      let index = 0;
      const path = sample.route.path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(sample.params[index++ % 4]!));
      const query = new URLSearchParams(sample.query as Record<string, string>).toString();
      const headers: Record<string, string> = {};
      if (sample.caller === 'outsider') headers.authorization = `Bearer dev:${outsider}`;
      if (sample.caller === 'unknown') headers.authorization = 'Bearer dev:E0000000';
      if (sample.caller === 'garbage') headers.authorization = `Bearer ${'x'.repeat(40)}.y.z`;
      const init: RequestInit = { method: sample.route.method, headers };
      if (sample.route.method !== 'GET' && sample.route.method !== 'DELETE') {
        headers['content-type'] = sample.rawBody ? 'text/plain' : 'application/json';
        init.body = sample.rawBody && typeof sample.body === 'string' ? sample.body : JSON.stringify(sample.body);
      }
      const response = await fetch(`${app.server.url}${path}${query ? `?${query}` : ''}`, init);
      const text = await response.text();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status >= 500) fivexx.push(`${sample.route.method} ${sample.route.path} → ${response.status} ${text.slice(0, 160)}`);
    });

    expect(fivexx.slice(0, 8)).toEqual([]);
    expect(unhandled).toEqual([]);
    const after = await Promise.all(watched.map((id) => app.services.staff.getBundle(id).then((b) => JSON.stringify(b))));
    expect(after).toEqual(before);
    // The PCN's application (its change feed) and the hub's library are untouched by outsiders.
    expect((await workspace()).seq).toBe(workspaceBefore.seq);
    expect(await resources()).toBe(resourcesBefore);
    // Whatever the outsider could do touched only their own learning: no administrative action was audited.
    const entries = await app.services.auditLog.list({ fromSeq: auditBefore + 1 });
    expect(entries.filter((e) => e.actorId !== outsider || /^(matrix|people|esr|import|evidence|exemption|extension|proposal|report|audit|workspace|hub|annual)/.test(e.action))).toEqual([]);
    expect(statuses.get(401) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(403) ?? 0).toBeGreaterThan(0);
  });
});
