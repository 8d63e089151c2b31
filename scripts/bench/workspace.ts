import { parseArgs } from 'node:util';
import { DEMO_PRACTICES, generateOrganisation } from '../../core/demo/generate-organisation.js';
import { seedOrganisation } from '../../core/demo/seed-store.js';
import { WorkspaceRepository } from '../../core/storage/workspace-repository.js';
import { WORKSPACE_DEFINITIONS } from '../../core/workspace/definitions.js';
import { fixedClock } from '../../core/time/clock.js';
import { localDate } from '../../core/time/local-date.js';
import { startApp, type RunningApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { startAzurite } from '../../server/dev/azurite.js';
import { createLogger } from '../../server/logger.js';
import type { ApplicationSummary, WorkspaceEvent } from '../../tab/shared/workspace-api.js';
import { ms, summarise, type Summary } from './stats.js';

/**
 * `npm run bench:workspace`: the Learning Organisation workspace's three figures, each beside a
 * baseline measured in the same run (the machine is shared and noisy):
 * - save: server-side time of a field save (Server-Timing), p50 target < 50 ms; baseline: one point read of the app row;
 * - propagation: a save on instance A until an open SSE stream on instance B has the event, p95 target < 1 s;
 *   baseline: the /healthz round trip;
 * - load: server-side time of GET /api/workspaces/:id with six domains × 20 fields written, target < 300 ms.
 * Two server instances share one Azurite and one table prefix: changes travel through storage only.
 */
const { values } = parseArgs({ options: { saves: { type: 'string', default: '300' }, propagations: { type: 'string', default: '100' }, loads: { type: 'string', default: '50' }, chars: { type: 'string', default: '1500' } } });
const today = localDate('2026-11-21');
// Five Oakfield Surgery people in turn, so the per-person API rate limit (20/s) is never what is measured.
const EDITORS = ['E9000020', 'E9000021', 'E9000023', 'E9000024', 'E9000025'];
let turn = 0;
const editor = () => EDITORS[turn++ % EDITORS.length]!;

async function call(base: string, staffId: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any; serverMs: number; roundTripMs: number }> {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer dev:${staffId}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  const roundTripMs = performance.now() - started;
  const timing = /app;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '');
  return { status: response.status, body: text ? JSON.parse(text) : undefined, serverMs: timing ? Number(timing[1]) : Number.NaN, roundTripMs };
}

function paragraph(i: number, chars: number): string {
  const sentence = `Learners in every practice meet their named supervisor weekly (${i}); induction, leave and rotas are shared across the PCN. `;
  return sentence.repeat(Math.ceil(chars / sentence.length)).slice(0, chars);
}

/** An SSE reader that resolves waiters as events arrive. */
async function stream(base: string, staffId: string, appId: string) {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/workspaces/${appId}/events`, { headers: { authorization: `Bearer dev:${staffId}` }, signal: controller.signal });
  const waiters = new Map<string, (at: number) => void>();
  void (async () => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (!data) continue;
          const event = JSON.parse(data.slice(6)) as WorkspaceEvent;
          if (event.type === 'field') waiters.get(event.field.text)?.(performance.now());
        }
      }
    } catch {
      // closed
    }
  })();
  return {
    arrival: (text: string) => new Promise<number>((resolve) => waiters.set(text, resolve)),
    close: () => controller.abort(),
  };
}

const line = (name: string, s: Summary, target: string, baseline: Summary, baselineName: string) =>
  `${name.padEnd(34)} p50 ${ms(s.p50).padStart(10)}  p95 ${ms(s.p95).padStart(10)}  (n=${s.n}, target ${target}) | baseline ${baselineName}: p50 ${ms(baseline.p50)}, p95 ${ms(baseline.p95)}`;

async function main(): Promise<void> {
  const azurite = await startAzurite();
  const config = loadConfig({ STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: 'benchws', PORT: '0', LOG_LEVEL: 'silent' });
  const apps: RunningApp[] = [];
  try {
    const a = await startApp(config, createLogger('silent'), { clock: fixedClock(`${today}T12:00:00Z`) });
    apps.push(a);
    const b = await startApp(config, createLogger('silent'), { clock: fixedClock(`${today}T12:00:00Z`) });
    apps.push(b);
    await seedOrganisation(a.services, generateOrganisation({ staff: 80, today }), { today, rules: config.rules });
    const repo = new WorkspaceRepository(a.services.store);

    const created = await call(a.server.url, 'E9000021', 'POST', '/api/workspaces', { practices: DEMO_PRACTICES.map((p) => ({ name: p.name, odsCode: p.odsCode })) });
    const app = created.body as ApplicationSummary;
    const versions = new Map<string, number>();
    const saveOn = async (base: string, fieldId: string, text: string) => {
      const answer = await call(base, editor(), 'PUT', `/api/workspaces/${app.id}/fields/${fieldId}`, { text, baseVersion: versions.get(fieldId) ?? 0 });
      if (answer.status !== 200) throw new Error(`save answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      versions.set(fieldId, answer.body.field.version);
      return answer;
    };

    // Fill every field of the six domains (6 × 20) and the rest of the application: the load figure's data.
    const fields = WORKSPACE_DEFINITIONS.sections.flatMap((s) => s.fields);
    for (const [i, f] of fields.entries()) await saveOn(a.server.url, f.id, f.kind === 'table' ? `Evidence ${i}\thttps://example.nhs.uk/${i}` : paragraph(i, Number(values.chars)));
    const domainFields = WORKSPACE_DEFINITIONS.sections.filter((s) => s.group === 'domain').map((s) => s.fields.length);

    // Baselines.
    const health: number[] = [];
    const pointRead: number[] = [];
    for (let i = 0; i < 100; i++) {
      let started = performance.now();
      await (await fetch(`${a.server.url}/healthz`)).text();
      health.push(performance.now() - started);
      started = performance.now();
      await repo.getSeq(app.id);
      pointRead.push(performance.now() - started);
    }

    // Saves (server time), on fields of the domains, each a real change of a 1,500-character text.
    const saveServer: number[] = [];
    const saveTrip: number[] = [];
    const domainIds = WORKSPACE_DEFINITIONS.sections.filter((s) => s.group === 'domain').flatMap((s) => s.fields.filter((f) => f.kind === 'longtext').map((f) => f.id));
    for (let i = 0; i < Number(values.saves); i++) {
      const answer = await saveOn(a.server.url, domainIds[i % domainIds.length]!, `${paragraph(i, Number(values.chars))} save ${i}`);
      saveServer.push(answer.serverMs);
      saveTrip.push(answer.roundTripMs);
    }

    // Propagation: a save on A until B's open stream has it.
    const live = await stream(b.server.url, 'E9000020', app.id);
    await new Promise((r) => setTimeout(r, 500));
    const propagation: number[] = [];
    for (let i = 0; i < Number(values.propagations); i++) {
      const text = `Propagation ${i}: ${paragraph(i, 200)}`;
      const arrived = live.arrival(text);
      const started = performance.now();
      await saveOn(a.server.url, 'learners.capacity', text);
      propagation.push((await arrived) - started);
      // Saves arrive at a human pace, not back to back, so each lands at a random point of B's poll cycle.
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
    }
    live.close();

    // Loads of the whole application (view) with six domains of 20 fields written.
    const loadServer: number[] = [];
    const loadTrip: number[] = [];
    let bytes = 0;
    for (let i = 0; i < Number(values.loads); i++) {
      const answer = await call(b.server.url, editor(), 'GET', `/api/workspaces/${app.id}`);
      loadServer.push(answer.serverMs);
      loadTrip.push(answer.roundTripMs);
      bytes = JSON.stringify(answer.body).length;
    }

    const healthS = summarise(health);
    const pointS = summarise(pointRead);
    console.log(`Workspace benchmark: two instances on one Azurite; ${fields.length} fields written (domains: ${domainFields.join(', ')} fields), ${Number(values.chars)} characters each`);
    console.log(line('save, server-side', summarise(saveServer), '< 50 ms p50', pointS, 'app-row point read'));
    console.log(line('save, round trip', summarise(saveTrip), '-', healthS, '/healthz'));
    console.log(line('propagation A → B (SSE)', summarise(propagation), '< 1 s p95', healthS, '/healthz'));
    console.log(line(`load, server-side (${Math.round(bytes / 1024)} KB)`, summarise(loadServer), '< 300 ms', pointS, 'app-row point read'));
    console.log(line('load, round trip', summarise(loadTrip), '-', healthS, '/healthz'));
  } finally {
    for (const app of apps) await app.stop();
    await azurite.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
