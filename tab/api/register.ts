import type { Server } from 'restify';
import type { Logger } from 'pino';
import type { AppConfig } from '../../server/config.js';
import type { Services } from '../../server/services.js';
import type { Bot } from '../../bot/create-bot.js';
import type { Clock } from '../../core/time/clock.js';
import type { WorkspaceServices } from '../../core/workspace/workspace-services.js';
import { createAuthenticator } from './caller.js';
import { registerMeRoutes } from './me-routes.js';
import { createRouteKit, type RouteKit } from './route-kit.js';
import { SsoTokenValidator } from './sso-token.js';
import { registerStaticTab } from './static-files.js';
import { TAB_ROUTE_MODULES } from './modules.js';

/** What a feature's routes may use: the configuration, the repositories, the bot (for channel posts and card updates), the clock. */
export interface TabApiContext {
  config: AppConfig;
  services: Services;
  bot: Bot;
  logger: Logger;
  clock: Clock;
  /** The workspace's use-case dependencies and live feed, built by the composition root. */
  workspace: WorkspaceServices;
}

/** Something a route module keeps open (live streams, pollers) that a graceful stop must close. */
export interface TabModuleHandle {
  close(): Promise<void>;
}

/** One feature's routes: registered on the server with the shared kit; may return a handle to close on stop. */
export type TabRouteModule = (server: Server, kit: RouteKit, context: TabApiContext) => TabModuleHandle | void;

export interface TabRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
}

export interface RegisteredTabApi {
  kit: RouteKit;
  /** Every API route registered, for the fuzz and authorisation tests to walk. */
  routes: TabRoute[];
  close(): Promise<void>;
}

/** Wraps the server so the routes a module registers are recorded as they are added. */
function recording(server: Server, routes: TabRoute[]): Server {
  const methods = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', del: 'DELETE' } as const;
  return new Proxy(server, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property === 'string' && property in methods && typeof value === 'function') {
        return (path: unknown, ...handlers: unknown[]) => {
          if (typeof path === 'string' && path.startsWith('/api/')) routes.push({ method: methods[property as keyof typeof methods], path });
          return (value as (...args: unknown[]) => unknown).call(target, path, ...handlers);
        };
      }
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The tab: its static files and every API route, behind one authenticator. */
export function registerTabApi(server: Server, context: TabApiContext): RegisteredTabApi {
  const { config, services, logger } = context;
  const kit = createRouteKit({
    authenticate: createAuthenticator({
      mode: config.mode,
      sso: config.sso ? new SsoTokenValidator(config.sso) : undefined,
      directory: services.directory,
      staff: services.staff,
    }),
    logger,
  });
  const routes: TabRoute[] = [];
  const api = recording(server, routes);
  registerStaticTab(server, config.tabWebDir);
  registerMeRoutes(api, kit, { mode: config.mode, teams: services.teams });
  const handles: TabModuleHandle[] = [];
  for (const module of TAB_ROUTE_MODULES) {
    const handle = module(api, kit, context);
    if (handle) handles.push(handle);
  }
  return {
    kit,
    routes,
    close: async () => {
      await Promise.all(handles.map((handle) => handle.close()));
    },
  };
}
