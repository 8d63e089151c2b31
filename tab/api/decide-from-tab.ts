import { decideRequest, type Decision } from '../../core/learning/approvals.js';
import type { RequestKind } from '../../core/learning/types.js';
import type { DecisionAnswer } from '../shared/learning-api.js';
import { ApiError, forbidden, notFound } from './api-error.js';
import type { TabCaller } from './caller.js';
import { approvalDeps, when } from './learning-context.js';
import type { TabApiContext } from './register.js';

/**
 * A decision taken in the tab: the same use case as the card (decideRequest: reloaded by id, the
 * actor checked, written once under the learner's ETag), then the same aftermath as a card
 * decision: every approver's card updated in place and the learner told (bot notices, after the answer).
 */
export async function decideFromTab(
  context: TabApiContext,
  kind: RequestKind,
  caller: TabCaller,
  ids: { learnerId: string; requestId: string },
  decision: Decision,
  comment: string | undefined,
): Promise<DecisionAnswer> {
  const outcome = await decideRequest(approvalDeps(context), kind, ids, caller.staffId, decision, comment);
  switch (outcome.kind) {
    case 'not-found':
      throw notFound('This request does not exist.');
    case 'forbidden':
      context.logger.warn({ event: 'approval.refused', via: 'tab', actorId: caller.staffId, kind, reason: outcome.reason }, 'decision refused');
      throw outcome.reason === 'own-request'
        ? new ApiError(403, 'own-request', 'You cannot decide your own request.')
        : forbidden('This request is not one you can decide.');
    case 'already-decided': {
      const verb = outcome.request.state === 'approved' ? 'approved' : 'declined';
      const at = outcome.request.decidedAt ? when(outcome.request.decidedAt) : 'earlier';
      const message = outcome.byYou ? `You already ${verb} this on ${at}.` : `Already ${verb} by ${outcome.deciderName} on ${at}.`;
      throw new ApiError(409, 'already-decided', message, { state: outcome.request.state, decidedBy: outcome.deciderName, decidedAt: outcome.request.decidedAt });
    }
    case 'decided': {
      context.notices.requestDecided(kind, outcome.learner, outcome.request);
      const state = outcome.request.state === 'approved' ? 'approved' : 'declined';
      return { state, message: `${state === 'approved' ? 'Approved' : 'Declined'}. ${outcome.learner.name} will be told.` };
    }
  }
}
