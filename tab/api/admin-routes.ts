import { z } from 'zod';
import { deleteTopic, saveRole, saveSubject, saveTopic, type EditResult } from '../../core/learning/edit-catalogue.js';
import { affectedStaff, isStale, SummaryRefresher, type RefreshJob } from '../../core/learning/summary-refresh.js';
import type { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import { catalogueAfter, changeImpact, describeImpact } from '../../core/reports/change-impact.js';
import { runConcurrently } from '../../core/util/concurrency.js';
import { todayInLondon } from '../../core/time/clock.js';
import type { StaffBundle } from '../../core/learning/ports.js';
import { COMPLETION_METHODS, REQUIREMENT_KINDS, type RoleDefinition, type Subject, type Topic } from '../../core/learning/types.js';
import { CatalogueRowsRepository } from '../../core/storage/catalogue-rows-repository.js';
import { ProposalRepository } from '../../core/storage/proposal-repository.js';
import { RefreshJobRepository } from '../../core/storage/refresh-job-repository.js';
import type { LocalDate } from '../../core/time/local-date.js';
import type { CatalogueAdminView, ImpactAnswer, RefreshJobView, SavedAnswer } from '../shared/admin-api.js';
import { ApiError, forbidden } from './api-error.js';
import { invalid, requireCapability, type AdminShared } from './admin-shared.js';
import { registerPeopleRoutes } from './admin-people-routes.js';
import { registerQueueRoutes } from './admin-queue-routes.js';
import { dateSchema, idSchema } from './learning-context.js';
import { registerProposalRoutes } from './proposal-routes.js';
import type { TabRouteModule } from './register.js';
import { gzipJson } from './gzip-json.js';

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

/** A refresh's reason as people read it: "after the change to Fire Safety (Level 1)", never an internal id. */
export function reasonText(reason: string, catalogue: CatalogueIndex | undefined): string {
  const match = /^(topic|role) (\S+) (changed|removed)$/.exec(reason);
  if (match && catalogue) {
    const [, kind, id, how] = match;
    if (kind === 'topic') {
      const topic = catalogue.topic(id!);
      return `after ${how === 'removed' ? 'a topic was removed' : `the change to ${topic ? catalogue.topicLabel(topic.subjectId, topic.level) : 'a topic'}`}`;
    }
    const role = catalogue.role(id!);
    return role ? `after the change to the ${role.name} role` : 'after a change to a role';
  }
  if (reason === 'refresh requested by an administrator') return 'brought up to date on request';
  return reason.startsWith('proposal') ? 'after a new local topic was added' : 'after a change to the requirement matrix';
}

export function jobView(job: RefreshJob | undefined, now: Date, catalogue?: CatalogueIndex): RefreshJobView | null {
  if (!job) return null;
  return { id: job.id, reason: reasonText(job.reason, catalogue), state: isStale(job, now) ? 'interrupted' : job.state, total: job.total, done: job.done, failed: job.failed, startedAt: job.startedAt, ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}) };
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
        throw new ApiError(409, 'conflict', `Someone else changed this ${what.toLowerCase()} while you had it open, so your change was not saved. Their version is shown now: make your change again and save.`, { current: result.current ?? null });
      case 'in-use':
        throw new ApiError(409, 'in-use', `Still required by ${result.roles.join(', ')}: take it out of those roles first. Nothing was changed.`, { roles: result.roles });
      case 'forbidden':
        throw forbidden('Only learning and development administrators can change the requirement matrix.');
    }
  };

  server.get(
    '/api/admin/catalogue',
    gzipJson(),
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
      const [job, catalogue] = await Promise.all([jobs.latest(), services.catalogue.current()]);
      return { job: jobView(job, services.clock.now(), catalogue) };
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
      return { job: jobView(job, services.clock.now(), await services.catalogue.current()) };
    }),
  );

  server.post(
    '/api/admin/impact',
    ...kit.json(),
    kit.route({ body: z.object({ topics: z.array(topicSchema).max(50).optional(), roles: z.array(roleSchema).max(200).optional() }) }, async ({ caller, body }): Promise<ImpactAnswer> => {
      requireCapability(caller, 'matrix.edit');
      const [before, held] = await Promise.all([services.catalogue.current(), services.summaryCache.current()]);
      const roles = (body.roles ?? []).map((r) => ({ ...r, requirements: r.requirements.map((q) => ({ subjectId: q.subjectId, level: q.level, ...(q.since ? { since: q.since as LocalDate } : {}) })) })) as RoleDefinition[];
      const after = catalogueAfter(before, { topics: (body.topics ?? []) as Topic[], roles });
      // The people the change can reach, as the refresh after saving would pick them: a changed subject, or a changed role.
      const ids = affectedStaff([...held.summaries.values()], { subjectIds: (body.topics ?? []).map((t) => t.subjectId), roleIds: roles.map((r) => r.id) });
      const bundles: Pick<StaffBundle, 'person' | 'records' | 'extensions' | 'exemptions'>[] = [];
      await runConcurrently(ids, 16, async (id) => {
        const bundle = await services.staff.getBundle(id);
        if (bundle) bundles.push(bundle);
      });
      const impact = changeImpact(bundles, before, after, todayInLondon(services.clock), context.config.rules);
      return { impact, sentence: describeImpact(impact), changesDueDates: impact.affected > 0 };
    }),
  );

  registerPeopleRoutes(server, kit, context);
  registerQueueRoutes(server, kit, context);
  registerProposalRoutes(server, kit, context, shared);
  void idSchema;

  return { close: () => refresher.stop() };
};
