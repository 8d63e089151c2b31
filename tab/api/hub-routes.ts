import type { Server } from 'restify';
import { z } from 'zod';
import { ID_PATTERN, resourceSchema, type Resource, type ResourcesResponse } from '../shared/workspace-api.js';
import type { Person } from '../../core/people/types.js';
import { personRef } from '../../core/workspace/access.js';
import { hubOverview, publishedList } from '../../core/workspace/applications.js';
import { sectionDefinition } from '../../core/workspace/definitions.js';
import { newId, type WorkspaceDeps } from '../../core/workspace/workspace-deps.js';
import { badRequest, forbidden, notFound } from './api-error.js';
import type { RouteKit } from './route-kit.js';
import { reply } from './route-kit.js';
import { answer } from './workspace-answer.js';
import { can } from '../../core/people/authorisation.js';

/**
 * The training hub's side: the overview across every PCN (hub reviewers), the published list of
 * approved Learning Organisations (anyone signed in), and the resource library every workspace shows
 * beside the sections it helps with (maintained by hub reviewers and L&D administrators).
 */
const canManageLibrary = (person: Person) => can(person, 'hub.library');

export function registerHubRoutes(server: Server, kit: RouteKit, deps: WorkspaceDeps): void {
  server.get('/api/hub/applications', kit.route({}, async ({ caller }) => answer(await hubOverview(deps, caller.person))));
  server.get('/api/hub/learning-organisations', kit.route({}, async () => answer(await publishedList(deps))));

  server.get(
    '/api/resources',
    kit.route({ query: z.object({ sectionId: z.string().max(40).optional() }).passthrough() }, async ({ caller, query }): Promise<ResourcesResponse> => {
      const all = await deps.resources.list();
      const resources = query.sectionId ? all.filter((r) => r.sectionIds.length === 0 || r.sectionIds.includes(query.sectionId!)) : all;
      return { resources, canManage: canManageLibrary(caller.person) };
    }),
  );

  const write = async (person: Person, id: string, body: z.infer<typeof resourceSchema>): Promise<Resource> => {
    if (!canManageLibrary(person)) throw forbidden('The resource library is kept by the training hub.');
    const unknown = body.sectionIds.filter((s) => !sectionDefinition(s));
    if (unknown.length) throw badRequest(`Unknown sections: ${unknown.join(', ')}.`);
    const resource: Resource = {
      id,
      title: body.title,
      kind: body.kind,
      url: body.url,
      ...(body.description ? { description: body.description } : {}),
      sectionIds: [...new Set(body.sectionIds)],
      updatedAt: deps.clock.now().toISOString(),
      updatedBy: personRef(person),
    };
    await deps.resources.save(resource);
    await deps.audit.append({ actorId: person.id, action: 'workspace.resource-saved', target: id, summary: body.title });
    return resource;
  };

  server.post('/api/resources', ...kit.json(), kit.route({ body: resourceSchema }, async ({ caller, body }) => reply(201, await write(caller.person, newId('r'), body))));
  server.put(
    '/api/resources/:resourceId',
    ...kit.json(),
    kit.route({ params: z.object({ resourceId: z.string().regex(ID_PATTERN) }), body: resourceSchema }, async ({ caller, params, body }) => {
      if (!canManageLibrary(caller.person)) throw forbidden('The resource library is kept by the training hub.');
      if (!(await deps.resources.get(params.resourceId))) throw notFound('That resource does not exist.');
      return write(caller.person, params.resourceId, body);
    }),
  );
  server.del(
    '/api/resources/:resourceId',
    kit.route({ params: z.object({ resourceId: z.string().regex(ID_PATTERN) }) }, async ({ caller, params }) => {
      if (!canManageLibrary(caller.person)) throw forbidden('The resource library is kept by the training hub.');
      if (!(await deps.resources.remove(params.resourceId))) throw notFound('That resource does not exist.');
      await deps.audit.append({ actorId: caller.staffId, action: 'workspace.resource-deleted', target: params.resourceId });
      return { deleted: true };
    }),
  );
}
