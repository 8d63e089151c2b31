import type { Request, Response } from 'restify';
import { z } from 'zod';
import {
  addCommentSchema,
  addMemberSchema,
  createApplicationSchema,
  FIELD_ID_PATTERN,
  ID_PATTERN,
  lifecycleSchema,
  linkChannelSchema,
  MAX_SAVE_BODY_BYTES,
  presenceSchema,
  recordOutcomeSchema,
  requestChangesSchema,
  restoreFieldSchema,
  saveFieldSchema,
  schedulePanelSchema,
  updatePracticesSchema,
  updateSectionSchema,
  type PresenceResponse,
  type WorkspaceEvent,
} from '../shared/workspace-api.js';
import { createChannelPoster, observeChannelInstalls } from '../../bot/channel-posts.js';
import { PresenceRepository, EXPIRES_SECONDS, HEARTBEAT_SECONDS } from '../../core/storage/workspace-presence.js';
import { StaffDirectoryCache } from '../../core/storage/workspace-people.js';
import { WorkspaceRepository } from '../../core/storage/workspace-repository.js';
import { ResourceRepository } from '../../core/storage/workspace-resources.js';
import { personRef } from '../../core/workspace/access.js';
import * as applications from '../../core/workspace/applications.js';
import { addComment, requestChanges, setThreadResolved, updateSection } from '../../core/workspace/collaboration.js';
import { WORKSPACE_DEFINITIONS } from '../../core/workspace/definitions.js';
import { exportDocx, exportFileName } from '../../core/workspace/docx-export.js';
import { fieldHistory, getField, restoreField, saveField } from '../../core/workspace/fields.js';
import { memberAction, recordTheOutcome, scheduleThePanel } from '../../core/workspace/lifecycle-actions.js';
import { LiveFeed } from '../../core/workspace/live-feed.js';
import { loadFor, type WorkspaceDeps } from '../../core/workspace/workspace-deps.js';
import { asApi } from './workspace-problem.js';
import type { TabApiContext, TabModuleHandle, TabRouteModule } from './register.js';
import { NO_REPLY, reply } from './route-kit.js';
import { registerHubRoutes } from './hub-routes.js';

/**
 * The Learning Organisation workspace API (routes listed in tab/shared/workspace-api.ts). Handlers
 * parse, call one use case in core/workspace, and answer; every decision (membership, who may edit,
 * lifecycle) is taken there from stored facts. Live streams poll storage, so changes made through
 * another instance arrive too.
 */
const appParams = z.object({ id: z.string().regex(ID_PATTERN) });
const fieldParams = appParams.extend({ fieldId: z.string().regex(FIELD_ID_PATTERN) });
const sectionParams = appParams.extend({ sectionId: z.string().regex(/^[a-z0-9-]{1,40}$/) });
const threadParams = appParams.extend({ threadId: z.string().regex(ID_PATTERN) });
const memberParams = appParams.extend({ staffId: z.string().regex(ID_PATTERN) });
const clientParams = appParams.extend({ clientId: z.string().regex(ID_PATTERN) });
const anyQuery = z.object({}).passthrough();

/** Answers with how long the server spent, so benchmarks can measure server time apart from the network. */
async function timed(work: () => Promise<unknown>): Promise<unknown> {
  const started = performance.now();
  const body = await asApi(work);
  return reply(200, body, { 'Server-Timing': `app;dur=${(performance.now() - started).toFixed(1)}` });
}

export function createWorkspaceDeps(context: TabApiContext, changed?: (appId: string) => void): WorkspaceDeps {
  const { services, logger, clock } = context;
  const bot = context.workspaceBot;
  const repo = new WorkspaceRepository(services.store);
  const people = new StaffDirectoryCache(services.store);
  return {
    repo,
    presence: new PresenceRepository(services.store),
    resources: new ResourceRepository(services.store),
    staff: services.staff,
    people: () => people.list(),
    audit: services.auditLog,
    clock,
    definitions: WORKSPACE_DEFINITIONS,
    notifier: createChannelPoster({ adapter: bot.adapter as never, appId: context.config.bot?.appId, repo, clock, logger }),
    background: (name, work) => bot.background.run(name, work),
    ...(changed ? { changed } : {}),
  };
}

export const registerWorkspaceRoutes: TabRouteModule = (server, kit, context): TabModuleHandle => {
  const { logger } = context;
  // The feed is told about changes committed here, so streams on this instance need not wait for their next poll.
  let feed: LiveFeed | undefined;
  const deps = createWorkspaceDeps(context, (appId) => feed?.nudge(appId));
  const { repo, presence } = deps;
  feed = new LiveFeed(
    { readSeq: (id) => repo.getSeq(id), readEvents: (id, after, upTo) => repo.listEvents(id, after, upTo), readPresence: (id) => presence.list(id) },
    { onError: (error, appId) => logger.warn({ event: 'workspace.live-poll-failed', appId, err: { message: (error as Error)?.message } }, 'live poll failed') },
  );
  const live = feed;
  observeChannelInstalls(context.workspaceBot.app as never, { repo, clock: context.clock, logger });

  server.get('/api/workspace-definitions', kit.route({}, async () => WORKSPACE_DEFINITIONS));

  server.get('/api/workspaces', kit.route({ query: anyQuery }, async ({ caller }) => asApi(() => applications.listApplications(deps, caller.person))));

  server.post(
    '/api/workspaces',
    ...kit.json(),
    kit.route({ body: createApplicationSchema }, async ({ caller, body }) => reply(201, await asApi(() => applications.createApplication(deps, caller.person, body)))),
  );

  server.get(
    '/api/workspaces/by-channel/:channelId',
    kit.route({ params: z.object({ channelId: z.string().min(1).max(200) }) }, async ({ caller, params }) => asApi(() => applications.applicationForChannel(deps, caller.person, params.channelId))),
  );

  server.put(
    '/api/workspaces/:id/channel',
    ...kit.json(),
    kit.route({ params: appParams, body: linkChannelSchema }, async ({ caller, params, body }) => asApi(() => applications.linkChannel(deps, caller.person, params.id, body))),
  );

  server.get('/api/workspaces/:id', kit.route({ params: appParams, query: anyQuery }, async ({ caller, params }) => timed(() => applications.loadView(deps, caller.person, params.id))));

  server.put(
    '/api/workspaces/:id/practices',
    ...kit.json(),
    kit.route({ params: appParams, body: updatePracticesSchema }, async ({ caller, params, body }) => asApi(() => applications.updatePractices(deps, caller.person, params.id, body.practices))),
  );

  server.get('/api/workspaces/:id/members', kit.route({ params: appParams }, async ({ caller, params }) => asApi(() => applications.listMembers(deps, caller.person, params.id))));
  server.post(
    '/api/workspaces/:id/members',
    ...kit.json(),
    kit.route({ params: appParams, body: addMemberSchema }, async ({ caller, params, body }) => asApi(() => applications.addMember(deps, caller.person, params.id, body.staffId))),
  );
  server.del('/api/workspaces/:id/members/:staffId', kit.route({ params: memberParams }, async ({ caller, params }) => asApi(() => applications.removeMember(deps, caller.person, params.id, params.staffId))));

  // ── fields ──
  server.get('/api/workspaces/:id/fields/:fieldId', kit.route({ params: fieldParams }, async ({ caller, params }) => asApi(() => getField(deps, caller.person, params.id, params.fieldId))));
  server.put(
    '/api/workspaces/:id/fields/:fieldId',
    ...kit.json(MAX_SAVE_BODY_BYTES),
    kit.route({ params: fieldParams, body: saveFieldSchema }, async ({ caller, params, body }) => timed(() => saveField(deps, caller.person, params.id, params.fieldId, body))),
  );
  server.get(
    '/api/workspaces/:id/fields/:fieldId/history',
    kit.route({ params: fieldParams, query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).passthrough() }, async ({ caller, params, query }) =>
      asApi(() => fieldHistory(deps, caller.person, params.id, params.fieldId, query.limit)),
    ),
  );
  server.post(
    '/api/workspaces/:id/fields/:fieldId/restore',
    ...kit.json(),
    kit.route({ params: fieldParams, body: restoreFieldSchema }, async ({ caller, params, body }) => asApi(() => restoreField(deps, caller.person, params.id, params.fieldId, body))),
  );

  // ── sections and comments ──
  server.patch(
    '/api/workspaces/:id/sections/:sectionId',
    ...kit.json(),
    kit.route({ params: sectionParams, body: updateSectionSchema }, async ({ caller, params, body }) => asApi(() => updateSection(deps, caller.person, params.id, params.sectionId, body))),
  );
  server.post(
    '/api/workspaces/:id/sections/:sectionId/changes-requested',
    ...kit.json(),
    kit.route({ params: sectionParams, body: requestChangesSchema }, async ({ caller, params, body }) => asApi(() => requestChanges(deps, caller.person, params.id, params.sectionId, body.note))),
  );
  server.post(
    '/api/workspaces/:id/comments',
    ...kit.json(),
    kit.route({ params: appParams, body: addCommentSchema }, async ({ caller, params, body }) => reply(201, await asApi(() => addComment(deps, caller.person, params.id, body)))),
  );
  server.post('/api/workspaces/:id/comments/:threadId/resolve', ...kit.json(), kit.route({ params: threadParams }, async ({ caller, params }) => asApi(() => setThreadResolved(deps, caller.person, params.id, params.threadId, true))));
  server.post('/api/workspaces/:id/comments/:threadId/reopen', ...kit.json(), kit.route({ params: threadParams }, async ({ caller, params }) => asApi(() => setThreadResolved(deps, caller.person, params.id, params.threadId, false))));

  // ── lifecycle ──
  server.post(
    '/api/workspaces/:id/lifecycle',
    ...kit.json(),
    kit.route({ params: appParams, body: lifecycleSchema }, async ({ caller, params, body }) => asApi(() => memberAction(deps, caller.person, params.id, body.action, body.note))),
  );
  server.post(
    '/api/workspaces/:id/panel',
    ...kit.json(),
    kit.route({ params: appParams, body: schedulePanelSchema }, async ({ caller, params, body }) => asApi(() => scheduleThePanel(deps, caller.person, params.id, body))),
  );
  server.post(
    '/api/workspaces/:id/outcome',
    ...kit.json(),
    kit.route({ params: appParams, body: recordOutcomeSchema }, async ({ caller, params, body }) => asApi(() => recordTheOutcome(deps, caller.person, params.id, body))),
  );

  // ── presence ──
  const presenceAnswer = async (appId: string): Promise<PresenceResponse> => ({ presence: await presence.list(appId), heartbeatSeconds: HEARTBEAT_SECONDS, expiresInSeconds: EXPIRES_SECONDS });
  server.post(
    '/api/workspaces/:id/presence',
    ...kit.json(),
    kit.route({ params: appParams, body: presenceSchema }, async ({ caller, params, body }) =>
      asApi(async () => {
        await loadFor(deps, caller.person, params.id);
        await presence.beat(params.id, personRef(caller.person), body);
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
        await presence.leave(params.id, caller.staffId, params.clientId);
        live.nudgePresence(params.id);
        return presenceAnswer(params.id);
      }),
    ),
  );

  // ── live events ──
  server.get('/api/workspaces/:id/events', kit.route({ params: appParams, query: z.object({ since: z.coerce.number().int().min(0).optional() }).passthrough() }, async ({ caller, params, query, req, res }) => {
    await asApi(() => loadFor(deps, caller.person, params.id));
    const since = lastEventId(req) ?? query.since;
    await stream(req, res, (sink) => live.subscribe(params.id, since, sink));
    return NO_REPLY;
  }));

  // ── export ──
  server.get('/api/workspaces/:id/export.docx', kit.route({ params: appParams, query: anyQuery }, async ({ caller, params, res }) => {
    const view = await asApi(() => applications.loadView(deps, caller.person, params.id));
    const now = context.clock.now();
    const buffer = await exportDocx({ ...view, exportedAt: now, exportedBy: caller.person.name });
    await deps.audit.append({ actorId: caller.staffId, action: 'workspace.exported', target: params.id, summary: `DOCX of ${view.application.pcnName}` });
    res.writeHead(200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': `attachment; filename="${exportFileName(view.application, now)}"`,
      'Content-Length': buffer.length,
      'Cache-Control': 'no-store',
    });
    res.end(buffer);
    return NO_REPLY;
  }));

  registerHubRoutes(server, kit, deps);

  return {
    close: async () => {
      await live.close();
    },
  };
};

function lastEventId(req: Request): number | undefined {
  const raw = req.header('last-event-id');
  if (!raw || !/^\d{1,12}$/.test(raw)) return undefined;
  return Number(raw);
}

/** Server-sent events: one `event`/`id`/`data` block per event, a comment every 15 s so proxies keep the connection. */
async function stream(req: Request, res: Response, subscribe: (sink: { send(event: WorkspaceEvent): void; end(): void }) => Promise<{ close(): void }>): Promise<void> {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-store, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write(': connected\n\n');
  let ended = false;
  const sink = {
    send(event: WorkspaceEvent) {
      if (ended) return;
      const id = 'seq' in event && event.type !== 'hello' ? `id: ${event.seq}\n` : '';
      res.write(`${id}event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    },
    end() {
      if (ended) return;
      ended = true;
      res.end();
    },
  };
  let subscription: { close(): void };
  try {
    subscription = await subscribe(sink);
  } catch (error) {
    sink.end();
    throw error;
  }
  const keepAlive = setInterval(() => {
    if (!ended) res.write(': keep-alive\n\n');
  }, 15_000);
  keepAlive.unref();
  const stop = () => {
    clearInterval(keepAlive);
    subscription.close();
    ended = true;
  };
  req.once('close', stop);
  res.once('close', stop);
}
