import type { Server } from 'restify';
import { z } from 'zod';
import { docChangeSchema, FIELD_ID_PATTERN, ID_PATTERN, MAX_SAVE_BODY_BYTES, restoreFieldSchema, saveFieldSchema } from '../shared/workspace-api.js';
import { changeDoc, fieldHistory, getField, openDocs, restoreSession, saveFieldText, sessionContent } from '../../core/workspace/fields.js';
import type { WorkspaceServices } from '../../core/workspace/workspace-services.js';
import type { RouteKit } from './route-kit.js';
import { reply } from './route-kit.js';
import { answer } from './workspace-answer.js';

/**
 * A field's live document and its history: load the documents of a section, send a change (a
 * keystroke's Yjs update, the cursor), save a whole text, list sessions of work, show one, restore
 * one. Each handler parses, calls one use case, and answers through the one outcome mapping.
 */
const appParams = z.object({ id: z.string().regex(ID_PATTERN) });
const fieldParams = appParams.extend({ fieldId: z.string().regex(FIELD_ID_PATTERN) });
const sessionParams = fieldParams.extend({ sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/) });

/** Answers with how long the server spent, so benchmarks can measure server time apart from the network. */
async function timed<T>(work: () => Promise<T>): Promise<unknown> {
  const started = performance.now();
  const body = await work();
  return reply(200, body, { 'Server-Timing': `app;dur=${(performance.now() - started).toFixed(1)}` });
}

export function registerFieldRoutes(server: Server, kit: RouteKit, { deps }: WorkspaceServices): void {
  server.get(
    '/api/workspaces/:id/docs',
    kit.route({ params: appParams, query: z.object({ section: z.string().regex(/^[a-z0-9-]{1,40}$/).optional() }).passthrough() }, async ({ caller, params, query }) =>
      timed(async () => answer(await openDocs(deps, caller.person, params.id, query.section))),
    ),
  );
  server.post(
    '/api/workspaces/:id/fields/:fieldId/doc',
    ...kit.json(MAX_SAVE_BODY_BYTES * 2),
    kit.route({ params: fieldParams, body: docChangeSchema }, async ({ caller, params, body }) => timed(async () => answer(await changeDoc(deps, caller.person, params.id, params.fieldId, body)))),
  );
  server.get('/api/workspaces/:id/fields/:fieldId', kit.route({ params: fieldParams }, async ({ caller, params }) => answer(await getField(deps, caller.person, params.id, params.fieldId))));
  server.put(
    '/api/workspaces/:id/fields/:fieldId',
    ...kit.json(MAX_SAVE_BODY_BYTES),
    kit.route({ params: fieldParams, body: saveFieldSchema }, async ({ caller, params, body }) => timed(async () => answer(await saveFieldText(deps, caller.person, params.id, params.fieldId, body.text)))),
  );
  server.get(
    '/api/workspaces/:id/fields/:fieldId/history',
    kit.route({ params: fieldParams, query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).passthrough() }, async ({ caller, params, query }) =>
      answer(await fieldHistory(deps, caller.person, params.id, params.fieldId, query.limit)),
    ),
  );
  server.get(
    '/api/workspaces/:id/fields/:fieldId/history/:sessionId',
    kit.route({ params: sessionParams }, async ({ caller, params }) => answer(await sessionContent(deps, caller.person, params.id, params.fieldId, params.sessionId))),
  );
  server.post(
    '/api/workspaces/:id/fields/:fieldId/restore',
    ...kit.json(),
    kit.route({ params: fieldParams, body: restoreFieldSchema }, async ({ caller, params, body }) => answer(await restoreSession(deps, caller.person, params.id, params.fieldId, body.sessionId))),
  );
}
