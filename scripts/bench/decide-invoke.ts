import { parseArgs } from 'node:util';
import { generateOrganisation } from '../../core/demo/generate-organisation.js';
import { seedOrganisation } from '../../core/demo/seed-store.js';
import { requestExtension } from '../../core/learning/approvals.js';
import { whatsDue } from '../../core/learning/whats-due.js';
import { fixedClock } from '../../core/time/clock.js';
import { addDays, localDate } from '../../core/time/local-date.js';
import { startApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { startAzurite } from '../../server/dev/azurite.js';
import { createLogger } from '../../server/logger.js';
import { ms, summarise } from './stats.js';
import { startSink } from './sink.js';

/**
 * `npm run bench:decide`: how fast a manager's Approve (an `adaptiveCard/action` invoke) is answered,
 * in a store seeded with 25,000 staff. Teams gives up after 10–15 s; the goal is p99 under 1 s.
 */
const { values } = parseArgs({ options: { staff: { type: 'string', default: '25000' }, requests: { type: 'string', default: '300' } } });
const today = localDate('2026-11-21');

async function main(): Promise<void> {
  const azurite = await startAzurite();
  const sink = await startSink();
  const config = loadConfig({ STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: 'benchdecide', PORT: '0', LOG_LEVEL: 'silent' });
  const app = await startApp(config, createLogger('silent'), { clock: fixedClock(`${today}T12:00:00Z`) });
  try {
    const organisation = generateOrganisation({ staff: Number(values.staff), today });
    await seedOrganisation(app.services, organisation, { today, rules: config.rules });
    const approvals = app.services.approvals;

    // Pending extension requests from learners who have a manager and something due.
    const pending: { learnerId: string; requestId: string; managerAad: string }[] = [];
    for (const { person } of organisation.people) {
      if (pending.length >= Number(values.requests)) break;
      const manager = organisation.people.find((p) => p.person.id === person.managerIds[0])?.person;
      if (!manager?.aadObjectId) continue;
      const due = await whatsDue(app.services.learning, person.id);
      const item = due.kind === 'ok' ? due.compliance.items.find((i) => i.dueDate && i.status !== 'exempt') : undefined;
      if (!item?.dueDate) continue;
      const made = await requestExtension(approvals, person.id, { subjectId: item.subjectId, requestedDate: addDays(item.dueDate, 30), reason: 'Benchmark: on leave' });
      if (made.kind === 'requested') pending.push({ learnerId: person.id, requestId: made.request.id, managerAad: manager.aadObjectId });
    }

    const invokeBody = (p: (typeof pending)[number]) =>
      JSON.stringify({
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: `invoke-${p.requestId}`,
        channelId: 'msteams',
        serviceUrl: sink.url,
        from: { id: `29:${p.managerAad}`, aadObjectId: p.managerAad },
        conversation: { id: `a:${p.managerAad}`, conversationType: 'personal' },
        recipient: { id: '28:bot' },
        value: { action: { type: 'Action.Execute', verb: 'decide-request', data: { verb: 'decide-request', kind: 'extension', requestId: p.requestId, learnerId: p.learnerId, decision: 'approve' } } },
      });
    const samples: number[] = [];
    let decided = 0;
    for (const p of pending) {
      const started = performance.now();
      const response = await fetch(`${app.server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: invokeBody(p) });
      const text = await response.text();
      samples.push(performance.now() - started);
      if (text.includes('will be told')) decided++;
    }
    const s = summarise(samples);
    console.log(`${pending.length} Approve invokes (one per request, sequential, ${values.staff} staff): decided ${decided}`);
    console.log(`invoke answered: p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)}  (goal p99 < 1000 ms)`);
  } finally {
    await app.stop();
    await sink.close();
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
