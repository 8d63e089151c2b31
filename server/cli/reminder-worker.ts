import { ConnectorPool } from '../../bot/reminders/connector-pool.js';
import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { createSender } from '../reminders.js';
import { createServices } from '../services.js';

/**
 * A standalone reminder sender (`node dist/server/cli/reminder-worker.js`): what a scaled-out
 * deployment runs beside the web instances, and what the crash tests kill. Stops on SIGTERM after
 * the jobs in hand. Prints `inflight N sent M` lines when REMINDER_WORKER_REPORT_MS is set.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const services = createServices(config);
  await services.ensureStorage();
  const sender = createSender(config, services, new ConnectorPool(config.bot), logger);
  sender.start();
  const reportEvery = Number(process.argv.find((a) => a.startsWith('--report-ms='))?.slice('--report-ms='.length) ?? 0);
  const timer = reportEvery > 0 ? setInterval(() => process.stdout.write(`inflight ${sender.inFlightCount} sent ${sender.stats.sent}\n`), reportEvery) : undefined;
  process.stdout.write('ready\n');
  const stop = async () => {
    if (timer) clearInterval(timer);
    await sender.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
