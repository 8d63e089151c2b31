import type { LearningDeps } from '../core/learning/ports.js';
import { CatalogueRepository } from '../core/storage/catalogue-repository.js';
import { DirectoryRepository } from '../core/storage/directory-repository.js';
import { StaffRepository } from '../core/storage/staff-repository.js';
import { SummaryRepository } from '../core/storage/summary-repository.js';
import { ConversationRepository } from '../core/storage/conversation-repository.js';
import { ConcernRepository, FeedbackRepository } from '../core/storage/subject-log-repository.js';
import { TableStore } from '../core/storage/table-store.js';
import { TeamRepository } from '../core/storage/team-repository.js';
import { RequestRepository } from '../core/storage/request-repository.js';
import { systemClock, type Clock } from '../core/time/clock.js';
import type { AppConfig } from './config.js';

/** The repositories and use-case dependencies of one process, built once from the configuration. */
export interface Services {
  store: TableStore;
  staff: StaffRepository;
  directory: DirectoryRepository;
  teams: TeamRepository;
  summaries: SummaryRepository;
  catalogue: CatalogueRepository;
  conversations: ConversationRepository;
  requests: RequestRepository;
  learning: LearningDeps;
}

export function createServices(config: AppConfig, clock: Clock = systemClock): Services {
  const store = new TableStore({ connection: config.storage.connection, tablePrefix: config.storage.tablePrefix });
  const staff = new StaffRepository(store);
  const summaries = new SummaryRepository(store);
  const catalogue = new CatalogueRepository(store);
  return {
    store,
    staff,
    directory: new DirectoryRepository(store),
    teams: new TeamRepository(store),
    summaries,
    catalogue,
    conversations: new ConversationRepository(store),
    requests: new RequestRepository(store),
    learning: {
      staff,
      summaries,
      catalogue,
      feedback: new FeedbackRepository(store),
      concerns: new ConcernRepository(store),
      clock,
      rules: config.rules,
    },
  };
}
