import type { Server } from 'restify';
import { z } from 'zod';
import { addProposalMessage, decideProposal, isMlog, maySee, submitProposal, type Proposal, type ProposalDeps, type ProposalResult } from '../../core/learning/proposals.js';
import { COMPLETION_METHODS } from '../../core/learning/types.js';
import type { ProposalDto, ProposalListView } from '../shared/admin-api.js';
import { ApiError, forbidden, notFound } from './api-error.js';
import { invalid, type AdminShared } from './admin-shared.js';
import { uuidSchema } from './learning-context.js';
import type { TabApiContext } from './register.js';
import type { RouteKit } from './route-kit.js';

const contentBody = z.object({
  title: z.string().max(200),
  risk: z.string().max(10_000),
  outcomeMeasures: z.string().max(10_000),
  audiences: z.string().max(10_000),
  staffGroups: z.array(z.string().trim().min(1).max(120)).max(30),
  learningOutcomes: z.string().max(10_000),
  deliveryMethods: z.array(z.enum(COMPLETION_METHODS)).max(COMPLETION_METHODS.length),
  renewalMonths: z.number().int().nullable(),
  competenceAssessment: z.string().max(10_000),
  roleIds: z.array(z.string().max(80)).max(100),
  link: z.string().url().max(500).optional(),
});

function dto(p: Proposal): ProposalDto {
  return {
    ...p,
    thread: p.thread.map((m) => ({ id: m.id, authorName: m.authorName, side: m.side, text: m.text, at: m.at })),
    ...(p.decision ? { decision: { decision: p.decision.decision, byName: p.decision.byName, at: p.decision.at, comment: p.decision.comment, ...(p.decision.subjectId ? { subjectId: p.decision.subjectId, topicId: p.decision.topicId!, roleIds: p.decision.roleIds ?? [] } : {}) } } : {}),
  };
}

function answer(result: ProposalResult): ProposalDto {
  switch (result.kind) {
    case 'ok':
      return dto(result.proposal);
    case 'invalid':
      throw invalid(result.problems);
    case 'forbidden':
      throw result.reason === 'own-proposal'
        ? new ApiError(403, 'own-proposal', 'You cannot decide your own proposal: another MLOG member must.')
        : forbidden(result.reason === 'not-mlog' ? 'Only members of the mandatory learning oversight group (MLOG) can decide proposals.' : 'Only the proposer and the MLOG can write in this thread.');
    case 'already-decided':
      throw new ApiError(409, 'already-decided', `Already ${result.proposal.state} by ${result.proposal.decision?.byName ?? 'the MLOG'}.`, { proposal: dto(result.proposal) });
    case 'not-found':
      throw notFound('No such proposal.');
  }
}

/**
 * Proposals for local topics: anyone (a subject matter expert) proposes; the proposer, the MLOG and
 * learning and development see it; the MLOG asks questions in its thread and decides; an approval
 * becomes a topic in the catalogue with its requirements.
 */
export function registerProposalRoutes(server: Server, kit: RouteKit, context: TabApiContext, shared: AdminShared): void {
  const deps: ProposalDeps = { proposals: shared.proposals, catalogueEdit: shared.catalogueEdit, clock: context.services.clock };

  server.get(
    '/api/proposals',
    kit.route({}, async ({ caller }): Promise<ProposalListView> => {
      const [all, catalogue] = await Promise.all([shared.proposals.list(), context.services.catalogue.current()]);
      return {
        proposals: all.filter((p) => maySee(caller.person, p)).map(dto),
        canDecide: isMlog(caller.person),
        roleOptions: catalogue.catalogue.roles.map((r) => ({ id: r.id, name: r.name })).sort((a, b) => a.name.localeCompare(b.name)),
        methods: [...COMPLETION_METHODS],
      };
    }),
  );

  server.post(
    '/api/proposals',
    ...kit.json(),
    kit.route({ body: contentBody }, async ({ caller, body }) => {
      const { link, ...rest } = body;
      return answer(await submitProposal(deps, caller.person, { ...rest, ...(link ? { link } : {}) }));
    }),
  );

  server.get(
    '/api/proposals/:id',
    kit.route({ params: z.object({ id: uuidSchema }) }, async ({ caller, params }) => {
      const found = await shared.proposals.get(params.id);
      if (!found || !maySee(caller.person, found.proposal)) throw notFound('No such proposal.');
      return dto(found.proposal);
    }),
  );

  server.post(
    '/api/proposals/:id/messages',
    ...kit.json(),
    kit.route({ params: z.object({ id: uuidSchema }), body: z.object({ text: z.string().max(5000) }) }, async ({ caller, params, body }) => {
      const found = await shared.proposals.get(params.id);
      if (!found || !maySee(caller.person, found.proposal)) throw notFound('No such proposal.');
      return answer(await addProposalMessage(deps, caller.person, params.id, body.text));
    }),
  );

  server.post(
    '/api/proposals/:id/decision',
    ...kit.json(),
    kit.route({ params: z.object({ id: uuidSchema }), body: z.object({ decision: z.enum(['approve', 'decline']), comment: z.string().max(4000), roleIds: z.array(z.string().max(80)).max(100).optional() }) }, async ({ caller, params, body }) =>
      answer(await decideProposal(deps, caller.person, params.id, { decision: body.decision, comment: body.comment, ...(body.roleIds ? { roleIds: body.roleIds } : {}) })),
    ),
  );
}
