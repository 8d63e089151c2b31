import type { CatalogueIndex } from './catalogue-index.js';
import type { ComplianceRules } from './compliance.js';
import type { PersonSummary } from './person-summary.js';
import type { Clock } from '../time/clock.js';
import type { LearningRecord, ExemptionRequest, ExtensionRequest } from './types.js';
import type { Person } from '../people/types.js';

/** Everything known about one person, as the staff store returns it. */
export interface StaffBundle {
  person: Person;
  records: LearningRecord[];
  extensions: ExtensionRequest[];
  exemptions: ExemptionRequest[];
}

/** The narrow storage ports the learning use cases need; the Table Storage repositories implement them. */
export interface StaffStore {
  getBundle(staffId: string): Promise<StaffBundle | undefined>;
  getPerson(staffId: string): Promise<Person | undefined>;
  savePerson(person: Person): Promise<void>;
  saveRecord(staffId: string, record: LearningRecord): Promise<void>;
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
  catalogue: CatalogueSource;
  summaries: SummaryStore;
  clock: Clock;
  rules: ComplianceRules;
}
