import { parseArgs } from 'node:util';
import { generateOrganisation } from '../../core/demo/generate-organisation.js';
import { seedOrganisation } from '../../core/demo/seed-store.js';
import { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import { computeCompliance } from '../../core/learning/compliance.js';
import { summaryOf, type PersonSummary } from '../../core/learning/person-summary.js';
import { refreshSummary } from '../../core/learning/refresh-summary.js';
import { complianceReport } from '../../core/reports/compliance-report.js';
import { runConcurrently } from '../../core/storage/table-store.js';
import { fixedClock } from '../../core/time/clock.js';
import { localDate } from '../../core/time/local-date.js';
import { startApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { startAzurite } from '../../server/dev/azurite.js';
import { createServices } from '../../server/services.js';
import { createLogger } from '../../server/logger.js';
import type { ComplianceReportResponse } from '../../tab/shared/reports.js';
import { ms, summarise } from './stats.js';

/**
 * `npm run bench:report` (--staff 25000): the organisation compliance report for 25,000 staff
 * (about 11 requirements each) as the L&D administrator asks for it over HTTP, against the naive
 * way measured in the same run on the same Azurite: read every person's full record (a point read
 * of each aggregate, 16 at a time) and recompute their compliance, then aggregate. Reported:
 * the first report after start (the instance loads every summary row), and later reports (each
 * checks storage for rows changed since, then answers from memory), also right after a change.
 */
const { values } = parseArgs({ options: { staff: { type: 'string', default: '25000' }, samples: { type: 'string', default: '15' } } });
const today = localDate('2026-11-21');

async function main(): Promise<void> {
  const azurite = await startAzurite();
  const config = loadConfig({ STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: 'benchrep', PORT: '0', LOG_LEVEL: 'silent' });
  // Seed first, then start the server, as an instance starting on a populated store would.
  const seeding = createServices(config, fixedClock(`${today}T12:00:00Z`));
  await seeding.ensureStorage();
  const organisation = generateOrganisation({ staff: Number(values.staff), today });
  const seeded = await seedOrganisation(seeding, organisation, { today, rules: config.rules });
  console.log(`Seeded ${seeded.people.toLocaleString('en-GB')} people, ${seeded.records.toLocaleString('en-GB')} records in ${(seeded.milliseconds / 1000).toFixed(1)} s.`);
  const app = await startApp(config, createLogger('silent'), { clock: fixedClock(`${today}T12:00:00Z`) });
  try {
    const ids = organisation.people.map((p) => p.person.id);

    const naive = async (): Promise<number> => {
      const started = performance.now();
      const catalogue = new CatalogueIndex(await app.services.catalogue.load());
      const summaries: PersonSummary[] = [];
      await runConcurrently(ids, 16, async (id) => {
        const bundle = (await app.services.staff.getBundle(id))!;
        const result = computeCompliance({ person: bundle.person, catalogue, records: bundle.records, extensions: bundle.extensions, exemptions: bundle.exemptions, today, rules: config.rules });
        summaries.push(summaryOf(bundle.person, result));
      });
      const report = complianceReport(summaries, today, { threshold: config.complianceThreshold, dueSoonDays: config.rules.dueSoonDays });
      if (report.people !== ids.length) throw new Error('naive scan missed people');
      return performance.now() - started;
    };
    const report = async (): Promise<{ ms: number; body: ComplianceReportResponse }> => {
      const started = performance.now();
      const response = await fetch(`${app.server.url}/api/reports/compliance`, { headers: { authorization: 'Bearer dev:E9000022' } });
      const body = (await response.json()) as ComplianceReportResponse;
      if (response.status !== 200) throw new Error(`report: ${response.status}`);
      return { ms: performance.now() - started, body };
    };
    const pause = () => new Promise((resolve) => setTimeout(resolve, 1100)); // past the cache's 1 s freshness: every sample checks storage

    const cold = await report();
    console.log(`First report, asked the moment the server started (waits for the start-up load of every summary): ${ms(cold.ms)} (server ${cold.body.computedInMs} ms), ${cold.body.people} people, ${cold.body.overall.required.toLocaleString('en-GB')} requirements, ${cold.body.overall.percent} %`);
    const naiveFirst = await naive();
    console.log(`Naive scan 1: ${ms(naiveFirst)}`);
    const warm: number[] = [];
    const afterChange: number[] = [];
    const warmServer: number[] = [];
    const changedServer: number[] = [];
    for (let i = 0; i < Number(values.samples); i++) {
      await pause();
      const still = await report();
      warm.push(still.ms);
      warmServer.push(still.body.computedInMs);
      await refreshSummary(app.services.learning, ids[(i * 997) % ids.length]!);
      await pause();
      const changed = await report();
      afterChange.push(changed.ms);
      changedServer.push(changed.body.computedInMs);
    }
    const naiveSecond = await naive();
    console.log(`Naive scan 2: ${ms(naiveSecond)}`);
    const naiveMean = (naiveFirst + naiveSecond) / 2;
    const w = summarise(warm);
    const c = summarise(afterChange);
    console.log(`Later reports (nothing changed): p50 ${ms(w.p50)}, p95 ${ms(w.p95)}, max ${ms(w.max)}; server-side: ${warmServer.map((v) => v.toFixed(0)).join(', ')} ms`);
    console.log(`Later reports (one person changed since): p50 ${ms(c.p50)}, p95 ${ms(c.p95)}, max ${ms(c.max)}; server-side: ${changedServer.map((v) => v.toFixed(0)).join(', ')} ms`);
    console.log(`Ratios to the naive scan (mean ${ms(naiveMean)}): first ${((cold.ms / naiveMean) * 100).toFixed(1)} %, later ${((w.p50 / naiveMean) * 100).toFixed(2)} %, after a change ${((c.p50 / naiveMean) * 100).toFixed(2)} %`);
    console.log(`Goals: ≤ 2 s → first ${cold.ms <= 2000 ? 'met' : 'NOT met'}, later ${c.max <= 2000 ? 'met' : 'NOT met'}; ≤ 5 % of naive → first ${cold.ms / naiveMean <= 0.05 ? 'met' : 'NOT met'}, later ${c.p50 / naiveMean <= 0.05 ? 'met' : 'NOT met'}.`);
  } finally {
    await app.stop();
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
