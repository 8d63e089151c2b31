import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { seedOrganisation } from '../../core/demo/seed-store.js';
import { defaultCatalogue } from '../../core/learning/default-matrix.js';
import { fixedClock } from '../../core/time/clock.js';
import { localDate } from '../../core/time/local-date.js';
import { startApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { startAzurite } from '../../server/dev/azurite.js';
import { createLogger } from '../../server/logger.js';
import { createServices } from '../../server/services.js';
import type { EsrImportResult } from '../../tab/shared/esr-import.js';
import { esrExportLines, organisationForRows } from '../support/esr-export.js';

/**
 * `npm run bench:esr` (--rows 300000): an ESR export of that many rows, generated to a temporary file
 * (never committed), POSTed to the running server as a stream (preview, import, import again), timed
 * from the first byte sent to the answer. The baseline, measured in the same run on the same
 * Azurite, is the demo seeder writing the same people and records with its batched transactions
 * (what the fastest bulk load of this data costs): the ratio is what counts on a noisy machine.
 */
const { values } = parseArgs({ options: { rows: { type: 'string', default: '300000' }, concurrency: { type: 'string', default: '24' } } });
const today = localDate('2026-11-21');

async function post(url: string, file: string, mode: 'preview' | 'import'): Promise<{ ms: number; result: EsrImportResult }> {
  const started = performance.now();
  const response = await fetch(`${url}/api/esr/imports?mode=${mode}&fileName=bench.csv`, {
    method: 'POST',
    headers: { authorization: 'Bearer dev:BENCHADMIN', 'content-type': 'text/csv' },
    body: Readable.toWeb(createReadStream(file)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const result = (await response.json()) as EsrImportResult;
  if (response.status !== 200) throw new Error(`${mode}: ${response.status} ${JSON.stringify(result).slice(0, 300)}`);
  return { ms: performance.now() - started, result };
}

async function main(): Promise<void> {
  const rowsWanted = Number(values.rows);
  const folder = mkdtempSync(join(tmpdir(), 'esr-bench-'));
  const file = join(folder, 'export.csv');
  const azurite = await startAzurite();
  try {
    const organisation = organisationForRows(rowsWanted, today);
    const out = createWriteStream(file);
    let rows = -1;
    for (const line of esrExportLines(organisation, { today })) {
      rows++;
      if (!out.write(`${line}\r\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    out.end();
    await finished(out);
    const megabytes = statSync(file).size / 1024 / 1024;
    console.log(`Generated ${rows.toLocaleString('en-GB')} rows, ${organisation.people.length.toLocaleString('en-GB')} people, ${megabytes.toFixed(1)} MB.`);

    // Baseline: the seeder writing the same people and records into its own tables.
    const baselineConfig = loadConfig({ STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: 'benchseed', LOG_LEVEL: 'silent' });
    const baselineServices = createServices(baselineConfig);
    await baselineServices.ensureStorage();
    const baseline = await seedOrganisation(baselineServices, organisation, { today, rules: baselineConfig.rules });
    console.log(`Baseline (seeder): ${baseline.milliseconds} ms for ${baseline.entities.toLocaleString('en-GB')} entities.`);

    const config = loadConfig({ STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: 'benchesr', PORT: '0', LOG_LEVEL: 'silent' });
    const app = await startApp(config, createLogger('silent'), { clock: fixedClock(`${today}T12:00:00Z`) });
    try {
      await app.services.catalogue.replace(defaultCatalogue());
      await app.services.staff.savePerson({
        id: 'BENCHADMIN', name: 'Bench Admin', staffGroup: 'Administrative and Clerical', category: 'employee', orgUnit: 'Corporate',
        startDate: localDate('2020-01-01'), roles: [], managerIds: [], absences: [], permissions: ['ld-admin'],
      });
      const memoryBefore = process.memoryUsage().rss;
      let peakRss = memoryBefore;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
      const preview = await post(app.server.url, file, 'preview');
      const first = await post(app.server.url, file, 'import');
      const again = await post(app.server.url, file, 'import');
      clearInterval(sampler);
      const rate = (ms: number) => Math.round(rows / (ms / 1000)).toLocaleString('en-GB');
      console.log(`Preview:        ${preview.ms.toFixed(0)} ms (${rate(preview.ms)} rows/s), ${preview.result.errorRows} error rows`);
      console.log(`Import:         ${first.ms.toFixed(0)} ms (${rate(first.ms)} rows/s); read ${first.result.timings.readMs} ms, write ${first.result.timings.writeMs} ms, indexes ${first.result.timings.indexMs} ms; ${JSON.stringify(first.result.written)}`);
      console.log(`Import again:   ${again.ms.toFixed(0)} ms (${rate(again.ms)} rows/s); ${JSON.stringify(again.result.written)}`);
      console.log(`Import / baseline: ${(first.ms / baseline.milliseconds).toFixed(2)}×   Peak RSS of the process (Azurite is another): ${(peakRss / 1024 / 1024).toFixed(0)} MB (was ${(memoryBefore / 1024 / 1024).toFixed(0)} MB)`);
      const ok = rows / (first.ms / 1000) >= 5000;
      console.log(`Goal ≥ 5,000 rows/s into Azurite: ${ok ? 'met' : 'NOT met'}.`);
    } finally {
      await app.stop();
    }
  } finally {
    await azurite.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
