import { parseArgs } from 'node:util';
import { WebSocketServer, WebSocket } from 'ws';
import * as Y from 'yjs';
import { DEMO_PCN, DEMO_PRACTICES, generateOrganisation } from '../../core/demo/generate-organisation.js';
import { seedOrganisation } from '../../core/demo/seed-store.js';
import { WORKSPACE_DEFINITIONS } from '../../core/workspace/definitions.js';
import { fixedClock } from '../../core/time/clock.js';
import { localDate } from '../../core/time/local-date.js';
import { startApp, type RunningApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { startAzurite } from '../../server/dev/azurite.js';
import { createLogger } from '../../server/logger.js';
import type { ApplicationSummary, FieldDocsResponse } from '../../tab/shared/workspace-api.js';
import { readEventStream } from '../../tab/shared/live/event-stream.js';
import { FieldDocs, type DocTransport } from '../../tab/shared/live/field-docs.js';
import { ms, summarise, type Summary } from './stats.js';

/**
 * `npm run bench:workspace`: live co-authoring's figures, each beside baselines measured in the same
 * run (the machine is shared and noisy). Two server instances share one Azurite and one table prefix;
 * the clients are the browser's own FieldDocs and event-stream reader.
 * - keystroke → visible in another tab: one person types at 8 characters a second; a tab served by the
 *   other instance (target p95 < 250 ms) and one served by the same instance (p95 < 100 ms) time each
 *   character's arrival. Baselines: the /healthz round trip (SSE + POST's floor) and a WebSocket echo
 *   round trip on the same machine (what the other transport would cost at best);
 * - 10,000 edits: single-character changes to the 120 domain fields, as many editors at once;
 *   server memory and storage (rows, bytes) before and after;
 * - load of 6 domains × 20 fields after those edits: server-side time of the view and of every
 *   field's live document (target < 300 ms). Baseline: one point read of the application row.
 */
const { values } = parseArgs({ options: { chars: { type: 'string', default: '240' }, edits: { type: 'string', default: '10000' }, loads: { type: 'string', default: '30' }, text: { type: 'string', default: '1500' } } });
const today = localDate('2026-11-21');

async function call(base: string, staffId: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any; serverMs: number; roundTripMs: number }> {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer dev:${staffId}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  const timing = /app;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '');
  return { status: response.status, body: text ? JSON.parse(text) : undefined, serverMs: timing ? Number(timing[1]) : Number.NaN, roundTripMs: performance.now() - started };
}

function transport(base: string, staffId: string, appId: string): DocTransport {
  return {
    load: async (sectionId) => (await call(base, staffId, 'GET', `/api/workspaces/${appId}/docs${sectionId ? `?section=${sectionId}` : ''}`)).body as FieldDocsResponse,
    send: async (fieldId, change) => {
      const answer = await call(base, staffId, 'POST', `/api/workspaces/${appId}/fields/${fieldId}/doc`, change);
      return answer.status === 200 ? { ok: true, dseq: answer.body.dseq } : { ok: false, status: answer.status, code: answer.body?.error?.code ?? '', message: '' };
    },
  };
}

/** A tab: FieldDocs fed by the live stream. */
async function tab(base: string, staffId: string, appId: string, origin: string, section: string, fieldIds: string[]) {
  const docs = new FieldDocs({ transport: transport(base, staffId, appId), origin });
  const controller = new AbortController();
  const response = await fetch(`${base}/api/workspaces/${appId}/events`, { headers: { authorization: `Bearer dev:${staffId}` }, signal: controller.signal });
  let hello: () => void;
  const ready = new Promise<void>((resolve) => (hello = resolve));
  void readEventStream(response.body!, (message) => {
    const event = JSON.parse(message.data);
    if (event.type === 'hello') hello();
    if (event.type === 'doc') docs.receive(event);
  }).catch(() => undefined);
  await ready;
  await docs.open(section, fieldIds);
  return { docs, close: () => (controller.abort(), docs.close()) };
}

const line = (name: string, s: Summary, target: string, baselines: string) => `${name.padEnd(44)} p50 ${ms(s.p50).padStart(10)}  p95 ${ms(s.p95).padStart(10)}  max ${ms(s.max).padStart(10)} (n=${s.n}, target ${target}) | ${baselines}`;

/** Rows and bytes (strings as UTF-16, as Table Storage counts them) of the application's partition, and rows by kind (`u|` feed, `y|` changes, `s|` snapshots, `w|` sessions, `f|` text…). */
async function storageOf(app: RunningApp, appId: string): Promise<{ rows: number; bytes: number; kinds: string }> {
  let rows = 0;
  let bytes = 0;
  const kinds = new Map<string, number>();
  for await (const row of app.workspace.repo.table.listEntities({ queryOptions: { filter: `PartitionKey eq '${appId}'` } })) {
    rows++;
    const kind = String(row.rowKey).split('|')[0]!;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    for (const value of Object.values(row)) bytes += value instanceof Uint8Array ? value.length : typeof value === 'string' ? value.length * 2 : 8;
  }
  return { rows, bytes, kinds: [...kinds].sort().map(([k, n]) => `${k} ${n}`).join(', ') };
}

const heapMb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

async function main(): Promise<void> {
  const azurite = await startAzurite();
  const config = loadConfig({ STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: 'benchws', PORT: '0', LOG_LEVEL: 'silent', REMINDER_SCHEDULE: 'off', REMINDER_WORKERS: '0' });
  const apps: RunningApp[] = [];
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  wss.on('connection', (socket) => socket.on('message', (data) => socket.send(data)));
  try {
    const a = await startApp(config, createLogger('silent'), { clock: fixedClock(`${today}T12:00:00Z`) });
    apps.push(a);
    const b = await startApp(config, createLogger('silent'), { clock: fixedClock(`${today}T12:00:00Z`) });
    apps.push(b);
    const organisation = generateOrganisation({ staff: 120, today });
    await seedOrganisation(a.services, organisation, { today, rules: config.rules });
    // Many editors, so the per-person API rate limit (20/s) is never what is measured.
    const editors = organisation.people.map((p) => p.person).filter((p) => p.orgUnit.startsWith(`${DEMO_PCN} / `)).map((p) => p.id);
    let turn = 0;
    const editor = () => editors[turn++ % editors.length]!;

    const created = await call(a.server.url, 'E9000021', 'POST', '/api/workspaces', { practices: DEMO_PRACTICES.map((p) => ({ name: p.name, odsCode: p.odsCode })) });
    const app = created.body as ApplicationSummary;
    const sentence = (i: number) => `Learners in every practice meet their named supervisor weekly (${i}); induction, leave and rotas are shared across the PCN. `;
    const fields = WORKSPACE_DEFINITIONS.sections.flatMap((s) => s.fields);
    for (const [i, f] of fields.entries()) {
      const text = f.kind === 'table' ? `Evidence ${i}\thttps://example.nhs.uk/${i}` : f.kind === 'longtext' ? sentence(i).repeat(Math.ceil(Number(values.text) / sentence(i).length)).slice(0, Number(values.text)) : `Answer ${i}`;
      const saved = await call(a.server.url, editor(), 'PUT', `/api/workspaces/${app.id}/fields/${f.id}`, { text });
      if (saved.status !== 200) throw new Error(`save answered ${saved.status}`);
    }

    // Baselines.
    const health: number[] = [];
    const pointRead: number[] = [];
    const wsEcho: number[] = [];
    const socket = new WebSocket(`ws://127.0.0.1:${(wss.address() as { port: number }).port}`);
    await new Promise((resolve) => socket.once('open', resolve));
    for (let i = 0; i < 200; i++) {
      let started = performance.now();
      await (await fetch(`${a.server.url}/healthz`)).text();
      health.push(performance.now() - started);
      started = performance.now();
      await a.workspace.repo.getSeq(app.id);
      pointRead.push(performance.now() - started);
      started = performance.now();
      await new Promise<void>((resolve) => {
        socket.once('message', () => resolve());
        socket.send('x'.repeat(60));
      });
      wsEcho.push(performance.now() - started);
    }
    socket.close();

    // Keystrokes at 8 characters a second, seen by a tab on the other instance and one on the same.
    const fieldId = 'learners.capacity';
    const typist = await tab(a.server.url, 'E9000021', app.id, 'typist', 'learners', [fieldId]);
    const other = await tab(b.server.url, 'E9000020', app.id, 'other', 'learners', [fieldId]);
    const same = await tab(a.server.url, 'E9000023', app.id, 'same', 'learners', [fieldId]);
    await new Promise((r) => setTimeout(r, 500));
    const lengthOf = (d: FieldDocs) => d.doc(fieldId)!.getXmlFragment('content').toString().length;
    const crossInstance: number[] = [];
    const sameInstance: number[] = [];
    const fragment = typist.docs.doc(fieldId)!.getXmlFragment('content');
    const paragraph = new Y.XmlElement('paragraph');
    const textNode = new Y.XmlText();
    paragraph.insert(0, [textNode]);
    fragment.insert(fragment.length, [paragraph]);
    await new Promise((r) => setTimeout(r, 500));
    const typed = 'The PCN training coordinator is every learner’s first point of contact, and each practice names a supervisor for every session. ';
    for (let i = 0; i < Number(values.chars); i++) {
      const otherBefore = lengthOf(other.docs);
      const sameBefore = lengthOf(same.docs);
      const started = performance.now();
      textNode.insert(textNode.length, typed[i % typed.length]!);
      const arrival = (d: FieldDocs, before: number, into: number[]) =>
        new Promise<void>((resolve) => {
          const check = () => {
            if (lengthOf(d) > before) {
              into.push(performance.now() - started);
              d.doc(fieldId)!.off('update', check);
              resolve();
            }
          };
          d.doc(fieldId)!.on('update', check);
          check();
        });
      const next = new Promise((r) => setTimeout(r, 125));
      await Promise.race([Promise.all([arrival(other.docs, otherBefore, crossInstance), arrival(same.docs, sameBefore, sameInstance)]), new Promise((r) => setTimeout(r, 3000))]);
      await next;
    }
    for (const t of [typist, other, same]) t.close();

    // 10,000 edits across the 120 domain fields, as many editors at once; memory and storage around them.
    const domainFields = WORKSPACE_DEFINITIONS.sections.filter((s) => s.group === 'domain').flatMap((s) => s.fields);
    await new Promise((r) => setTimeout(r, 2500));
    const storageBefore = await storageOf(a, app.id);
    const heapBefore = heapMb();
    const editsStarted = performance.now();
    const perField = Math.ceil(Number(values.edits) / domainFields.length);
    let edits = 0;
    await Promise.all(
      domainFields.map(async (f, n) => {
        const state = (await call(a.server.url, editor(), 'GET', `/api/workspaces/${app.id}/docs?section=${f.id.split('.')[0]}`)).body.docs[f.id] as string;
        const doc = new Y.Doc({ gc: false });
        Y.applyUpdate(doc, Buffer.from(state, 'base64'));
        let last: Uint8Array | undefined;
        doc.on('update', (u: Uint8Array) => (last = u));
        const person = editors[n % editors.length]!;
        for (let i = 0; i < perField && edits < Number(values.edits); i++, edits++) {
          if (f.kind === 'longtext') {
            const first = doc.getXmlFragment('content').get(0) as Y.XmlElement;
            (first.get(0) as Y.XmlText).insert(i % 50, 'x');
          } else doc.getText('text').insert(i % 10, 'x');
          const base = n % 2 === 0 ? a.server.url : b.server.url;
          for (;;) {
            const sent = await call(base, person, 'POST', `/api/workspaces/${app.id}/fields/${f.id}/doc`, { origin: `bench${n}`, update: Buffer.from(last!).toString('base64') });
            if (sent.status === 200) break;
            if (sent.status !== 429) throw new Error(`edit answered ${sent.status}`);
            await new Promise((r) => setTimeout(r, 50));
          }
        }
      }),
    );
    const editsMs = performance.now() - editsStarted;
    const heapAfterEdits = heapMb();
    const storageAfterEdits = await storageOf(a, app.id);
    // Compaction after a quiet spell.
    await new Promise((r) => setTimeout(r, 4000));
    const storageCompacted = await storageOf(a, app.id);
    const heapSettled = heapMb();
    // The compacted change rows go 30 s after their compaction.
    await new Promise((r) => setTimeout(r, 31_000));
    const storageDropped = await storageOf(a, app.id);

    // Loads after the edits.
    const loadView: number[] = [];
    const loadDocs: number[] = [];
    let viewBytes = 0;
    let docsBytes = 0;
    for (let i = 0; i < Number(values.loads); i++) {
      const view = await call(b.server.url, editor(), 'GET', `/api/workspaces/${app.id}`);
      loadView.push(view.serverMs);
      viewBytes = JSON.stringify(view.body).length;
      const docs = await call(b.server.url, editor(), 'GET', `/api/workspaces/${app.id}/docs`);
      loadDocs.push(docs.serverMs);
      docsBytes = JSON.stringify(docs.body).length;
    }

    const baselines = `baselines: /healthz p50 ${ms(summarise(health).p50)} p95 ${ms(summarise(health).p95)}; WebSocket echo p50 ${ms(summarise(wsEcho).p50)} p95 ${ms(summarise(wsEcho).p95)}`;
    const readBase = `baseline: app-row point read p50 ${ms(summarise(pointRead).p50)} p95 ${ms(summarise(pointRead).p95)}`;
    console.log(`Workspace live benchmark: two instances on one Azurite; ${fields.length} fields written, long answers ${values.text} characters`);
    console.log(line('keystroke → tab on the other instance', summarise(crossInstance), '< 250 ms p95', baselines));
    console.log(line('keystroke → tab on the same instance', summarise(sameInstance), '< 100 ms p95', baselines));
    console.log(`${edits} edits in ${(editsMs / 1000).toFixed(1)} s (${Math.round(edits / (editsMs / 1000))}/s, ${editors.length} editors on both instances)`);
    console.log(`heap (bench and both servers, after GC): ${heapBefore.toFixed(1)} MB before, ${heapAfterEdits.toFixed(1)} MB after the edits (${(heapAfterEdits - heapBefore).toFixed(1)} MB), ${heapSettled.toFixed(1)} MB once compacted`);
    console.log(`storage of the application's partition: ${storageBefore.rows} rows / ${(storageBefore.bytes / 1024).toFixed(0)} KB before; ${storageAfterEdits.rows} rows / ${(storageAfterEdits.bytes / 1024).toFixed(0)} KB after the edits; ${storageCompacted.rows} rows / ${(storageCompacted.bytes / 1024).toFixed(0)} KB once compacted; ${storageDropped.rows} rows / ${(storageDropped.bytes / 1024).toFixed(0)} KB once the folded-in rows went (${storageDropped.kinds}; before: ${storageBefore.kinds})`);
    console.log(line(`load view after the edits (${Math.round(viewBytes / 1024)} KB)`, summarise(loadView), '< 300 ms', readBase));
    console.log(line(`load every field's document (${Math.round(docsBytes / 1024)} KB)`, summarise(loadDocs), '< 300 ms', readBase));
  } finally {
    wss.close();
    for (const app of apps) await app.stop();
    await azurite.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
