import type { LearningNotices } from '../core/learning/learning-notices.js';
import { approvalCard } from './cards/approval-card.js';
import { messageCard } from './cards/message-card.js';
import { afterDecision, approvalView, sendToApprovers } from './flows/approval-flows.js';
import type { LearnerBotServices } from './learner-turn.js';

/** The bot's side of the learning notices port: approval cards, card updates and notices, sent as from a card action. */
export function createLearningNotices(services: LearnerBotServices): LearningNotices {
  return {
    requestSent: (kind, learnerId, request, approvers) => sendToApprovers(services, kind, learnerId, request, approvers),
    requestDecided: (kind, learner, request) =>
      services.background.run('tab.after-decision', async () => {
        const decidedCard = approvalCard(await approvalView(services, kind, learner.id, request));
        await afterDecision(services, kind, learner, request, decidedCard);
      }),
    tell: (person, title, lines, tone) =>
      services.background.run('tab.notice', async () => {
        await services.messenger.send(person, messageCard(title, lines, tone ? { tone } : {}));
      }),
  };
}
