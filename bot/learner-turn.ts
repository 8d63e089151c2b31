import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { LearningDeps } from '../core/learning/ports.js';
import type { Person } from '../core/people/types.js';
import type { AdaptiveCard } from './cards/card-types.js';

/** Delivers a card to a person who is not in this conversation (a manager), if Teams can reach them. */
export type NotifyPerson = (person: Person, card: AdaptiveCard) => Promise<'sent' | 'unreachable'>;

export interface LearnerBotServices {
  learning: LearningDeps;
  logger: Logger;
  organisationName: string;
  supportContact: string;
  notify: NotifyPerson;
}

/** One learner's turn: who they are (resolved on the server) and what the handlers may use. */
export interface LearnerTurn {
  context: TurnContext;
  staffId: string;
  services: LearnerBotServices;
}
