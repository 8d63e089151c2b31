import { parseArgs } from 'node:util';
import { runPlanner } from '../../core/reminders/planner.js';
import { runDelivery } from '../../core/reminders/run-report.js';
import { ConfigError, loadConfig } from '../config.js';
import { plannerDeps } from '../reminders.js';
import { createServices } from '../services.js';
import { isPortOpen } from '../dev/azurite.js';

/**
 * `npm run remind [-- --dry-run | --report]`: one planning run by hand, or the recent runs' reports. With --dry-run nothing is written or
 * queued: it prints what would be sent. Without it, it takes the planner's lease like the scheduler.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false }, report: { type: 'boolean', default: false }, limit: { type: 'string', default: '50' } } });
  const config = loadConfig();
  const usesDefaultAzurite = config.storage.connection.kind === 'connection-string' && config.storage.connection.connectionString.includes('127.0.0.1:10002/');
  if (usesDefaultAzurite && !(await isPortOpen(10002))) {
    console.error('No storage: nothing is listening on 127.0.0.1:10002. Start the product with `npm start` first, or set STORAGE_CONNECTION_STRING.');
    process.exit(1);
  }
  const services = createServices(config);
  await services.ensureStorage();
  if (values.report) {
    for (const run of await services.runs.recent(10)) {
      const d = await runDelivery(run, services.ledger);
      console.log(`${d.startedAt} ${d.runId}: planned ${d.planned}, sent ${d.sent}, failed ${d.failed}, stale ${d.stale}, skipped ${d.skipped}, waiting ${d.waiting}`);
    }
    return;
  }
  const catalogue = await services.catalogue.current();
  const outcome = await runPlanner(plannerDeps(config, services), { holder: `cli-${process.pid}`, dryRun: values['dry-run'] });
  if (outcome.kind === 'not-leader') {
    console.log('Another instance holds the planner lease right now; nothing planned.');
    return;
  }
  const { report, jobs } = outcome;
  console.log(`${values['dry-run'] ? 'Would plan' : 'Planned'} ${values['dry-run'] ? jobs.length : report.planned} reminders (${Object.entries(report.byKind).map(([k, n]) => `${n} ${k}`).join(', ') || 'none'}); already planned before: ${report.alreadyPlanned}; re-queued: ${report.requeued}.`);
  for (const job of jobs.slice(0, Number(values.limit))) {
    if (job.kind === 'due') console.log(`  due     ${job.staffId} ${catalogue.topicLabel(job.subjectId, job.level)}: due ${job.dueDate} (threshold ${job.threshold})`);
    else if (job.kind === 'digest') console.log(`  digest  ${job.staffId} week ${job.week}: ${job.overdue.length} overdue, ${job.dueSoon.length} due soon, ${job.pendingRequests} pending`);
    else console.log(`  change  ${job.staffId}: ${job.changes.length} requirement changes`);
  }
  if (jobs.length > Number(values.limit)) console.log(`  … and ${jobs.length - Number(values.limit)} more (--limit N to see more)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
});
