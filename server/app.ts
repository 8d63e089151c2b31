import type { Logger } from 'pino';
import { createBot } from '../bot/create-bot.js';
import type { AppConfig } from './config.js';
import { startHttpServer, type RunningServer } from './http-server.js';
import { createServices, type Services } from './services.js';
import { startReminders, type RunningReminders } from './reminders.js';
import { systemClock, type Clock } from '../core/time/clock.js';
import { registerTabApi, type RegisteredTabApi } from '../tab/api/register.js';

export interface RunningApp {
  server: RunningServer;
  services: Services;
  reminders: RunningReminders;
  stop(): Promise<void>;
}

/** Composition root: storage, use cases, the bot and the HTTP server, wired from one configuration. */
export async function startApp(config: AppConfig, logger: Logger, options: { clock?: Clock; services?: Services } = {}): Promise<RunningApp> {
  const services = options.services ?? createServices(config, options.clock);
  await services.ensureStorage();
  const bot = createBot({
    learning: services.learning,
    directory: services.directory,
    conversations: services.conversations,
    requests: services.requests,
    teams: services.teams,
    permissionHolders: (permission) => services.directory.holdersOf(permission),
    policy: config.approvals,
    logger,
    organisationName: config.organisationName,
    supportContact: config.supportContact,
    identity: config.bot,
  });
  let tabApi: RegisteredTabApi | undefined;
  const server = await startHttpServer(config, bot, logger, (restifyServer) => {
    tabApi = registerTabApi(restifyServer, { config, services, bot, logger, clock: options.clock ?? systemClock });
  });
  const reminders = startReminders(config, services, logger);
  logger.info({ event: 'server.started', url: server.url, mode: config.mode }, 'server started');
  return {
    server,
    services,
    reminders,
    stop: async () => {
      await tabApi?.close();
      await server.close();
      await reminders.stop();
      await bot.background.drain();
      logger.info({ event: 'server.stopped' }, 'server stopped');
    },
  };
}
