import type { Request, Server } from 'restify';
import { z } from 'zod';
import { ID_PATTERN, presenceSchema, type PresenceResponse, type WorkspaceEvent } from '../shared/workspace-api.js';
import { personRef } from '../../core/workspace/access.js';
import { loadFor } from '../../core/workspace/workspace-deps.js';
import type { WorkspaceServices } from '../../core/workspace/workspace-services.js';
import { openSse } from './live/sse.js';
import type { RouteKit } from './route-kit.js';
import { NO_REPLY } from './route-kit.js';
import { asApi } from './workspace-answer.js';

/**
 * The workspace's live path: one event stream per open page (the application's events and its
 * live documents' changes, resumable with Last-Event-ID `<seq>.<dseq>`), and presence heartbeats.
 */
const appParams = z.object({ id: z.string().regex(ID_PATTERN) });
const clientParams = appParams.extend({ clientId: z.string().regex(ID_PATTERN) });

/** `12.340` (both positions), or `12` from an older page (the application's events only). */
export function parseLastEventId(raw: string | undefined): { seq?: number; dseq?: number } | undefined {
  if (!raw) return undefined;
  const both = /^(\d{1,12})\.(\d{1,12})$/.exec(raw);
  if (both) return { seq: Number(both[1]), dseq: Number(both[2]) };
  return /^\d{1,12}$/.test(raw) ? { seq: Number(raw) } : undefined;
}

export function registerLiveRoutes(server: Server, kit: RouteKit, { deps, live, presenceTiming }: WorkspaceServices): void {
  const presenceAnswer = async (appId: string): Promise<PresenceResponse> => ({ presence: await deps.presence.list(appId), ...presenceTiming });
  server.post(
    '/api/workspaces/:id/presence',
    ...kit.json(),
    kit.route({ params: appParams, body: presenceSchema }, async ({ caller, params, body }) =>
      asApi(async () => {
        await loadFor(deps, caller.person, params.id);
        await deps.presence.beat(params.id, personRef(caller.person), body);
        live.nudgePresence(params.id);
        return presenceAnswer(params.id);
      }),
    ),
  );
  server.del(
    '/api/workspaces/:id/presence/:clientId',
    kit.route({ params: clientParams }, async ({ caller, params }) =>
      asApi(async () => {
        await loadFor(deps, caller.person, params.id);
        await deps.presence.leave(params.id, caller.staffId, params.clientId);
        live.nudgePresence(params.id);
        return presenceAnswer(params.id);
      }),
    ),
  );

  server.get(
    '/api/workspaces/:id/events',
    kit.route({ params: appParams, query: z.object({ since: z.coerce.number().int().min(0).optional(), dsince: z.coerce.number().int().min(0).optional() }).passthrough() }, async ({ caller, params, query, req, res }) => {
      await asApi(() => loadFor(deps, caller.person, params.id));
      const since = lastEventId(req) ?? { ...(query.since !== undefined ? { seq: query.since } : {}), ...(query.dsince !== undefined ? { dseq: query.dsince } : {}) };
      const sse = openSse(req, res);
      let position = { seq: since.seq ?? 0, dseq: since.dseq ?? 0 };
      const sink = {
        send(event: WorkspaceEvent) {
          if (event.type === 'hello') position = { seq: event.seq, dseq: event.dseq };
          else if (event.type === 'doc') position = { ...position, dseq: event.dseq };
          else if ('seq' in event) position = { ...position, seq: event.seq };
          const stored = event.type === 'doc' || ('seq' in event && event.type !== 'hello');
          sse.send({ ...(stored || event.type === 'hello' ? { id: `${position.seq}.${position.dseq}` } : {}), event: event.type, data: event });
        },
        end: () => sse.end(),
      };
      try {
        const subscription = await live.subscribe(params.id, since, sink);
        sse.onClose(() => subscription.close());
      } catch (error) {
        sse.end();
        throw error;
      }
      return NO_REPLY;
    }),
  );
}

function lastEventId(req: Request): { seq?: number; dseq?: number } | undefined {
  return parseLastEventId(req.header('last-event-id') || undefined);
}
