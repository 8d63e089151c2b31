import { parseArgs } from 'node:util';
import { generateOrganisation } from '../../core/demo/generate-organisation.js';
import { seedOrganisation } from '../../core/demo/seed-store.js';
import type { LearningRecord } from '../../core/learning/types.js';
import { fixedClock } from '../../core/time/clock.js';
import { addDays, localDate } from '../../core/time/local-date.js';
import { startApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { startAzurite } from '../../server/dev/azurite.js';
import { createLogger } from '../../server/logger.js';
import { productionLanguageModel } from '../../bot/language/production-model.js';
import { startEchoBot } from './echo-bot.js';
import { ms, summarise } from './stats.js';
import { startSink } from './sink.js';

/**
 * `npm run bench:whats-due`: the "what's due" turn (HTTP activity in → card out to the Bot Connector)
 * for a person with three roles in a store seeded with 25,000 staff, against a bare botbuilder echo
 * bot measured in the same run, requests interleaved so both see the same machine noise.
 */
const { values } = parseArgs({ options: { staff: { type: 'string', default: '25000' }, requests: { type: 'string', default: '1000' }, warmup: { type: 'string', default: '100' } } });
const today = localDate('2026-11-21');
const aadObjectId = '30000000-0000-4000-8000-000000000003';

function activity(serviceUrl: string, text: string, n: number) {
  return JSON.stringify({
    type: 'message',
    id: `bench-${n}`,
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:bench', name: 'Bench Three-Roles', aadObjectId },
    conversation: { id: 'a:bench-personal', conversationType: 'personal', tenantId: 't' },
    recipient: { id: '28:bot', name: 'Mandatory Learning' },
    text,
    locale: 'en-GB',
  });
}

async function timePost(url: string, body: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`status ${response.status}`);
  return performance.now() - started;
}

async function main(): Promise<void> {
  // Training the language model as a fresh process does at start-up (the server does the same once).
  const trainingStarted = performance.now();
  await productionLanguageModel();
  const trainingMs = performance.now() - trainingStarted;
  const azurite = await startAzurite();
  const sink = await startSink();
  const config = loadConfig({ STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: 'bench', PORT: '0', LOG_LEVEL: 'silent' });
  const app = await startApp(config, createLogger('silent'), { clock: fixedClock(`${today}T12:00:00Z`) });
  const echo = await startEchoBot();
  try {
    const organisation = generateOrganisation({ staff: Number(values.staff), today });
    const records: LearningRecord[] = ['fire-safety', 'ig', 'edhr', 'ipc', 'resuscitation'].map((subjectId, i) => ({
      id: `bench-${subjectId}`,
      subjectId,
      level: subjectId === 'ipc' ? 2 : 1,
      completedOn: addDays(today, -100 * (i + 1)),
      method: 'e-learning',
      source: { kind: 'esr' },
      verification: { state: 'verified' },
      recordedAt: '2026-01-01T00:00:00Z',
    }));
    organisation.people.push({
      person: {
        id: 'E9999003',
        name: 'Bench Three-Roles',
        email: 'three.roles@nhs.example',
        aadObjectId,
        staffGroup: 'Nursing and Midwifery Registered',
        category: 'employee',
        orgUnit: 'Severn Vale PCN / Oakfield Surgery',
        startDate: localDate('2019-04-01'),
        roles: ['practice-nurse', 'hca', 'staff-nurse'].map((roleId) => ({ roleId, start: localDate('2019-04-01') })),
        managerIds: ['E9000021'],
        absences: [],
      },
      records,
    });
    const seeded = await seedOrganisation(app.services, organisation, { today, rules: config.rules });
    console.log(`Seeded ${seeded.people} people, ${seeded.records} records in ${(seeded.milliseconds / 1000).toFixed(1)} s.`);

    const warmup = Number(values.warmup);
    const requests = Number(values.requests);
    for (let i = 0; i < warmup; i++) {
      await timePost(app.server.url, activity(sink.url, "what's due", i));
      await timePost(echo.url, activity(sink.url, "what's due", i));
    }
    const ours: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < requests; i++) {
      // Alternate which goes first, so neither always follows the other's garbage.
      if (i % 2 === 0) {
        ours.push(await timePost(app.server.url, activity(sink.url, "what's due", i)));
        baseline.push(await timePost(echo.url, activity(sink.url, "what's due", i)));
      } else {
        baseline.push(await timePost(echo.url, activity(sink.url, "what's due", i)));
        ours.push(await timePost(app.server.url, activity(sink.url, "what's due", i)));
      }
    }
    const a = summarise(ours);
    const b = summarise(baseline);
    console.log(`\n${requests} sequential turns each (after ${warmup} warm-up), replies delivered to a loopback Bot Connector: ${sink.count()}`);
    console.log(`what's due (3 roles, 25k staff): p50 ${ms(a.p50)}  p95 ${ms(a.p95)}  p99 ${ms(a.p99)}  max ${ms(a.max)}`);
    console.log(`echo bot (bare botbuilder):      p50 ${ms(b.p50)}  p95 ${ms(b.p95)}  p99 ${ms(b.p99)}  max ${ms(b.max)}`);
    console.log(`ratio p50: ${(a.p50 / b.p50).toFixed(2)}× (goal ≤ 2×); p99 ${a.p99 < 100 ? '<' : '≥'} 100 ms (goal < 100 ms)`);
    console.log(`language model trained at start-up in ${trainingMs.toFixed(0)} ms (goal < 2 s), never per turn`);
  } finally {
    await echo.close();
    await app.stop();
    await sink.close();
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
