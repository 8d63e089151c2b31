import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { LearningDeps } from '../core/learning/ports.js';
import type { ApprovalDeps } from '../core/learning/approvals.js';
import type { TeamRepository } from '../core/storage/team-repository.js';
import type { RequestRepository } from '../core/storage/request-repository.js';
import type { BackgroundWork } from './background.js';
import type { IssueDeps } from '../core/passport/issue-passport.js';
import type { PassportStore } from '../core/passport/ports.js';
import type { PresentDeps } from '../core/passport/present-passport.js';
import type { MessageReader } from './message-reader.js';
import type { Messenger } from './proactive.js';

/** Learning passports in chat: the same use cases as the tab's, and where the tab shows a passport. */
export interface BotPassportServices {
  issue: IssueDeps;
  present: PresentDeps;
  passports: Pick<PassportStore, 'listFor' | 'get'>;
  /** Where the learner downloads a passport's PDF: the tab's My learning, opened at that passport. */
  tabLink(passportId: string): string;
}

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
  passport: BotPassportServices;
}

/** One learner's turn: who they are (resolved on the server) and what the handlers may use. */
export interface LearnerTurn {
  context: TurnContext;
  staffId: string;
  services: LearnerBotServices;
}
