import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { mayDecide } from '../core/learning/approvals.js';
import { clean } from '../core/text/clean.js';
import type { AdaptiveCard } from './cards/card-types.js';
import { messageCard } from './cards/message-card.js';
import { VERBS } from './cards/verbs.js';
import { decide, refreshCard } from './flows/approval-flows.js';
import type { LearnerBotServices } from './learner-turn.js';

const id = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
export const DECIDE_DATA = z.object({
  kind: z.enum(['extension', 'exemption']),
  requestId: id,
  learnerId: id,
  decision: z.enum(['approve', 'decline']),
  comment: z.string().max(500).optional(),
});
export const REFRESH_DATA = z.object({ kind: z.enum(['extension', 'exemption']), requestId: id, learnerId: id });

/**
 * Universal Actions (`adaptiveCard/action` invokes): Approve/Decline and per-user refresh. The
 * answer is the card the clicker should now see; slower work runs after it (see `decide`).
 */
export function registerApprovalInvokes(app: Application<TurnState>, services: LearnerBotServices, staffIdOf: (context: TurnContext) => Promise<string | undefined>): void {
  app.adaptiveCards.actionExecute<Record<string, unknown>>(VERBS.decide, async (context, _state, data): Promise<AdaptiveCard> => {
    const parsed = DECIDE_DATA.safeParse(data);
    const actorId = await staffIdOf(context);
    if (!parsed.success || !actorId) {
      services.logger.warn({ event: 'approval.bad-invoke', reason: parsed.success ? 'unknown caller' : clean(parsed.error.issues.map((i) => i.path.join('.')).join(',')) }, 'decision refused');
      return messageCard("That didn't work", ['This button is not valid any more, or you are not known here.'], { tone: 'attention' });
    }
    const { kind, requestId, learnerId, decision, comment } = parsed.data;
    return (await decide(services, actorId, kind, { requestId, learnerId }, decision, comment)).card;
  });

  app.adaptiveCards.actionExecute<Record<string, unknown>>(VERBS.refreshRequest, async (context, _state, data): Promise<AdaptiveCard> => {
    const parsed = REFRESH_DATA.safeParse(data);
    const viewerId = await staffIdOf(context);
    if (!parsed.success || !viewerId) return messageCard('Not available', ['This card is not available to you.']);
    const [learner, viewer] = await Promise.all([services.learning.staff.getPerson(parsed.data.learnerId), services.learning.staff.getPerson(viewerId)]);
    if (!learner || !viewer || (await mayDecide(services.approvals, parsed.data.kind, learner, viewer)) !== 'yes') {
      return messageCard('Not available', ['This card is not available to you.']);
    }
    return refreshCard(services, parsed.data.kind, parsed.data);
  });
}
