// Only modules that load neither http nor restify nor the Azure SDK are imported statically here:
// telemetry must hook module loading before those are imported (the app is imported dynamically below).
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startTelemetry } from './telemetry.js';

/**
 * Production entry point: `node dist/server/main.js` with the environment configured.
 *
 * SIGTERM (App Service stopping or scaling in, Ctrl-C locally) starts a graceful stop: /readyz turns 503,
 * no new connections, in-flight requests and reminder sends finish, the planner lease is released. If
 * that takes longer than SHUTDOWN_DEADLINE_SECONDS, the process logs what it abandoned and exits anyway.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const telemetry = await startTelemetry(config.telemetryConnectionString);
  const { startApp } = await import('./app.js');
  const app = await startApp(config, logger);
  logger.info({ event: 'telemetry', enabled: telemetry.enabled, shutdownDeadlineMs: config.shutdownDeadlineMs }, telemetry.enabled ? 'telemetry to Application Insights' : 'telemetry off');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      logger.warn({ event: 'server.signal-while-stopping', signal }, 'already stopping');
      return;
    }
    stopping = true;
    const started = Date.now();
    logger.info({ event: 'server.signal', signal, deadlineMs: config.shutdownDeadlineMs }, 'graceful stop');
    let deadline: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      app.stop().then(
        () => 'clean' as const,
        (error: unknown) => {
          logger.error({ event: 'server.stop-failed', err: { message: (error as Error)?.message } }, 'graceful stop failed');
          return 'failed' as const;
        },
      ),
      new Promise<'deadline'>((resolve) => (deadline = setTimeout(() => resolve('deadline'), config.shutdownDeadlineMs))),
    ]);
    clearTimeout(deadline);
    if (outcome !== 'clean') {
      // Whatever is still open is logged (counts and routes only), then cut; the lease is let go so another instance can plan at once.
      logger.warn({ event: 'server.abandoned', reason: outcome, afterMs: Date.now() - started, ...app.inFlight() }, 'stopping with work unfinished');
      await Promise.race([app.abandon(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    }
    await telemetry.shutdown();
    logger.info({ event: 'server.exit', outcome, afterMs: Date.now() - started }, 'exiting');
    // pino writes synchronously to stdout by default, so the last line is out before we exit.
    process.exit(outcome === 'clean' ? 0 : 1);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
