import type { LocalDate } from '../time/local-date.js';

/** How competence in a topic can be shown (the policy's list, plus evidence brought from elsewhere). */
export const COMPLETION_METHODS = [
  'e-learning',
  'e-assessment',
  'session',
  'practical-assessment',
  'drill',
  'self-declaration',
  'blended',
  'transferred',
] as const;
export type CompletionMethod = (typeof COMPLETION_METHODS)[number];

export const REQUIREMENT_KINDS = ['national', 'local', 'role'] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];

/** A subject ("Fire Safety") groups the levels of one kind of learning. */
export interface Subject {
  id: string;
  name: string;
  kind: RequirementKind;
  /** Words and abbreviations people use for it ("IG", "BLS"), for the bot's understanding. */
  aliases: string[];
}

/** One level of a subject: what is learnt, how often it is renewed and how it can be completed. */
export interface Topic {
  id: string;
  subjectId: string;
  level: number;
  /** "Level 1", "Tier 2", "Basic awareness": as the organisation names it. */
  levelName: string;
  /** Months until the learning expires; null when it never expires. */
  renewalMonths: number | null;
  methods: CompletionMethod[];
  link?: string;
  audience?: string;
}

export interface RequirementRef {
  subjectId: string;
  level: number;
  /** The day this requirement started to apply to the role; before it, nothing was due. */
  since?: LocalDate;
}

/** A role in the requirement matrix and the learning it requires. */
export interface RoleDefinition {
  id: string;
  name: string;
  staffGroup?: string;
  requirements: RequirementRef[];
}

export interface Catalogue {
  subjects: Subject[];
  topics: Topic[];
  roles: RoleDefinition[];
}

export type RecordSource =
  | { kind: 'esr'; importId?: string }
  | { kind: 'self' }
  | { kind: 'manager'; recordedBy: string }
  | { kind: 'admin'; recordedBy: string }
  | {
      kind: 'transferred';
      employer: string;
      reference?: string;
      fileUrl?: string;
    };

export type VerificationState =
  | { state: 'verified'; by?: string; on?: LocalDate }
  | { state: 'pending' }
  | { state: 'rejected'; by: string; on: LocalDate; reason: string };

/** A completion of a topic at a level, however it was shown. */
export interface LearningRecord {
  id: string;
  subjectId: string;
  level: number;
  completedOn: LocalDate;
  method: CompletionMethod;
  source: RecordSource;
  verification: VerificationState;
  /** Set when the source states its own expiry (ESR's "Expiry Date"); otherwise derived from the catalogue. */
  expiresOn?: LocalDate | null;
  recordedAt: string;
  /** Where transferred evidence came from, when it arrived in a learning passport (shown in My learning, the team view, exports). */
  provenance?: RecordProvenance;
}

/** A record brought by a learning passport: who issued it, which passport, and what the verifier checked. */
export interface RecordProvenance {
  kind: 'passport';
  /** The issuing deployment's URL and the organisation's name and ODS code, as the passport states them. */
  issuer: string;
  issuerName: string;
  odsCode: string;
  passportId: string;
  /** The day the passport was checked; set when it was verified automatically (issuer on the trust list). */
  verifiedOn?: LocalDate;
  /** What was checked, in plain words, when it went to learning and development to verify by hand. */
  checks?: { check: string; passed: boolean; detail: string }[];
}

export type RequestState = 'pending' | 'approved' | 'declined' | 'withdrawn';
export type RequestKind = 'extension' | 'exemption';

export interface ExtensionRequest {
  id: string;
  subjectId: string;
  /** The due date the learner asked to move. */
  currentDueDate: LocalDate;
  requestedDate: LocalDate;
  reason: string;
  state: RequestState;
  requestedAt: string;
  /** Who was asked to decide (line managers for extensions, MLOG members for exemptions). */
  approverIds?: string[];
  decidedBy?: string;
  decidedAt?: string;
  comment?: string;
}

export interface ExemptionRequest {
  id: string;
  subjectId: string;
  roleId?: string;
  reason: string;
  state: RequestState;
  requestedAt: string;
  /** Who was asked to decide (line managers for extensions, MLOG members for exemptions). */
  approverIds?: string[];
  decidedBy?: string;
  decidedAt?: string;
  comment?: string;
}

export const SUPPORT_KINDS = ['help-to-complete', 'reasonable-adjustment'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/** A learner asking for help or a reasonable adjustment: recorded, and their managers told. */
export interface SupportRequest {
  id: string;
  kind: SupportKind;
  subjectId?: string;
  detail: string;
  requestedAt: string;
  state: 'open' | 'closed';
  notifiedManagerIds: string[];
}

/** Ratings 1–5 a learner gives a topic after completing it, for its subject matter expert. */
export interface TopicFeedback {
  id: string;
  subjectId: string;
  staffId: string;
  relevance: number;
  accessibility: number;
  effectiveness: number;
  comment?: string;
  givenAt: string;
}

/** "This training doesn't cover a real risk": a concern for the topic's subject matter expert (freedom to speak up). */
export interface LearningConcern {
  id: string;
  subjectId?: string;
  staffId: string;
  text: string;
  raisedAt: string;
  state: 'open' | 'acknowledged' | 'closed';
}

/** A booked session the learner did not attend, recorded by their manager with the reason and the plan agreed. */
export interface DnaRecord {
  id: string;
  subjectId: string;
  sessionDate: import('../time/local-date.js').LocalDate;
  reason: string;
  plan?: string;
  recordedBy: string;
  recordedAt: string;
}
