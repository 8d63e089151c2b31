import type { CatalogueIndex } from './catalogue-index.js';
import type { ComplianceRules } from './compliance.js';
import type { PersonSummary } from './person-summary.js';
import type { Clock } from '../time/clock.js';
import type { ExemptionRequest, ExtensionRequest, LearningConcern, LearningRecord, SupportRequest, TopicFeedback } from './types.js';
import type { Person } from '../people/types.js';

/** Everything known about one person, as the staff store returns it. */
export interface StaffBundle {
  person: Person;
  records: LearningRecord[];
  extensions: ExtensionRequest[];
  exemptions: ExemptionRequest[];
  supportRequests: SupportRequest[];
}

/** The narrow storage ports the learning use cases need; the Table Storage repositories implement them. */
export interface StaffStore {
  getBundle(staffId: string): Promise<StaffBundle | undefined>;
  getPerson(staffId: string): Promise<Person | undefined>;
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
  listAll(): Promise<PersonSummary[]>;
}

export interface LearningDeps {
  staff: StaffStore;
  feedback: FeedbackStore;
  concerns: ConcernStore;
  catalogue: CatalogueSource;
  summaries: SummaryStore;
  clock: Clock;
  rules: ComplianceRules;
}
