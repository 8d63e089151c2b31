import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditConflictDetails, SaveFieldResponse } from '../../tab/shared/workspace-api.js';
import { WorkspaceRepository } from '../../core/storage/workspace-repository.js';
import { seededRandom } from '../../core/time/seeded-random.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ALEX, call, createApplication, MEGAN, staffOf } from './workspace-client.js';

/**
 * Two clients (each a person on their own server instance) make 1,000 random concurrent edits to the
 * same three fields, each client only knowing what its own saves told it, so most saves start from a
 * stale version. Every edit carries a unique token. At the end, every token of an accepted save is
 * in its field's text, exactly once; every refused save is in the field's history as a conflict
 * entry holding exactly the text that was sent. Nothing is silently lost.
 */
const FIELDS = ['eqf-3.prompt-1', 'eqf-3.prompt-2', 'eqf-3.prompt-3'];
const BASE = 'Learners meet their named supervisor weekly to review progress and agree next steps';
const EDITS_PER_CLIENT = 500;
const TOKEN = /⟦c\d-\d+⟧/g;

interface Outcome {
  token: string;
  fieldId: string;
  text: string;
  status: 'accepted' | 'conflict';
  conflictId?: string;
}

describe('randomized co-editing: 1,000 concurrent edits by two clients on two instances, nothing lost', () => {
  let a: TestApp;
  let b: TestApp;
  let appId: string;
  // Each client is one editing session; it speaks as two people of its practice in turn only to stay
  // within the API's per-person rate limit (20 requests a second), which no human typing reaches.
  const CLIENT_1 = [MEGAN, ALEX];
  const CLIENT_2 = [staffOf('Riverside Medical Centre', 40, 0), staffOf('Riverside Medical Centre', 40, 1)];

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ seed: false, env: { TABLE_PREFIX: a.config.storage.tablePrefix } });
    appId = (await createApplication(a.server.url)).id;
    for (const fieldId of FIELDS) await call(a.server.url, MEGAN, 'PUT', `/api/workspaces/${appId}/fields/${fieldId}`, { text: BASE, baseVersion: 0 });
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('when two clients edit concurrently at random, then every edit is in the text or in the history as a conflict', async () => {
    const outcomes: Outcome[] = [];
    const stats = { requests: 0, limited: 0, server: 0 };
    let merges = 0;

    const runClient = async (client: number, baseUrl: string, people: string[], seed: number) => {
      const random = seededRandom(seed);
      const local = new Map(FIELDS.map((f) => [f, { text: BASE, version: 1 }]));
      let n = 0;
      let turn = 0;
      const put = async (fieldId: string, body: Record<string, unknown>) => {
        const staffId = people[turn++ % people.length]!;
        for (;;) {
          const answer = await call(baseUrl, staffId, 'PUT', `/api/workspaces/${appId}/fields/${fieldId}`, body);
          // The per-person rate limit is a client's problem to wait out; it is not an edit outcome.
          stats.requests++;
          stats.server += Number(/app;dur=([\d.]+)/.exec(answer.headers.get('server-timing') ?? '')?.[1] ?? 0);
          if (answer.status === 429) {
            stats.limited++;
            await new Promise((r) => setTimeout(r, 60));
            continue;
          }
          return answer;
        }
      };
      /** Inserts a token anywhere but inside another token (a token cut in two would no longer be found). */
      const insertToken = (text: string, token: string) => {
        const tokens = [...text.matchAll(TOKEN)].map((m) => [m.index!, m.index! + m[0].length] as const);
        let at = Math.floor(random() * (text.length + 1));
        const inside = tokens.find(([s, e]) => at > s && at < e);
        if (inside) at = inside[1];
        return `${text.slice(0, at)} ${token} ${text.slice(at)}`;
      };
      /** A deletion of a few characters that cuts no token (tokens are the evidence). */
      const deleteSome = (text: string): string | undefined => {
        for (let tries = 0; tries < 10; tries++) {
          const start = Math.floor(random() * text.length);
          const end = Math.min(text.length, start + 1 + Math.floor(random() * 8));
          const tokens = [...text.matchAll(TOKEN)].map((m) => [m.index!, m.index! + m[0].length] as const);
          if (tokens.every(([s, e]) => end <= s || start >= e)) return text.slice(0, start) + text.slice(end);
        }
        return undefined;
      };

      for (let i = 0; i < EDITS_PER_CLIENT; i++) {
        const fieldId = FIELDS[Math.floor(random() * FIELDS.length)]!;
        const mine = local.get(fieldId)!;
        const token = `⟦c${client}-${++n}⟧`;
        // Every edit inserts its token; some also delete a little elsewhere.
        let text = insertToken(mine.text, token);
        if (random() < 0.3) text = deleteSome(text) ?? text;
        const answer = await put(fieldId, { text, baseVersion: mine.version });
        if (answer.status === 200) {
          const body = answer.body as SaveFieldResponse;
          if (body.outcome === 'merged') merges++;
          local.set(fieldId, { text: body.field.text, version: body.field.version });
          outcomes.push({ token, fieldId, text, status: 'accepted' });
          continue;
        }
        expect(answer.status).toBe(409);
        const details = (answer.body as { error: { code: string; details: EditConflictDetails } }).error.details;
        outcomes.push({ token, fieldId, text, status: 'conflict', conflictId: details.conflictId });
        local.set(fieldId, { text: details.current.text, version: details.current.version });
        // Half the time the editor resolves it by putting their words into the current text.
        if (random() < 0.5) {
          const resolvedToken = `⟦c${client}-${++n}⟧`;
          const resolved = insertToken(details.current.text, resolvedToken);
          const again = await put(fieldId, { text: resolved, baseVersion: details.current.version, resolvesConflict: details.conflictId });
          if (again.status === 200) {
            const body = again.body as SaveFieldResponse;
            local.set(fieldId, { text: body.field.text, version: body.field.version });
            outcomes.push({ token: resolvedToken, fieldId, text: resolved, status: 'accepted' });
          } else {
            const d = (again.body as { error: { details: EditConflictDetails } }).error.details;
            outcomes.push({ token: resolvedToken, fieldId, text: resolved, status: 'conflict', conflictId: d.conflictId });
            local.set(fieldId, { text: d.current.text, version: d.current.version });
          }
        }
      }
    };

    const started = performance.now();
    await Promise.all([runClient(1, a.server.url, CLIENT_1, 1), runClient(2, b.server.url, CLIENT_2, 2)]);

    console.info(`randomized: ${outcomes.length} saves in ${Math.round(performance.now() - started)} ms, ${merges} merged, ${outcomes.filter((o) => o.status === 'conflict').length} conflicts kept; ${stats.requests} requests, ${stats.limited} rate-limited, ${Math.round(stats.server)} ms server time`);
    const repo = new WorkspaceRepository(a.services.store);
    const conflicts = outcomes.filter((o) => o.status === 'conflict');
    const accepted = outcomes.filter((o) => o.status === 'accepted');
    expect(outcomes.length).toBeGreaterThanOrEqual(2 * EDITS_PER_CLIENT);
    // The run really exercised both paths.
    expect(conflicts.length).toBeGreaterThan(10);
    expect(merges).toBeGreaterThan(20);

    for (const fieldId of FIELDS) {
      const finalText = (await repo.getField(appId, fieldId))!.text;
      const history = await repo.listHistory(appId, fieldId, 100_000);
      const kept = new Map(history.filter((h) => h.kind === 'conflict').map((h) => [h.id, h]));
      for (const o of accepted.filter((x) => x.fieldId === fieldId)) {
        if (finalText.split(o.token).length - 1 !== 1) {
          const revs = history.filter((h) => h.kind !== 'conflict').sort((x, y) => x.version - y.version);
          const first = revs.find((r) => r.text.includes(o.token));
          const lost = first && revs.find((r) => r.version > first.version && !r.text.includes(o.token));
          const base = lost && revs.find((r) => r.version === lost.baseVersion);
          const prev = lost && revs.find((r) => r.version === lost.version - 1);
          console.error(JSON.stringify({ token: o.token, sent: o.text, first: first && { v: first.version, kind: first.kind, text: first.text }, lost: lost && { v: lost.version, kind: lost.kind, base: lost.baseVersion, by: lost.by.staffId, text: lost.text }, base: base?.text, prev: prev?.text }, null, 1));
        }
        expect(finalText.split(o.token).length - 1, `${o.token} of an accepted save is in ${fieldId} once`).toBe(1);
      }
      for (const o of conflicts.filter((x) => x.fieldId === fieldId)) {
        const entry = kept.get(o.conflictId!);
        expect(entry, `conflict ${o.conflictId} (${o.token}) is in the history of ${fieldId}`).toBeDefined();
        expect(entry!.text).toBe(o.text);
      }
      // Revisions are contiguous: nothing was overwritten.
      const versions = history.filter((h) => h.kind !== 'conflict').map((h) => h.version);
      expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => versions.length - i));
    }
  }, 120_000);
});
