import { randomUUID } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import restify from 'restify';
import type { Logger } from 'pino';
import { z, ZodError, type ZodTypeAny } from 'zod';
import { ApiError, unauthorized } from './api-error.js';
import { clean } from '../../core/text/clean.js';
import type { Authentication, TabCaller } from './caller.js';
import { UserRateLimiter } from './user-rate-limiter.js';

/**
 * The one way a tab API route is written: authenticate, rate-limit, validate params/query/body with
 * zod, run the use case, answer JSON. Errors become `{ error: { code, message, details? } }`:
 * ApiError as itself, zod failures as 400 with the issues, anything else as a logged 500.
 */
export interface RouteKit {
  route<P extends ZodTypeAny = ZodTypeAny, Q extends ZodTypeAny = ZodTypeAny, B extends ZodTypeAny = ZodTypeAny>(
    spec: RouteSpec<P, Q, B>,
    handler: (input: RouteInput<P, Q, B>) => Promise<unknown>,
  ): (req: Request, res: Response) => Promise<void>;
  /** Body parsing for JSON routes: `server.post(path, ...kit.json(), kit.route(...))`. */
  json(maxBytes?: number): restify.RequestHandler[];
  authenticate(req: Request): Promise<TabCaller>;
}

export interface RouteSpec<P, Q, B> {
  params?: P;
  query?: Q;
  body?: B;
  /** Routes that need no caller (the development person picker, the public config). */
  anonymous?: boolean;
}

export interface RouteInput<P extends ZodTypeAny, Q extends ZodTypeAny, B extends ZodTypeAny> {
  caller: TabCaller;
  params: z.infer<P>;
  query: z.infer<Q>;
  body: z.infer<B>;
  req: Request;
  res: Response;
}

/** Handlers return a value (sent as 200 JSON), `reply(status, body)`, or `NO_REPLY` when they wrote the response themselves. */
export const NO_REPLY = Symbol('no-reply');
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}
export const reply = (status: number, body: unknown, headers?: Record<string, string>) => new Reply(status, body, headers);

export const DEFAULT_JSON_LIMIT = 1024 * 1024;

export function createRouteKit(options: {
  authenticate: (authorization: string | undefined) => Promise<Authentication>;
  logger: Logger;
  rateLimiter?: UserRateLimiter;
}): RouteKit {
  const limiter = options.rateLimiter ?? new UserRateLimiter({ perSecond: 20, burst: 60 });

  const authenticate = async (req: Request): Promise<TabCaller> => {
    const result = await options.authenticate(req.headers.authorization);
    if (!result.ok) {
      options.logger.info({ event: 'tab.auth-refused', reason: result.reason, path: clean(req.path(), 120) }, 'tab request refused');
      if (result.status === 403) throw new ApiError(403, 'not-registered', 'Your account is not linked to a staff record here. Ask your learning and development team.');
      throw unauthorized();
    }
    return result.caller;
  };

  return {
    json: (maxBytes = DEFAULT_JSON_LIMIT) => [
      (req, res, next) => {
        const type = req.headers['content-type'] ?? '';
        if (req.method !== 'GET' && req.method !== 'DELETE' && req.contentLength() > 0 && !/^application\/json\b/i.test(type)) {
          sendError(res, new ApiError(415, 'unsupported-media-type', 'Send JSON (Content-Type: application/json).'));
          return next(false);
        }
        return next();
      },
      ...(restify.plugins.bodyParser({ maxBodySize: maxBytes, mapParams: false, rejectUnknown: true }) as unknown as restify.RequestHandler[]),
    ],
    authenticate,
    route: (spec, handler) => async (req, res) => {
      try {
        const caller = spec.anonymous ? (undefined as unknown as TabCaller) : await authenticate(req);
        if (caller && !limiter.take(caller.staffId)) {
          throw new ApiError(429, 'rate-limited', 'Too many requests: wait a moment and try again.');
        }
        const params = spec.params ? parseOr400(spec.params, req.params ?? {}, 'path') : req.params;
        const query = spec.query ? parseOr400(spec.query, req.query ?? {}, 'query') : req.query;
        const body = spec.body ? parseOr400(spec.body, req.body ?? {}, 'body') : undefined;
        const result = await handler({ caller, params, query, body, req, res } as never);
        if (result === NO_REPLY) return;
        if (result instanceof Reply) {
          for (const [name, value] of Object.entries(result.headers)) res.header(name, value);
          res.send(result.status, result.body);
        } else {
          res.send(200, result ?? {});
        }
      } catch (error) {
        // An unexpected failure may come after a write: the answer never claims that nothing changed.
        const reference = randomUUID().slice(0, 8);
        if (!(error instanceof ApiError) || error.status >= 500) {
          options.logger.error({ event: 'tab.route-failed', path: clean(req.path(), 120), reference, err: error }, 'tab request failed');
        }
        if (!res.headersSent) {
          sendError(res, error instanceof ApiError ? error : new ApiError(500, 'internal', `Something went wrong on our side (reference ${reference}). Reload to see what was saved, then try again.`));
        }
      }
    },
  };
}

function parseOr400<S extends ZodTypeAny>(schema: S, value: unknown, where: string): z.infer<S> {
  try {
    return schema.parse(value);
  } catch (error) {
    if (error instanceof ZodError) {
      const issues = error.issues.map((issue) => ({ path: [where, ...issue.path].join('.'), message: issue.message }));
      throw new ApiError(400, 'invalid', `The ${where} is not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
    }
    throw error;
  }
}

export function sendError(res: Response, error: ApiError): void {
  res.send(error.status, { error: { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) } });
}

/** Registers a module of routes; each feature's routes live in their own file and export one of these. */
export type RouteModule = (server: Server, kit: RouteKit) => void;
