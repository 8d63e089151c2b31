import { parseArgs } from 'node:util';
import pino from 'pino';
import { ConnectorPool } from '../../bot/reminders/connector-pool.js';
import { SendPacer } from '../../bot/reminders/rate-limiter.js';
import { runPlanner } from '../../core/reminders/planner.js';
import { loadConfig } from '../../server/config.js';
import { startAzurite } from '../../server/dev/azurite.js';
import { createSender, plannerDeps } from '../../server/reminders.js';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { seedReminderPeople } from '../support/reminder-seed.js';

/**
 * `npm run bench:reminders`: with a fake Bot Connector that accepts R messages a second (and answers
 * 429 + Retry-After beyond), how close do the senders get to R while sending N reminders? And how
 * many are delivered twice (there are no crashes here, so the answer must be 0)?
 */
const { values } = parseArgs({ options: { rate: { type: 'string', default: '200' }, reminders: { type: 'string', default: '10000' }, senders: { type: 'string', default: '2' } } });
const rate = Number(values.rate);
const total = Number(values.reminders);
const perPerson = 5;

interface Stats {
  accepted: number;
  distinct: number;
  duplicates: number;
  rateLimited: number;
  rate: number;
}

async function startConnectorProcess(): Promise<{ serviceUrl: string; stats(): Promise<Stats>; stop(): void }> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('../support/limited-connector-process.js', import.meta.url)), '--rate', String(rate)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())));
  const [, serviceUrl = '', , statsUrl = ''] = line.trim().split(' ');
  return { serviceUrl, stats: async () => (await (await fetch(statsUrl)).json()) as Stats, stop: () => child.kill('SIGTERM') };
}

async function main(): Promise<void> {
  const azurite = await startAzurite();
  const connector = await startConnectorProcess();
  try {
    const config = loadConfig({
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      TABLE_PREFIX: 'benchrem',
      LOG_LEVEL: 'silent',
      REMINDER_SCHEDULE: 'off',
      WORKING_HOURS: '00:00-24:00',
      WORKING_DAYS: '0,1,2,3,4,5,6',
      SEND_RATE_PER_SECOND: String(rate),
    });
    const services = await seedReminderPeople(config, connector.serviceUrl, Math.ceil(total / perPerson), perPerson);
    const outcome = await runPlanner(plannerDeps(config, services), { holder: 'bench' });
    if (outcome.kind !== 'ran') throw new Error('planner did not run');
    const expected = outcome.jobs.map((j) => j.id);
    const pacer = new SendPacer(rate, 7);
    const pool = new ConnectorPool(undefined);
    const senders = Array.from({ length: Number(values.senders) }, () => createSender(config, services, pool, pino({ level: 'silent' }), pacer));
    const started = performance.now();
    for (const sender of senders) sender.start();
    let stats = await connector.stats();
    while (stats.distinct < expected.length && performance.now() - started < 10 * 60_000) {
      await new Promise((r) => setTimeout(r, 200));
      stats = await connector.stats();
    }
    const seconds = (performance.now() - started) / 1000;
    await Promise.all(senders.map((s) => s.stop()));
    stats = await connector.stats();
    console.log(`${expected.length} reminders, ${values.senders} senders, connector limit R = ${rate}/s (connector in its own process)`);
    console.log(`first to last accepted: ${stats.rate.toFixed(1)} messages/s = ${((stats.rate / rate) * 100).toFixed(1)} % of R (goal ≥ 98 %); wall clock from start ${seconds.toFixed(1)} s`);
    console.log(`missing ${expected.length - stats.distinct}, duplicates ${stats.duplicates}, 429 answers ${stats.rateLimited}`);
  } finally {
    connector.stop();
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
