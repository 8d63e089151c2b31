import { DEFAULT_APPROVAL_POLICY, type ApprovalDeps } from '../core/learning/approvals.js';
import type { LearningDeps } from '../core/learning/ports.js';
import { SummaryRefresher } from '../core/learning/summary-refresh.js';
import type { QueuedReminder } from '../core/reminders/planner.js';
import { ComplianceReports } from '../core/reports/compliance-reports.js';
import { TrendHistory } from '../core/reports/trend-history.js';
import { AuditLogRepository } from '../core/storage/audit-log-repository.js';
import { AuditOutbox } from '../core/storage/audit-outbox.js';
import { CatalogueRepository } from '../core/storage/catalogue-repository.js';
import { CatalogueRowsRepository } from '../core/storage/catalogue-rows-repository.js';
import { ConversationRepository } from '../core/storage/conversation-repository.js';
import { DirectoryRepository } from '../core/storage/directory-repository.js';
import { EsrImportRepository } from '../core/storage/esr-import-repository.js';
import { EvidenceQueueRepository } from '../core/storage/evidence-queue-repository.js';
import { LeaseRepository } from '../core/storage/lease-repository.js';
import { LedgerRepository } from '../core/storage/ledger-repository.js';
import { ProposalRepository } from '../core/storage/proposal-repository.js';
import { RefreshJobRepository } from '../core/storage/refresh-job-repository.js';
import { JsonQueue, queueName } from '../core/storage/reminder-queue.js';
import { ReportSnapshotRepository } from '../core/storage/report-snapshot-repository.js';
import { ReportSources } from '../core/storage/report-sources.js';
import { RequestRepository } from '../core/storage/request-repository.js';
import { RunRepository } from '../core/storage/run-repository.js';
import { StaffRepository } from '../core/storage/staff-repository.js';
import { ConcernRepository, FeedbackRepository } from '../core/storage/subject-log-repository.js';
import { SummaryCache } from '../core/storage/summary-cache.js';
import { SummaryRepository } from '../core/storage/summary-repository.js';
import { TableStore } from '../core/storage/table-store.js';
import { TeamRepository } from '../core/storage/team-repository.js';
import { systemClock, type Clock } from '../core/time/clock.js';
import type { DeadLetter } from '../bot/reminders/reminder-sender.js';
import { createPassportServices, passportUseCases, type PassportServices } from './passport-services.js';
import type { PassportUseCases } from '../core/passport/passport-services.js';
import type { AppConfig } from './config.js';

/**
 * The composition root's storage half: every repository, cache and use-case dependency of one
 * process, built once here from the configuration and handed to the bot and the tab as narrow ports.
 * Nothing else constructs a storage object.
 */
export interface Services {
  store: TableStore;
  staff: StaffRepository;
  directory: DirectoryRepository;
  teams: TeamRepository;
  summaries: SummaryRepository;
  catalogue: CatalogueRepository;
  /** The requirement matrix row by row, each under its ETag (administration). */
  catalogueRows: CatalogueRowsRepository;
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
  /** The approval use cases' dependencies: the same for the bot's cards and the tab. */
  approvals: ApprovalDeps;
  /** Background recomputation of summary rows after a matrix change, with its jobs on record. */
  summaryRefresher: SummaryRefresher;
  refreshJobs: RefreshJobRepository;
  proposals: ProposalRepository;
  esrImports: EsrImportRepository;
  /** Reports: the per-instance summary cache, monthly snapshots and the annual plan, and the on-demand sources. */
  summaryCache: SummaryCache;
  reportSnapshots: ReportSnapshotRepository;
  complianceReports: ComplianceReports;
  reportSources: ReportSources;
  /** The trend's months before snapshots began, worked out once from the stored records and history. */
  trendHistory: TrendHistory;
  /** The organisation's append-only, hash-chained audit log of sensitive actions. */
  auditLog: AuditLogRepository;
  /** Chains every audited change exactly when the change is stored (see core/storage/audit-outbox.ts). */
  auditOutbox: AuditOutbox;
  clock: Clock;
  /** Learning passports: issuing, the trust list, verifying other organisations' passports. */
  passport: PassportServices;
  /** The passport use cases' dependencies (issue, present, revoke, trust): the bot and the tab share them. */
  passportUseCases: PassportUseCases;
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
  const directory = new DirectoryRepository(store);
  const requests = new RequestRepository(store);
  const reminderQueue = new JsonQueue<QueuedReminder>(config.storage.connection, queueName(config.storage.tablePrefix, 'reminders'));
  const deadLetters = new JsonQueue<DeadLetter>(config.storage.connection, queueName(config.storage.tablePrefix, 'reminders-dead'));
  const learning: LearningDeps = {
    staff,
    summaries,
    catalogue,
    feedback: new FeedbackRepository(store),
    concerns: new ConcernRepository(store),
    clock,
    rules: config.rules,
    evidence,
  };
  const refreshJobs = new RefreshJobRepository(store);
  const summaryCache = new SummaryCache(store);
  const reportSnapshots = new ReportSnapshotRepository(store, auditOutbox);
  const passport = createPassportServices(config.passport, config.organisationName, store, clock, auditOutbox);
  return {
    store,
    clock,
    auditLog,
    auditOutbox,
    passport,
    passportUseCases: passportUseCases(passport, { ...learning, evidence }),
    ledger: new LedgerRepository(store),
    leases: new LeaseRepository(store),
    runs: new RunRepository(store),
    reminderQueue,
    deadLetters,
    ensureStorage: async () => {
      await Promise.all([store.ensureTables(), reminderQueue.ensure(), deadLetters.ensure()]);
    },
    staff,
    directory,
    teams: new TeamRepository(store),
    summaries,
    catalogue,
    catalogueRows: new CatalogueRowsRepository(store, auditOutbox),
    conversations: new ConversationRepository(store),
    requests,
    evidence,
    learning,
    approvals: { ...learning, inbox: requests, permissionHolders: (permission) => directory.holdersOf(permission), policy: config.approvals ?? DEFAULT_APPROVAL_POLICY },
    refreshJobs,
    summaryRefresher: new SummaryRefresher({ ...learning, jobs: refreshJobs, listAll: () => summaries.listAll() }),
    proposals: new ProposalRepository(store, auditOutbox),
    esrImports: new EsrImportRepository(store, auditOutbox),
    summaryCache,
    reportSnapshots,
    complianceReports: new ComplianceReports(summaryCache, reportSnapshots, { threshold: config.complianceThreshold, dueSoonDays: config.rules.dueSoonDays }),
    reportSources: new ReportSources(store),
    trendHistory: new TrendHistory({
      staffIds: async () => [...(await summaryCache.current()).summaries.keys()],
      bundle: (id) => staff.getBundle(id),
      catalogue,
      snapshots: reportSnapshots,
      rules: config.rules,
    }),
  };
}
