import type { Server } from 'restify';
import { z } from 'zod';
import { recordExpiry } from '../../core/learning/compliance.js';
import { decideEvidence, isAwaitingVerification } from '../../core/learning/verify-evidence.js';
import { computeCompliance } from '../../core/learning/compliance.js';
import { todayInLondon } from '../../core/time/clock.js';
import { formatLocalDate } from '../../core/time/local-date.js';
import type { EvidenceItemView, ExemptionItemView } from '../shared/admin-api.js';
import type { DecisionAnswer } from '../shared/learning-api.js';
import { ApiError, forbidden, notFound } from './api-error.js';
import { requireCapability } from './admin-shared.js';
import { decideFromTab } from './decide-from-tab.js';
import { idSchema, uuidSchema } from './learning-context.js';
import type { TabApiContext } from './register.js';
import type { RouteKit } from './route-kit.js';

const evidenceBody = z.object({ decision: z.enum(['verify', 'reject']), reason: z.string().max(500).optional() });
const decisionBody = z.object({ decision: z.enum(['approve', 'decline']), comment: z.string().max(500).optional() });

/**
 * The two queues: certificates brought from other employers, for learning and development to verify
 * or reject; and exemption requests, for the MLOG, decided with the same use case as the cards.
 */
export function registerQueueRoutes(server: Server, kit: RouteKit, context: TabApiContext): void {
  const { services } = context;
  const learning = services.learning;

  server.get(
    '/api/admin/evidence',
    kit.route({}, async ({ caller }): Promise<{ items: EvidenceItemView[] }> => {
      requireCapability(caller, 'evidence.verify');
      const [queue, catalogue] = await Promise.all([services.evidence.pending(), learning.catalogue.current()]);
      const today = todayInLondon(learning.clock);
      const byLearner = new Map<string, typeof queue>();
      for (const item of queue) byLearner.set(item.learnerId, [...(byLearner.get(item.learnerId) ?? []), item]);
      const items: EvidenceItemView[] = [];
      await Promise.all(
        [...byLearner].map(async ([learnerId, queued]) => {
          const bundle = await learning.staff.getBundle(learnerId);
          if (!bundle) return;
          const required = new Set(computeCompliance({ ...bundle, catalogue, today, rules: learning.rules }).items.map((i) => i.subjectId));
          for (const entry of queued) {
            const record = bundle.records.find((r) => r.id === entry.recordId);
            // The queue only points at records: one already decided or gone is skipped (and tidied).
            if (!record || !isAwaitingVerification(record) || record.source.kind !== 'transferred') {
              await services.evidence.markDone(learnerId, entry.recordId, record ? (record.verification.state === 'verified' ? 'verified' : 'rejected') : 'gone');
              continue;
            }
            items.push({
              learnerId,
              learnerName: bundle.person.name,
              orgUnit: bundle.person.orgUnit,
              recordId: record.id,
              topic: catalogue.topicLabel(record.subjectId, record.level),
              completedOn: record.completedOn,
              expiresOn: recordExpiry(record, catalogue.topicFor(record.subjectId, record.level)?.renewalMonths ?? null),
              employer: record.source.employer,
              ...(record.source.reference ? { reference: record.source.reference } : {}),
              broughtAt: record.recordedAt,
              required: required.has(record.subjectId),
            });
          }
        }),
      );
      return { items: items.sort((a, b) => a.broughtAt.localeCompare(b.broughtAt)) };
    }),
  );

  server.post(
    '/api/admin/evidence/:learnerId/:recordId',
    ...kit.json(),
    kit.route({ params: z.object({ learnerId: idSchema, recordId: z.string().regex(/^cert-[0-9a-f]{24}$/, 'not a certificate id') }), body: evidenceBody }, async ({ caller, params, body }) => {
      const input = body.decision === 'verify' ? { decision: 'verify' as const } : { decision: 'reject' as const, reason: body.reason ?? '' };
      const outcome = await decideEvidence({ ...learning, queue: services.evidence }, caller.person, params, input);
      const catalogue = await learning.catalogue.current();
      switch (outcome.kind) {
        case 'decided': {
          const label = catalogue.topicLabel(outcome.record.subjectId, outcome.record.level);
          const source = outcome.record.source.kind === 'transferred' ? outcome.record.source.employer : 'another employer';
          if (outcome.record.verification.state === 'verified') {
            context.notices.tell(outcome.learner, `Certificate verified: ${label}`, [`Your certificate from ${source} (completed ${formatLocalDate(outcome.record.completedOn)}) was verified by ${caller.person.name}. It now counts towards your learning.`], 'good');
            return { message: `Verified: ${outcome.learner.name}, ${label}. It counts from now; ${outcome.learner.name} will be told.` };
          }
          const reason = outcome.record.verification.state === 'rejected' ? outcome.record.verification.reason : '';
          context.notices.tell(outcome.learner, `Certificate not accepted: ${label}`, [`Your certificate from ${source} (completed ${formatLocalDate(outcome.record.completedOn)}) was not accepted by ${caller.person.name}.`, `Reason: “${reason}”`, 'It does not count; the learning is still due as shown in what\'s due.'], 'warning');
          return { message: `Rejected: ${outcome.learner.name}, ${label}. ${outcome.learner.name} will be told why.` };
        }
        case 'already-decided':
          throw new ApiError(409, 'already-decided', `Already ${outcome.record.verification.state} by someone else.`, { state: outcome.record.verification.state });
        case 'forbidden':
          throw outcome.reason === 'own-evidence' ? new ApiError(403, 'own-evidence', 'You cannot verify your own certificate: another administrator must.') : forbidden('Only learning and development administrators can do this.');
        case 'reason-required':
          throw new ApiError(422, 'reason-required', 'Give the reason for rejecting it: the learner is told. Nothing was changed.');
        case 'not-found':
          throw notFound('That certificate is not waiting for verification any more.');
      }
    }),
  );

  server.get(
    '/api/admin/exemptions',
    kit.route({}, async ({ caller }): Promise<{ items: ExemptionItemView[] }> => {
      requireCapability(caller, 'exemption.decide');
      const [inbox, catalogue] = await Promise.all([services.requests.inbox(caller.staffId), learning.catalogue.current()]);
      const items = await Promise.all(
        inbox
          .filter((i) => i.kind === 'exemption')
          .map(async (item): Promise<ExemptionItemView | undefined> => {
            const bundle = await learning.staff.getBundle(item.learnerId);
            const request = bundle?.exemptions.find((r) => r.id === item.requestId && r.state === 'pending');
            if (!bundle || !request) return undefined;
            return {
              requestId: request.id,
              learnerId: bundle.person.id,
              learnerName: bundle.person.name,
              orgUnit: bundle.person.orgUnit,
              subject: catalogue.subjectName(request.subjectId),
              ...(request.roleId ? { role: catalogue.roleName(request.roleId) } : {}),
              reason: request.reason,
              requestedAt: request.requestedAt,
            };
          }),
      );
      return { items: items.filter((i) => i !== undefined) };
    }),
  );

  server.post(
    '/api/admin/exemptions/:learnerId/:requestId/decision',
    ...kit.json(),
    kit.route({ params: z.object({ learnerId: idSchema, requestId: uuidSchema }), body: decisionBody }, async ({ caller, params, body }): Promise<DecisionAnswer> =>
      decideFromTab(context, 'exemption', caller, params, body.decision, body.comment),
    ),
  );
}
