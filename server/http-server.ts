import type { IncomingMessage, ServerResponse } from 'node:http';
import restify from 'restify';
import type { Logger } from 'pino';
import { checkActivityShape } from '../bot/activity-shape.js';
import type { Bot } from '../bot/create-bot.js';
import type { AppConfig } from './config.js';
import type { Readiness } from './readiness.js';

export interface RunningServer {
  url: string;
  port: number;
  /** Requests received and not yet answered, by route (method and path, never the query). */
  inFlight(): { total: number; byRoute: Record<string, number>; connections: number };
  /**
   * Stops accepting connections at once, answers every request already received (their connections
   * close after the answer), and resolves when the last one is answered.
   */
  close(): Promise<void>;
  /** Cuts every remaining connection (a shutdown deadline has passed). */
  closeAll(): void;
}

/** A path with its ids and other values replaced (`/api/workspaces/:/fields/:`), safe to log: no ids of people, no names. */
function routeShape(url: string | undefined): string {
  const path = (url ?? '').split('?')[0]!;
  return path.split('/').map((segment) => (segment === '' || /^[a-z][a-z-]{0,30}$/.test(segment) ? segment : ':')).join('/').slice(0, 100);
}

/** `localhost`, `127.x.x.x` or `[::1]`, with or without a port. */
export function isLoopbackHost(host: string | undefined): boolean {
  const name = (host ?? '').trim().toLowerCase().replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

/**
 * The restify server: the bot endpoint, health, and (with later issues) the tab and its API.
 * Errors are caught once here: logged in detail, answered with a generic body.
 */
export async function startHttpServer(
  config: Pick<AppConfig, 'host' | 'port' | 'bot' | 'mode'>,
  bot: Bot,
  logger: Logger,
  registerMore: (server: restify.Server) => void = () => undefined,
  readiness?: Readiness,
): Promise<RunningServer> {
  // No name: restify would send it as a `Server` header, telling a stranger what runs here.
  const server = restify.createServer({ name: '', handleUncaughtExceptions: false });
  const node = server.server as unknown as import('node:http').Server;
  // Idle kept-alive connections stay open longer than any client or load balancer keeps them (App
  // Service's front end, undici's 4 s), so the server is never the one closing a socket a client is
  // just reusing (the client would see ECONNRESET). A graceful stop closes idle connections itself.
  node.keepAliveTimeout = 65_000;
  node.headersTimeout = 66_000;

  // Every request is counted until its answer is finished (or its connection is gone), so a graceful
  // stop knows what it is waiting for and a deadline can say what it abandoned.
  const open = new Map<ServerResponse, string>();
  let closing = false;
  let connections = 0;
  node.on('connection', (socket: import('node:net').Socket) => {
    connections++;
    socket.once('close', () => connections--);
  });
  node.on('request', (req: IncomingMessage, res: ServerResponse) => {
    open.set(res, `${req.method ?? '?'} ${routeShape(req.url)}`);
    // Once closing, a request that still arrives on a kept-alive connection is answered, then the connection closes.
    if (closing) res.setHeader('connection', 'close');
    const done = () => {
      open.delete(res);
      if (!closing) return;
      node.closeIdleConnections();
      // Everything received is answered: what is left are connections with nothing in flight (a client
      // that never finished sending a body the server refused early, say), which would otherwise hold
      // the stop for the whole keep-alive timeout.
      if (open.size === 0) node.closeAllConnections();
    };
    res.once('finish', done);
    res.once('close', done);
  });
  server.pre((req: restify.Request, res: restify.Response, next: restify.Next) => {
    // Development mode has no authentication: it answers only requests addressed to loopback, so a
    // web page elsewhere cannot reach it through a DNS name rebound to 127.0.0.1.
    if (config.mode === 'development' && !isLoopbackHost(req.headers.host)) {
      logger.warn({ event: 'http.host-refused' }, 'development server refused a request for a non-loopback host');
      res.send(421, { error: { code: 'misdirected', message: 'This development server answers only on localhost / 127.0.0.1.' } });
      return next(false);
    }
    if (config.mode === 'production') res.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // Answers of the API carry personal data: never kept by a browser or a proxy.
    if (!req.url?.startsWith('/tab')) res.header('Cache-Control', 'no-store');
    return next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // Bodies are parsed per route: activities are small, a workspace field may be 200,000 characters, an ESR file is streamed.
  const activityBody = restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, rejectUnknown: true }) as unknown as restify.RequestHandler[];

  // Alive: the process answers HTTP. Nothing else is checked, so a storage outage never gets a live process restarted.
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });

  // Ready: storage, the reminder lease and the queue answer, and the instance is not draining.
  server.get('/readyz', async (_req: restify.Request, res: restify.Response) => {
    if (!readiness) {
      res.send(200, { status: 'ready', checks: {} });
      return;
    }
    const report = await readiness.check();
    res.send(report.status === 'ready' ? 200 : 503, report);
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
    if (config.bot) {
      // Authenticate first, so every way a token can be bad (expired, not yet valid, forged signature,
      // unknown key, wrong audience, issuer or service URL) is a 401; botbuilder answers some with 500.
      const refused = await bot.refusesToken(req.body, req.headers.authorization ?? '');
      if (refused) {
        logger.info({ event: 'http.bot-token-refused', reason: refused }, 'bot request refused');
        res.send(401, { error: 'unauthorized' });
        return;
      }
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
    inFlight: () => {
      const byRoute: Record<string, number> = {};
      for (const route of open.values()) byRoute[route] = (byRoute[route] ?? 0) + 1;
      return { total: open.size, byRoute, connections };
    },
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        // Answers not yet started will tell their clients the connection closes after them.
        for (const res of open.keys()) if (!res.headersSent) res.setHeader('connection', 'close');
        node.close(() => resolve());
        // Keep-alive sockets of idle clients must not hold the process open.
        node.closeIdleConnections();
        if (open.size === 0) node.closeAllConnections();
      }),
    closeAll: () => node.closeAllConnections(),
  };
}
