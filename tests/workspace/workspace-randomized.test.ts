import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldHistoryResponse } from '../../tab/shared/workspace-api.js';
import { FieldDocs } from '../../tab/shared/live/field-docs.js';
import { seededRandom } from '../../core/time/seeded-random.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ALEX, call, createApplication, docTransport, MEGAN, openStream, save, staffOf, type EventStream } from './workspace-client.js';

/**
 * Three clients (the browser's own FieldDocs, each a person on one of two server instances sharing
 * only storage) make 1,000 random concurrent edits to the same three fields: each edit inserts a
 * unique token somewhere, or deletes a few characters (never cutting a token). Now and then a client
 * loses its connection for a while (its requests fail and the live events it misses are gone), keeps
 * editing offline, and synchronises when it is back, as the page does. At the end every client holds
 * the same text as the server, and every token is in it exactly once: nothing was lost or doubled.
 */
const FIELDS = ['leads.managerial-role', 'leads.educational-role', 'pcn.clinical-director'];
const EDITS = 1000;
const TOKEN = /⟦c\d-\d+⟧/g;

interface Client {
  n: number;
  docs: FieldDocs;
  network: { online: boolean };
  stream: EventStream;
  pump: ReturnType<typeof setInterval>;
}

describe('randomized live co-editing: 1,000 concurrent edits by three clients on two instances, with disconnects', () => {
  let a: TestApp;
  let b: TestApp;
  let appId: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ seed: false, env: { TABLE_PREFIX: a.config.storage.tablePrefix } });
    appId = (await createApplication(a.server.url)).id;
    for (const fieldId of FIELDS) await save(a.server.url, MEGAN, appId, fieldId, 'Learners meet their supervisor weekly');
    const people: [TestApp, string][] = [[a, MEGAN], [b, ALEX], [a, staffOf('Riverside Medical Centre')]];
    for (const [n, [server, staffId]] of people.entries()) {
      const network = { online: true };
      const docs = new FieldDocs({ transport: docTransport(server.server.url, staffId, appId, network), origin: `c${n}`, retryMs: 150 });
      const stream = await openStream(server.server.url, staffId, appId);
      await stream.waitFor((e) => e.type === 'hello');
      // Live events reach the client only while it is connected; what arrives while it is not is lost, as on a dropped stream.
      const pump = setInterval(() => {
        for (const e of stream.events.splice(0)) if (network.online && e.type === 'doc') docs.receive(e);
      }, 3);
      await docs.open('leads', FIELDS.filter((f) => f.startsWith('leads.')));
      await docs.open('pcn', ['pcn.clinical-director']);
      clients.push({ n, docs, network, stream, pump });
    }
  });
  afterAll(async () => {
    for (const c of clients) {
      clearInterval(c.pump);
      c.stream.close();
      c.docs.close();
    }
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('when three clients edit concurrently at random and drop off now and then, then all converge and every edit is kept exactly once', async () => {
    const random = seededRandom(17);
    const tokens = new Map<string, string>();
    let disconnects = 0;
    let deletes = 0;
    const textOf = (c: Client, fieldId: string) => c.docs.doc(fieldId)!.getText('text');

    const run = async (c: Client, edits: number) => {
      for (let i = 0; i < edits; i++) {
        if (c.network.online && random() < 0.02) {
          disconnects++;
          c.network.online = false;
          c.docs.disconnected();
          setTimeout(() => {
            c.network.online = true;
            void c.docs.resync();
          }, 100 + random() * 400);
        }
        const fieldId = FIELDS[Math.floor(random() * FIELDS.length)]!;
        const text = textOf(c, fieldId);
        const current = text.toString();
        const spans = [...current.matchAll(TOKEN)].map((m) => [m.index!, m.index! + m[0].length] as const);
        // A deletion of a few characters between tokens (tried at a few places), or else an insertion.
        let deleted = false;
        const wantDelete = random() < 0.25;
        for (let tries = 0; wantDelete && !deleted && tries < 20 && current.length > 10; tries++) {
          const start = Math.floor(random() * (current.length - 4));
          const end = start + 1 + Math.floor(random() * 4);
          if (spans.every(([s, e]) => end <= s || start >= e)) {
            text.delete(start, end - start);
            deletes++;
            deleted = true;
          }
        }
        if (!deleted) {
          const token = `⟦c${c.n}-${i}⟧`;
          let at = Math.floor(random() * (current.length + 1));
          const inside = spans.find(([s, e]) => at > s && at < e);
          if (inside) at = inside[1];
          text.insert(at, ` ${token}`);
          tokens.set(token, fieldId);
        }
        await new Promise((r) => setTimeout(r, random() * 25));
      }
    };
    const started = performance.now();
    await Promise.all([run(clients[0]!, 334), run(clients[1]!, 333), run(clients[2]!, 333)]);
    expect(334 + 333 + 333).toBe(EDITS);

    // Everyone back online and synchronised.
    await new Promise((r) => setTimeout(r, 600));
    for (const c of clients) {
      c.network.online = true;
      await c.docs.resync();
    }
    const converged = async () => {
      for (const fieldId of FIELDS) {
        const server = (await call<{ text: string }>(a.server.url, MEGAN, 'GET', `/api/workspaces/${appId}/fields/${fieldId}`)).body.text;
        if (clients.some((c) => textOf(c, fieldId).toString() !== server)) return false;
      }
      return clients.every((c) => c.docs.unsent === 0);
    };
    await expect.poll(converged, { timeout: 30_000, interval: 200 }).toBe(true);
    console.info(`randomized live editing: ${EDITS} edits (${deletes} deletions, ${tokens.size} tokens) by 3 clients on 2 instances with ${disconnects} disconnects, converged ${Math.round(performance.now() - started)} ms after the first edit`);
    expect(disconnects).toBeGreaterThan(3);

    for (const fieldId of FIELDS) {
      const final = textOf(clients[0]!, fieldId).toString();
      for (const [token, where] of tokens) if (where === fieldId) expect(final.split(token).length - 1, `${token} in ${fieldId}`).toBe(1);
      // Every token in the text was inserted by someone (nothing invented or doubled).
      for (const m of final.matchAll(TOKEN)) expect(tokens.get(m[0])).toBe(fieldId);
      // And the history holds it too: the sessions of work account for the field's text.
      const history = (await call<FieldHistoryResponse>(b.server.url, ALEX, 'GET', `/api/workspaces/${appId}/fields/${fieldId}/history?limit=500`)).body;
      expect(history.sessions.length).toBeGreaterThanOrEqual(3);
      expect(history.sessions.reduce((n, s) => n + s.added, 0)).toBeGreaterThanOrEqual(final.length - 'Learners meet their supervisor weekly'.length);
    }
  }, 180_000);
});
