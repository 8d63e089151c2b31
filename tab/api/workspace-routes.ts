import { z } from 'zod';
import {
  addCommentSchema,
  addMemberSchema,
  createApplicationSchema,
  ID_PATTERN,
  lifecycleSchema,
  linkChannelSchema,
  recordOutcomeSchema,
  requestChangesSchema,
  schedulePanelSchema,
  updatePracticesSchema,
  updateSectionSchema,
} from '../shared/workspace-api.js';
import * as applications from '../../core/workspace/applications.js';
import { addComment, requestChanges, setThreadResolved, updateSection } from '../../core/workspace/collaboration.js';
import { WORKSPACE_DEFINITIONS } from '../../core/workspace/definitions.js';
import { exportDocx, exportFileName } from '../../core/workspace/docx-export.js';
import { memberAction, recordTheOutcome, scheduleThePanel } from '../../core/workspace/lifecycle-actions.js';
import type { WorkspaceResult } from '../../core/workspace/problem.js';
import { answer } from './workspace-answer.js';
import type { TabRouteModule } from './register.js';
import { NO_REPLY, reply } from './route-kit.js';
import { registerHubRoutes } from './hub-routes.js';
import { registerFieldRoutes } from './workspace-field-routes.js';
import { registerLiveRoutes } from './workspace-live-routes.js';

/**
 * The Learning Organisation workspace API (routes listed in tab/shared/workspace-api.ts). Handlers
 * parse, call one use case in core/workspace, and answer; every decision (membership, who may edit,
 * lifecycle) is taken there from stored facts. Everything they use is built by the composition root
 * (server/workspace-services.ts) and handed in as `context.workspace`.
 */
const appParams = z.object({ id: z.string().regex(ID_PATTERN) });
const sectionParams = appParams.extend({ sectionId: z.string().regex(/^[a-z0-9-]{1,40}$/) });
const threadParams = appParams.extend({ threadId: z.string().regex(ID_PATTERN) });
const memberParams = appParams.extend({ staffId: z.string().regex(ID_PATTERN) });
const anyQuery = z.object({}).passthrough();

/** Answers with how long the server spent, so benchmarks can measure server time apart from the network. */
async function timed<T>(work: () => Promise<WorkspaceResult<T>>): Promise<unknown> {
  const started = performance.now();
  const body = answer(await work());
  return reply(200, body, { 'Server-Timing': `app;dur=${(performance.now() - started).toFixed(1)}` });
}

export const registerWorkspaceRoutes: TabRouteModule = (server, kit, context) => {
  const { deps } = context.workspace;

  server.get('/api/workspace-definitions', kit.route({}, async () => WORKSPACE_DEFINITIONS));

  server.get('/api/workspaces', kit.route({ query: anyQuery }, async ({ caller }) => answer(await applications.listApplications(deps, caller.person))));

  server.post(
    '/api/workspaces',
    ...kit.json(),
    kit.route({ body: createApplicationSchema }, async ({ caller, body }) => reply(201, answer(await applications.createApplication(deps, caller.person, body)))),
  );

  server.get(
    '/api/workspaces/by-channel/:channelId',
    kit.route({ params: z.object({ channelId: z.string().min(1).max(200) }) }, async ({ caller, params }) => answer(await applications.applicationForChannel(deps, caller.person, params.channelId))),
  );

  server.put(
    '/api/workspaces/:id/channel',
    ...kit.json(),
    kit.route({ params: appParams, body: linkChannelSchema }, async ({ caller, params, body }) => answer(await applications.linkChannel(deps, caller.person, params.id, body))),
  );

  server.get('/api/workspaces/:id', kit.route({ params: appParams, query: anyQuery }, async ({ caller, params }) => timed(() => applications.loadView(deps, caller.person, params.id))));

  server.put(
    '/api/workspaces/:id/practices',
    ...kit.json(),
    kit.route({ params: appParams, body: updatePracticesSchema }, async ({ caller, params, body }) => answer(await applications.updatePractices(deps, caller.person, params.id, body.practices))),
  );

  server.get('/api/workspaces/:id/members', kit.route({ params: appParams }, async ({ caller, params }) => answer(await applications.listMembers(deps, caller.person, params.id))));
  server.post(
    '/api/workspaces/:id/members',
    ...kit.json(),
    kit.route({ params: appParams, body: addMemberSchema }, async ({ caller, params, body }) => answer(await applications.addMember(deps, caller.person, params.id, body.staffId))),
  );
  server.del('/api/workspaces/:id/members/:staffId', kit.route({ params: memberParams }, async ({ caller, params }) => answer(await applications.removeMember(deps, caller.person, params.id, params.staffId))));

  // ── sections and comments ──
  server.patch(
    '/api/workspaces/:id/sections/:sectionId',
    ...kit.json(),
    kit.route({ params: sectionParams, body: updateSectionSchema }, async ({ caller, params, body }) => answer(await updateSection(deps, caller.person, params.id, params.sectionId, body))),
  );
  server.post(
    '/api/workspaces/:id/sections/:sectionId/changes-requested',
    ...kit.json(),
    kit.route({ params: sectionParams, body: requestChangesSchema }, async ({ caller, params, body }) => answer(await requestChanges(deps, caller.person, params.id, params.sectionId, body.note))),
  );
  server.post(
    '/api/workspaces/:id/comments',
    ...kit.json(),
    kit.route({ params: appParams, body: addCommentSchema }, async ({ caller, params, body }) => reply(201, answer(await addComment(deps, caller.person, params.id, body)))),
  );
  server.post('/api/workspaces/:id/comments/:threadId/resolve', ...kit.json(), kit.route({ params: threadParams }, async ({ caller, params }) => answer(await setThreadResolved(deps, caller.person, params.id, params.threadId, true))));
  server.post('/api/workspaces/:id/comments/:threadId/reopen', ...kit.json(), kit.route({ params: threadParams }, async ({ caller, params }) => answer(await setThreadResolved(deps, caller.person, params.id, params.threadId, false))));

  // ── lifecycle ──
  server.post(
    '/api/workspaces/:id/lifecycle',
    ...kit.json(),
    kit.route({ params: appParams, body: lifecycleSchema }, async ({ caller, params, body }) => answer(await memberAction(deps, caller.person, params.id, body.action, body.note))),
  );
  server.post(
    '/api/workspaces/:id/panel',
    ...kit.json(),
    kit.route({ params: appParams, body: schedulePanelSchema }, async ({ caller, params, body }) => answer(await scheduleThePanel(deps, caller.person, params.id, body))),
  );
  server.post(
    '/api/workspaces/:id/outcome',
    ...kit.json(),
    kit.route({ params: appParams, body: recordOutcomeSchema }, async ({ caller, params, body }) => answer(await recordTheOutcome(deps, caller.person, params.id, body))),
  );

  // ── export ──
  server.get('/api/workspaces/:id/export.docx', kit.route({ params: appParams, query: anyQuery }, async ({ caller, params, res }) => {
    const { view, rich } = answer(await applications.exportContent(deps, caller.person, params.id));
    const now = context.clock.now();
    const buffer = await exportDocx({ ...view, rich, exportedAt: now, exportedBy: caller.person.name });
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

  registerFieldRoutes(server, kit, context.workspace);
  registerLiveRoutes(server, kit, context.workspace);
  registerHubRoutes(server, kit, deps);
};
