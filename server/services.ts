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
import { LedgerRepository } from '../core/storage/ledger-repository.js';
import { LeaseRepository } from '../core/storage/lease-repository.js';
import { RunRepository } from '../core/storage/run-repository.js';
import { JsonQueue, queueName } from '../core/storage/reminder-queue.js';
import type { QueuedReminder } from '../core/reminders/planner.js';
import type { DeadLetter } from '../bot/reminders/reminder-sender.js';
import { systemClock, type Clock } from '../core/time/clock.js';
import { AuditLogRepository } from '../core/storage/audit-log-repository.js';
import { AuditOutbox } from '../core/storage/audit-outbox.js';
import { EvidenceQueueRepository } from '../core/storage/evidence-queue-repository.js';
import { createPassportServices, type PassportServices } from '../core/passport/passport-services.js';
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
  /** Certificates learners brought, waiting for learning and development to verify them. */
  evidence: EvidenceQueueRepository;
  ledger: LedgerRepository;
  leases: LeaseRepository;
  runs: RunRepository;
  reminderQueue: JsonQueue<QueuedReminder>;
  deadLetters: JsonQueue<DeadLetter>;
  learning: LearningDeps;
  /** The organisation's append-only, hash-chained audit log of sensitive actions. */
  auditLog: AuditLogRepository;
  /** Chains every audited change exactly when the change is stored (see core/storage/audit-outbox.ts). */
  auditOutbox: AuditOutbox;
  clock: Clock;
  /** Learning passports: issuing, the trust list, verifying other organisations' passports. */
  passport: PassportServices;
  /** Creates every table and queue that does not exist yet. */
  ensureStorage(): Promise<void>;
}

export function createServices(config: AppConfig, clock: Clock = systemClock): Services {
  const store = new TableStore({ connection: config.storage.connection, tablePrefix: config.storage.tablePrefix });
  const auditLog = new AuditLogRepository(store, clock);
  const auditOutbox = new AuditOutbox(store, auditLog);
  const staff = new StaffRepository(store, auditOutbox);
  const summaries = new SummaryRepository(store);
  const catalogue = new CatalogueRepository(store);
  const evidence = new EvidenceQueueRepository(store);
  const reminderQueue = new JsonQueue<QueuedReminder>(config.storage.connection, queueName(config.storage.tablePrefix, 'reminders'));
  const deadLetters = new JsonQueue<DeadLetter>(config.storage.connection, queueName(config.storage.tablePrefix, 'reminders-dead'));
  return {
    store,
    clock,
    auditLog,
    auditOutbox,
    passport: createPassportServices(config.passport, config.organisationName, store, clock, auditOutbox),
    ledger: new LedgerRepository(store),
    leases: new LeaseRepository(store),
    runs: new RunRepository(store),
    reminderQueue,
    deadLetters,
    ensureStorage: async () => {
      await Promise.all([store.ensureTables(), reminderQueue.ensure(), deadLetters.ensure()]);
    },
    staff,
    directory: new DirectoryRepository(store),
    teams: new TeamRepository(store),
    summaries,
    catalogue,
    conversations: new ConversationRepository(store),
    requests: new RequestRepository(store),
    evidence,
    learning: {
      staff,
      summaries,
      catalogue,
      feedback: new FeedbackRepository(store),
      concerns: new ConcernRepository(store),
      clock,
      rules: config.rules,
      evidence,
    },
  };
}
