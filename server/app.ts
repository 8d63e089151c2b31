import type { Logger } from 'pino';
import { createBot } from '../bot/create-bot.js';
import type { AppConfig } from './config.js';
import { startHttpServer, type RunningServer } from './http-server.js';
import { createServices, type Services } from './services.js';
import { startReminders, type RunningReminders } from './reminders.js';
import { systemClock, type Clock } from '../core/time/clock.js';
import { registerTabApi, type RegisteredTabApi } from '../tab/api/register.js';
import { createReadiness, storageProbes, type Readiness } from './readiness.js';
import { startChainWriter, type RunningChainWriter } from './chain-writer.js';
import { createIdentity } from './identity.js';
import { passportCard } from '../bot/cards/passport-card.js';
import { createWorkspaceServices, type RunningWorkspace } from './workspace-services.js';
import { passportTabLink } from './passport-services.js';
import { createChannelPoster, observeChannelInstalls } from '../bot/channel-posts.js';

/** What a stop right now would cut short. */
export interface InFlightWork {
  requests: number;
  /** Open client connections (a request half received holds one without being counted as a request yet). */
  connections: number;
  byRoute: Record<string, number>;
  reminderJobs: number;
  planning: boolean;
  backgroundWork: number;
}

export interface RunningApp {
  server: RunningServer;
  services: Services;
  reminders: RunningReminders;
  readiness: Readiness;
  /** Settles audit-chain intents left by a crash (at start-up and every few seconds). */
  chainWriter: RunningChainWriter;
  /** The tab's API: its route list (for tests that walk every route) and its live streams. */
  tabApi: RegisteredTabApi;
  /** The workspace's repositories, live feed and live documents (tests and benchmarks read them). */
  workspace: RunningWorkspace;
  inFlight(): InFlightWork;
  /**
   * A graceful stop: /readyz turns 503, no new connections, open live streams closed, every request
   * already received answered, the reminder planning run and sends in hand finished, work started
   * after replies finished, and the planner lease released. Has no deadline of its own: see `abandon`.
   */
  stop(): Promise<void>;
  /** When a stop takes too long: cut the remaining connections and let the lease go, best effort. */
  abandon(): Promise<void>;
}

/** Composition root: storage, use cases, the bot and the HTTP server, wired from one configuration. */
export async function startApp(config: AppConfig, logger: Logger, options: { clock?: Clock; services?: Services } = {}): Promise<RunningApp> {
  const services = options.services ?? createServices(config, options.clock);
  await services.ensureStorage();
  const identity = createIdentity(services, logger);
  const bot = createBot({
    learning: services.learning,
    identify: (caller) => identity.staffIdOf(caller),
    conversations: services.conversations,
    requests: services.requests,
    teams: services.teams,
    approvals: services.approvals,
    logger,
    organisationName: config.organisationName,
    supportContact: config.supportContact,
    identity: config.bot,
    passport: {
      issue: services.passportUseCases.issue,
      present: services.passportUseCases.present,
      passports: services.passport.passports,
      tabLink: (passportId) => passportTabLink(config.teamsAppId, services.passport.settings.issuerUrl, passportId),
    },
  });
  const clock = options.clock ?? systemClock;
  const workspace = createWorkspaceServices({
    store: services.store,
    outbox: services.auditOutbox,
    staff: services.staff,
    audit: services.auditLog,
    clock,
    logger,
    background: (name, work) => bot.background.run(name, work),
    notifier: (repo) => createChannelPoster({ adapter: bot.adapter, appId: config.bot?.appId, repo, clock, logger }),
  });
  // The bot remembers each team's conversation reference, so the workspace's channel posts can reach it.
  observeChannelInstalls(bot.app, { repo: workspace.repo, clock, logger });
  let tabApi: RegisteredTabApi | undefined;
  let reminders: RunningReminders | undefined;
  const readiness = createReadiness(storageProbes(services, () => reminders?.holder), { timeoutMs: config.readinessTimeoutMs });
  const server = await startHttpServer(config, bot, logger, (restifyServer) => {
    tabApi = registerTabApi(restifyServer, {
      config,
      services,
      notices: bot.notices,
      passportCard,
      workspace,
      logger,
      clock: options.clock ?? systemClock,
      identify: (caller) => identity.identify(caller),
    });
  }, readiness);
  services.passport.useServerUrl(server.url); // the issuer URL in development when PASSPORT_ISSUER_URL is not set
  reminders = startReminders(config, services, logger);
  const running = reminders;
  const chainWriter = startChainWriter(services.auditOutbox, config.audit, logger);
  // Load the report summaries in the background at start, so the first report does not wait for all of them.
  void services.summaryCache.current().catch((error: unknown) => logger.warn({ event: 'reports.warm-up-failed', err: { message: (error as Error)?.message } }, 'report cache warm-up failed'));
  logger.info({ event: 'server.started', url: server.url, mode: config.mode }, 'server started');

  let stopping: Promise<void> | undefined;
  const inFlight = (): InFlightWork => {
    const requests = server.inFlight();
    const work = running.inFlight();
    return { requests: requests.total, byRoute: requests.byRoute, connections: requests.connections, reminderJobs: work.jobs, planning: work.planning, backgroundWork: bot.background.pending };
  };
  return {
    server,
    services,
    reminders: running,
    readiness,
    chainWriter,
    tabApi: tabApi!,
    workspace,
    inFlight,
    stop: () => {
      stopping ??= (async () => {
        readiness.startDraining();
        logger.info({ event: 'server.stopping', ...inFlight() }, 'stopping: draining');
        const started = Date.now();
        const phases: Record<string, number> = {};
        // No new connections from here on; resolves once every request already received is answered.
        const answered = server.close();
        const reminding = running.stop().then(() => void (phases.remindersMs = Date.now() - started));
        // Live streams never end by themselves: close them, so the server's close can complete.
        await Promise.all([tabApi?.close(), workspace.closeStreams()]).catch((error: unknown) => logger.warn({ event: 'server.streams-close-failed', err: { message: (error as Error)?.message } }, 'closing live streams failed'));
        await Promise.all([
          (async () => {
            await answered;
            phases.requestsMs = Date.now() - started;
            // Replies are out; what they started (card updates, notices) finishes before we go.
            await bot.background.drain();
            // Live-document changes still being stored, and fields waiting to be compacted, finish too.
            await workspace.close().catch((error: unknown) => logger.warn({ event: 'server.workspace-close-failed', err: { message: (error as Error)?.message } }, 'finishing the live documents failed'));
            phases.backgroundMs = Date.now() - started;
            await chainWriter.stop();
          })(),
          reminding,
        ]);
        logger.info({ event: 'server.stopped', ...phases }, 'server stopped');
      })();
      return stopping;
    },
    abandon: async () => {
      server.closeAll();
      await running.releaseLease().catch(() => undefined);
    },
  };
}
