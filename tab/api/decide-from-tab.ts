import { decideRequest, type Decision } from '../../core/learning/approvals.js';
import type { RequestKind } from '../../core/learning/types.js';
import type { DecisionAnswer } from '../shared/learning-api.js';
import { answerHttp } from './answer-http.js';
import { decisionAnswer } from '../../core/learning/answers/decision-answer.js';
import type { TabCaller } from './caller.js';
import { approvalDeps } from './learning-context.js';
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
  if (outcome.kind === 'forbidden') context.logger.warn({ event: 'approval.refused', via: 'tab', actorId: caller.staffId, kind, reason: outcome.reason }, 'decision refused');
  const { message } = answerHttp(decisionAnswer(outcome));
  if (outcome.kind !== 'decided') throw new Error('unreachable: a refused decision is thrown above');
  context.notices.requestDecided(kind, outcome.learner, outcome.request);
  return { state: outcome.request.state === 'approved' ? 'approved' : 'declined', message };
}
