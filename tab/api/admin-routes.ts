import { z } from 'zod';
import { deleteTopic, saveRole, saveSubject, saveTopic, type EditResult } from '../../core/learning/edit-catalogue.js';
import { affectedStaff, isStale, SummaryRefresher, type RefreshJob } from '../../core/learning/summary-refresh.js';
import { COMPLETION_METHODS, REQUIREMENT_KINDS, type RoleDefinition, type Subject, type Topic } from '../../core/learning/types.js';
import { CatalogueRowsRepository } from '../../core/storage/catalogue-rows-repository.js';
import { ProposalRepository } from '../../core/storage/proposal-repository.js';
import { RefreshJobRepository } from '../../core/storage/refresh-job-repository.js';
import type { LocalDate } from '../../core/time/local-date.js';
import type { CatalogueAdminView, RefreshJobView, SavedAnswer } from '../shared/admin-api.js';
import { ApiError, forbidden } from './api-error.js';
import { invalid, requireCapability, type AdminShared } from './admin-shared.js';
import { registerPeopleRoutes } from './admin-people-routes.js';
import { registerQueueRoutes } from './admin-queue-routes.js';
import { dateSchema, idSchema } from './learning-context.js';
import { registerProposalRoutes } from './proposal-routes.js';
import type { TabRouteModule } from './register.js';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and hyphens');
const subjectSchema = z.object({ id: slug, name: z.string().max(200), kind: z.enum(REQUIREMENT_KINDS), aliases: z.array(z.string().max(100)).max(50) });
const topicSchema = z.object({
  id: z.string().max(80),
  subjectId: slug,
  level: z.number().int(),
  levelName: z.string().max(100),
  renewalMonths: z.number().int().nullable(),
  methods: z.array(z.enum(COMPLETION_METHODS)).max(COMPLETION_METHODS.length),
  link: z.string().max(500).optional(),
  audience: z.string().max(500).optional(),
});
const roleSchema = z.object({
  id: slug,
  name: z.string().max(200),
  staffGroup: z.string().max(200).optional(),
  requirements: z.array(z.object({ subjectId: slug, level: z.number().int().min(1).max(9), since: dateSchema.optional() })).max(200),
});
const saveBody = <T extends z.ZodTypeAny>(value: T) => z.object({ value, etag: z.string().max(200).optional() });

export function jobView(job: RefreshJob | undefined, now: Date): RefreshJobView | null {
  if (!job) return null;
  return { id: job.id, reason: job.reason, state: isStale(job, now) ? 'interrupted' : job.state, total: job.total, done: job.done, failed: job.failed, startedAt: job.startedAt, ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}) };
}

/**
 * Learning and development administration: the requirement matrix (this file), people, the
 * evidence and exemption queues, and local topic proposals (their own files), sharing one summary
 * refresher per process. A matrix change takes effect on compliance at once (the catalogue cache of
 * this instance is dropped; other instances see the new version within a second) and the summary
 * rows the reports read are recomputed for the people it can affect, in the background, with the
 * job's progress on record.
 */
export const registerAdminRoutes: TabRouteModule = (server, kit, context) => {
  const { services } = context;
  const { catalogueRows: rows, refreshJobs: jobs, summaryRefresher: refresher } = services;
  const shared: AdminShared = {
    rows,
    jobs,
    refresher,
    proposals: services.proposals,
    catalogueEdit: {
      rows,
      catalogue: services.catalogue,
      auditLog: services.auditLog,
      onRequirementsChanged: async (change, actorId) => {
        await refresher.start(change.reason, actorId, (summaries) => affectedStaff(summaries, change));
      },
    },
  };

  const answer = <T>(result: EditResult<T>, what: string): SavedAnswer<T> => {
    switch (result.kind) {
      case 'saved':
        return { value: result.value, etag: result.etag, message: `${what} saved. Compliance uses it from now on.` };
      case 'deleted':
        return { value: undefined as T, etag: '', message: `${what} removed.` };
      case 'invalid':
        throw invalid(result.problems);
      case 'conflict':
        throw new ApiError(409, 'conflict', `Someone changed this ${what.toLowerCase()} since you opened it: here is the current version. Nothing was saved.`, { current: result.current ?? null });
      case 'in-use':
        throw new ApiError(409, 'in-use', `Still required by ${result.roles.join(', ')}: take it out of those roles first. Nothing was changed.`, { roles: result.roles });
      case 'forbidden':
        throw forbidden('Only learning and development administrators can change the requirement matrix.');
    }
  };

  server.get(
    '/api/admin/catalogue',
    kit.route({}, async ({ caller }): Promise<CatalogueAdminView> => {
      requireCapability(caller, 'matrix.read');
      const all = await rows.list();
      const byName = <T extends { value: { name?: string; id: string } }>(a: T, b: T) => (a.value.name ?? a.value.id).localeCompare(b.value.name ?? b.value.id);
      return {
        subjects: all.subjects.sort(byName),
        topics: all.topics.sort((a, b) => a.value.subjectId.localeCompare(b.value.subjectId) || a.value.level - b.value.level),
        roles: all.roles.sort(byName),
        methods: [...COMPLETION_METHODS],
      };
    }),
  );

  server.put(
    '/api/admin/subjects/:id',
    ...kit.json(),
    kit.route({ params: z.object({ id: slug }), body: saveBody(subjectSchema) }, async ({ caller, params, body }) => {
      if (body.value.id !== params.id) throw new ApiError(400, 'bad-request', 'The id in the path and the body differ.');
      return answer(await saveSubject(shared.catalogueEdit, caller.person, body.value as Subject, body.etag), 'Subject');
    }),
  );

  server.put(
    '/api/admin/topics/:id',
    ...kit.json(),
    kit.route({ params: z.object({ id: z.string().max(80) }), body: saveBody(topicSchema) }, async ({ caller, params, body }) => {
      if (body.value.id !== params.id) throw new ApiError(400, 'bad-request', 'The id in the path and the body differ.');
      return answer(await saveTopic(shared.catalogueEdit, caller.person, body.value as Topic, body.etag), 'Topic');
    }),
  );

  server.del(
    '/api/admin/topics/:id',
    kit.route({ params: z.object({ id: z.string().max(80) }), query: z.object({ etag: z.string().min(1).max(200) }) }, async ({ caller, params, query }) =>
      answer(await deleteTopic(shared.catalogueEdit, caller.person, params.id, query.etag), 'Topic'),
    ),
  );

  server.put(
    '/api/admin/roles/:id',
    ...kit.json(),
    kit.route({ params: z.object({ id: slug }), body: saveBody(roleSchema) }, async ({ caller, params, body }) => {
      if (body.value.id !== params.id) throw new ApiError(400, 'bad-request', 'The id in the path and the body differ.');
      const role: RoleDefinition = { ...body.value, requirements: body.value.requirements.map((r) => ({ subjectId: r.subjectId, level: r.level, ...(r.since ? { since: r.since as LocalDate } : {}) })) };
      return answer(await saveRole(shared.catalogueEdit, caller.person, role, body.etag), 'Role');
    }),
  );

  server.get(
    '/api/admin/summary-refresh',
    kit.route({}, async ({ caller }) => {
      requireCapability(caller, 'matrix.read');
      return { job: jobView(await jobs.latest(), services.clock.now()) };
    }),
  );

  server.post(
    '/api/admin/summary-refresh',
    ...kit.json(),
    kit.route({}, async ({ caller }) => {
      requireCapability(caller, 'matrix.edit');
      // Chained before it starts: a refresh only recomputes what the stored facts already say.
      await services.auditLog.append({ actorId: caller.staffId, action: 'summaries.refresh-started', summary: 'every summary recomputed' });
      const job = await refresher.start('refresh requested by an administrator', caller.staffId);
      return { job: jobView(job, services.clock.now()) };
    }),
  );

  registerPeopleRoutes(server, kit, context);
  registerQueueRoutes(server, kit, context);
  registerProposalRoutes(server, kit, context, shared);
  void idSchema;

  return { close: () => refresher.stop() };
};
