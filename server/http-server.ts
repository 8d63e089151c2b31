import restify from 'restify';
import type { Logger } from 'pino';
import { checkActivityShape } from '../bot/activity-shape.js';
import type { Bot } from '../bot/create-bot.js';
import type { AppConfig } from './config.js';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The restify server: the bot endpoint, health, and (with later issues) the tab and its API.
 * Errors are caught once here: logged in detail, answered with a generic body.
 */
export async function startHttpServer(
  config: Pick<AppConfig, 'host' | 'port' | 'bot'>,
  bot: Bot,
  logger: Logger,
  registerMore: (server: restify.Server) => void = () => undefined,
): Promise<RunningServer> {
  const server = restify.createServer({ name: 'mandatory-learning', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // Bodies are parsed per route: activities are small, a workspace field may be 200,000 characters, an ESR file is streamed.
  const activityBody = restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, rejectUnknown: true }) as unknown as restify.RequestHandler[];

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });

  server.post('/api/messages', ...activityBody, async (req: restify.Request, res: restify.Response) => {
    // With a bot identity, an unsigned request is refused before its body is even looked at.
    if (config.bot && !req.headers.authorization) {
      res.send(401, { error: 'unauthorized' });
      return;
    }
    const shape = checkActivityShape(req.body);
    if (!shape.ok) {
      logger.warn({ event: 'http.bad-activity', reason: shape.error }, 'activity refused');
      res.send(400, { error: shape.error });
      return;
    }
    try {
      await bot.adapter.process(req, res, (context) => bot.app.run(context).then(() => undefined));
    } catch (error) {
      logger.error({ event: 'http.messages-failed', err: error }, 'bot request failed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    }
  });

  registerMore(server);

  server.on('restifyError', (_req, _res, error: Error & { statusCode?: number }, callback: () => void) => {
    if ((error.statusCode ?? 500) >= 500) logger.error({ event: 'http.error', err: error }, 'request failed');
    return callback();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = address.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets of idle clients must not hold the process open.
        (server.server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      }),
  };
}
