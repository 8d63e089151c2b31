import type { Logger } from 'pino';
import type { ApprovalPolicy, ApprovalDeps } from '../../core/learning/approvals.js';
import type { ComplianceRules } from '../../core/learning/compliance.js';
import type { LearningNotices } from '../../core/learning/learning-notices.js';
import type { LearningDeps } from '../../core/learning/ports.js';
import type { SummaryRefresher } from '../../core/learning/summary-refresh.js';
import type { CallerIdentity, ProvenCaller } from '../../core/people/identify-caller.js';
import type { PassportCredential } from '../../core/passport/credential.js';
import type { ComplianceReports } from '../../core/reports/compliance-reports.js';
import type { TrendHistory } from '../../core/reports/trend-history.js';
import type { AuditLogRepository } from '../../core/storage/audit-log-repository.js';
import type { CatalogueRepository } from '../../core/storage/catalogue-repository.js';
import type { CatalogueRowsRepository } from '../../core/storage/catalogue-rows-repository.js';
import type { ConversationRepository } from '../../core/storage/conversation-repository.js';
import type { DirectoryRepository } from '../../core/storage/directory-repository.js';
import type { EsrImportRepository } from '../../core/storage/esr-import-repository.js';
import type { EvidenceQueueRepository } from '../../core/storage/evidence-queue-repository.js';
import type { ProposalRepository } from '../../core/storage/proposal-repository.js';
import type { RefreshJobRepository } from '../../core/storage/refresh-job-repository.js';
import type { ReportSnapshotRepository } from '../../core/storage/report-snapshot-repository.js';
import type { ReportSources } from '../../core/storage/report-sources.js';
import type { RequestRepository } from '../../core/storage/request-repository.js';
import type { StaffRepository } from '../../core/storage/staff-repository.js';
import type { SummaryCache } from '../../core/storage/summary-cache.js';
import type { SummaryRepository } from '../../core/storage/summary-repository.js';
import type { WorkspaceServices } from '../../core/workspace/workspace-services.js';
import type { TeamRepository } from '../../core/storage/team-repository.js';
import type { Clock } from '../../core/time/clock.js';
import type { SsoSettings } from './sso-token.js';
import type { PassportServices, PassportUseCases } from '../../core/passport/passport-services.js';

/** The settings the tab's API reads (the composition root passes its whole configuration, which has these). */
export interface TabConfig {
  mode: 'development' | 'production';
  sso: SsoSettings | undefined;
  tabWebDir: string | undefined;
  rules: ComplianceRules;
  complianceThreshold: number;
  approvals: ApprovalPolicy;
  organisationName: string;
  supportContact: string;
  bot: { appId: string } | undefined;
}

/**
 * What the tab's routes may use, each built once by the composition root (server/services.ts): the
 * routes never construct a storage object.
 */
export interface TabServices {
  staff: StaffRepository;
  directory: DirectoryRepository;
  teams: TeamRepository;
  summaries: SummaryRepository;
  catalogue: CatalogueRepository;
  catalogueRows: CatalogueRowsRepository;
  conversations: Pick<ConversationRepository, 'getPersonal'>;
  requests: RequestRepository;
  evidence: EvidenceQueueRepository;
  learning: LearningDeps;
  approvals: ApprovalDeps;
  summaryRefresher: SummaryRefresher;
  refreshJobs: RefreshJobRepository;
  proposals: ProposalRepository;
  esrImports: EsrImportRepository;
  summaryCache: SummaryCache;
  reportSnapshots: ReportSnapshotRepository;
  complianceReports: ComplianceReports;
  reportSources: ReportSources;
  trendHistory: Pick<TrendHistory, 'ensure' | 'current'>;
  auditLog: AuditLogRepository;
  clock: Clock;
  passport: PassportServices;
  passportUseCases: PassportUseCases;
}

/** What a feature's routes are given. */
export interface TabApiContext {
  config: TabConfig;
  services: TabServices;
  /** Approval cards, card updates and notices for actions taken in the tab: the bot's, as a port. */
  notices: LearningNotices;
  /** The Teams card a learner can share their passport with (built by the bot's card code). */
  passportCard(credential: PassportCredential, link: string): object;
  /** The workspace's use-case dependencies, live feed and live documents. */
  workspace: WorkspaceServices;
  logger: Logger;
  clock: Clock;
  /** Maps a validated token's object id to a stored person (see core/people/identify-caller.ts). */
  identify(caller: ProvenCaller): Promise<CallerIdentity>;
}
