import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { LearningDeps } from '../core/learning/ports.js';
import type { ApprovalDeps } from '../core/learning/approvals.js';
import type { TeamRepository } from '../core/storage/team-repository.js';
import type { RequestRepository } from '../core/storage/request-repository.js';
import type { BackgroundWork } from './background.js';
import type { MessageReader } from './message-reader.js';
import type { Messenger } from './proactive.js';

export interface LearnerBotServices {
  learning: LearningDeps;
  approvals: ApprovalDeps;
  requests: Pick<RequestRepository, 'rememberCard' | 'deliveredCards' | 'inbox'>;
  teams: Pick<TeamRepository, 'listTeam' | 'isInTeam'>;
  messenger: Messenger;
  /** What a message means (the trained language model, with the asker's catalogue and team). */
  reader: MessageReader;
  background: BackgroundWork;
  logger: Logger;
  organisationName: string;
  supportContact: string;
}

/** One learner's turn: who they are (resolved on the server) and what the handlers may use. */
export interface LearnerTurn {
  context: TurnContext;
  staffId: string;
  services: LearnerBotServices;
}
