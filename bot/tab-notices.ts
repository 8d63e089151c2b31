import type { ExemptionRequest, ExtensionRequest, RequestKind } from '../core/learning/types.js';
import type { Person } from '../core/people/types.js';
import { approvalCard } from './cards/approval-card.js';
import { messageCard } from './cards/message-card.js';
import { afterDecision, approvalView, sendToApprovers } from './flows/approval-flows.js';
import type { LearnerBotServices } from './learner-turn.js';

/**
 * What the tab needs from the bot so that acting in the tab tells people exactly as acting in Teams
 * does: the same approval cards to approvers, the same in-place card updates and learner notices
 * after a decision, and a plain notice to a person. The decisions themselves are core use cases.
 */
export interface TabNotices {
  /** Sends the approval card for a new request to each approver (and remembers where); returns who got it. */
  requestSent(kind: RequestKind, learnerId: string, request: ExtensionRequest | ExemptionRequest, approvers: Person[]): Promise<string[]>;
  /** After a decision taken in the tab: every approver's card is updated and the learner told, in the background. */
  requestDecided(kind: RequestKind, learner: Person, request: ExtensionRequest | ExemptionRequest): void;
  /** A message card to one person's personal chat, in the background; unreachable people are skipped (and logged by the messenger). */
  tell(person: Person, title: string, lines: string[], tone?: 'good' | 'warning' | 'attention'): void;
}

export function createTabNotices(services: LearnerBotServices): TabNotices {
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
