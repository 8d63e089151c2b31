import type { Person } from '../people/types.js';
import type { ExemptionRequest, ExtensionRequest, RequestKind } from './types.js';

/**
 * Telling people about learning actions, whichever door the action came through: the same approval
 * cards to approvers, the same in-place card updates and learner notices after a decision, and a
 * plain notice to a person. The bot implements it (bot/learning-notices.ts); the composition root
 * hands it to the tab, so acting in the tab tells people exactly as acting in Teams does.
 */
export interface LearningNotices {
  /** Sends the approval card for a new request to each approver (and remembers where); returns who got it. */
  requestSent(kind: RequestKind, learnerId: string, request: ExtensionRequest | ExemptionRequest, approvers: Person[]): Promise<string[]>;
  /** After a decision taken elsewhere: every approver's card is updated and the learner told, in the background. */
  requestDecided(kind: RequestKind, learner: Person, request: ExtensionRequest | ExemptionRequest): void;
  /** A message to one person's personal chat, in the background; unreachable people are skipped. */
  tell(person: Person, title: string, lines: string[], tone?: 'good' | 'warning' | 'attention'): void;
}
