import { parseArgs } from 'node:util';
import { generateOrganisation } from '../../core/demo/generate-organisation.js';
import { seedOrganisation } from '../../core/demo/seed-store.js';
import { systemClock, todayInLondon } from '../../core/time/clock.js';
import { localDate } from '../../core/time/local-date.js';
import { ConfigError, environmentWith, loadConfig } from '../config.js';
import { isPortOpen, startAzurite, type RunningAzurite } from '../dev/azurite.js';
import { createServices } from '../services.js';

/**
 * `npm run seed -- --staff 25000 [--reset] [--today 2026-11-21] [--concurrency 16]`: writes a generated
 * organisation into the configured storage (Azurite on 10002 by default; an in-memory Azurite is
 * started for the run when none is there and no storage is configured) and prints how long it took.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      staff: { type: 'string', default: '200' },
      reset: { type: 'boolean', default: false },
      today: { type: 'string' },
      concurrency: { type: 'string', default: '16' },
      'table-prefix': { type: 'string' },
    },
  });
  const staff = Number(values.staff);
  if (!Number.isInteger(staff) || staff < 1 || staff > 1_000_000) throw new Error('--staff must be a whole number from 1 to 1,000,000');
  let config = loadConfig(environmentWith(values['table-prefix'] ? { TABLE_PREFIX: values['table-prefix'] } : {}));
  let azurite: RunningAzurite | undefined;
  const usesDefaultAzurite = config.mode === 'development' && config.storage.connection.kind === 'connection-string' && config.storage.connection.connectionString.includes(':10002/');
  if (usesDefaultAzurite && !(await isPortOpen(10002))) {
    azurite = await startAzurite();
    config = loadConfig(environmentWith({ STORAGE_CONNECTION_STRING: azurite.connectionString, ...(values['table-prefix'] ? { TABLE_PREFIX: values['table-prefix'] } : {}) }));
    console.log('No Azurite on 10002 and no storage configured: seeding a temporary in-memory Azurite (the figures still hold).');
  }
  const services = createServices(config);
  if (values.reset) await services.store.dropTables();
  await services.ensureStorage();
  const today = values.today ? localDate(values.today) : todayInLondon(systemClock);
  const generatedAt = performance.now();
  const organisation = generateOrganisation({ staff, today });
  const generateMs = Math.round(performance.now() - generatedAt);
  const report = await seedOrganisation(services, organisation, {
    today,
    rules: config.rules,
    concurrency: Number(values.concurrency),
    onProgress: (done) => process.stdout.write(`\r  ${done} people written…`),
  });
  process.stdout.write('\n');
  const seconds = report.milliseconds / 1000;
  console.log(
    `Seeded ${report.people} people, ${report.records} learning records (${(report.records / report.people).toFixed(1)} each), ` +
      `${report.entities} entities in ${seconds.toFixed(1)} s (${Math.round(report.entities / seconds)} entities/s); generation ${generateMs} ms.`,
  );
  await azurite?.stop();
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
});
