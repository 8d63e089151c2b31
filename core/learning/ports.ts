import type { CatalogueIndex } from './catalogue-index.js';
import type { ComplianceRules } from './compliance.js';
import type { PersonSummary } from './person-summary.js';
import type { Clock } from '../time/clock.js';
import type { AuditEntry } from './audit.js';
import type { DnaRecord, ExemptionRequest, ExtensionRequest, LearningConcern, LearningRecord, SupportRequest, TopicFeedback } from './types.js';
import type { Person } from '../people/types.js';
import type { AuditEvent } from '../audit/audit-chain.js';

/** Everything known about one person, as the staff store returns it. */
export interface StaffBundle {
  person: Person;
  records: LearningRecord[];
  extensions: ExtensionRequest[];
  exemptions: ExemptionRequest[];
  supportRequests: SupportRequest[];
  dnaRecords: DnaRecord[];
}

/**
 * What a change to one person decides: write the new bundle (with history rows to append in the
 * same transaction), or keep it as it is. Either way `result` is what the caller gets back.
 * `chain` holds the events the organisation's audit chain must record for this change: the store
 * guarantees they are chained if, and only if, the change is stored (see core/storage/audit-outbox.ts).
 */
export type BundleChange<T> =
  | { kind: 'write'; bundle: StaffBundle; records?: readonly LearningRecord[]; audit?: readonly AuditEntry[]; chain?: readonly AuditEvent[]; result: T }
  | { kind: 'keep'; result: T };

/** The narrow storage ports the learning use cases need; the Table Storage repositories implement them. */
export interface StaffStore {
  getBundle(staffId: string): Promise<StaffBundle | undefined>;
  getPerson(staffId: string): Promise<Person | undefined>;
  /**
   * Reads a person's bundle, applies `decide`, and writes the result only if nobody else wrote in
   * between (ETag); on a conflict it reads again and decides again. Undefined when the person does not exist.
   */
  change<T>(staffId: string, decide: (bundle: StaffBundle) => BundleChange<T>): Promise<T | undefined>;
  savePerson(person: Person): Promise<void>;
  saveRecord(staffId: string, record: LearningRecord): Promise<void>;
  saveSupportRequest(staffId: string, request: SupportRequest): Promise<void>;
}

export interface FeedbackStore {
  save(feedback: TopicFeedback): Promise<void>;
  listForSubject(subjectId: string): Promise<TopicFeedback[]>;
}

export interface ConcernStore {
  save(concern: LearningConcern): Promise<void>;
  listForSubject(subjectId: string): Promise<LearningConcern[]>;
}

export interface CatalogueSource {
  current(): Promise<CatalogueIndex>;
}

export interface SummaryStore {
  save(summary: PersonSummary): Promise<void>;
  get(staffId: string): Promise<PersonSummary | undefined>;
  listAll(): Promise<PersonSummary[]>;
}

/** Certificates learners brought, waiting for learning and development to verify them (one partition, read by the queue). */
export interface EvidenceQueue {
  enqueue(item: { learnerId: string; recordId: string; subjectId: string; level: number; broughtAt: string }): Promise<void>;
}

export interface LearningDeps {
  staff: StaffStore;
  feedback: FeedbackStore;
  concerns: ConcernStore;
  catalogue: CatalogueSource;
  summaries: SummaryStore;
  clock: Clock;
  rules: ComplianceRules;
  /** Where brought certificates wait for verification; absent only in narrow tests. */
  evidence?: EvidenceQueue;
}
