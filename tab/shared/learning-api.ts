import { METHOD_LABELS } from '../../core/learning/method-names.js';
/**
 * The contract between the tab's learning routes (tab/api/learning-routes.ts, team-routes.ts) and
 * the browser pages. Dates are ISO calendar dates (YYYY-MM-DD, Europe/London); instants are ISO strings.
 */

export type ItemStatus = 'overdue' | 'due-soon' | 'not-completed' | 'extended' | 'in-date' | 'exempt';
export type MatrixStatus = ItemStatus | 'held-not-required';
export type MatrixColour = 'red' | 'amber' | 'green' | 'blue' | 'exempt';

/** Each way of completing learning as a label: the one table in core. */
export const COMPLETION_METHOD_NAMES: Record<string, string> = METHOD_LABELS;

export const STATUS_NAMES: Record<MatrixStatus, string> = {
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  'not-completed': 'Not yet completed',
  extended: 'Extended',
  'in-date': 'In date',
  exempt: 'Exempt',
  'held-not-required': 'Held, not required',
};

export interface LearningItemView {
  subjectId: string;
  label: string;
  level: number;
  status: ItemStatus;
  dueDate: string | null;
  compliant: boolean;
  heldRecord?: { completedOn: string; method: string; expiresOn: string | null };
  roles: string[];
  extendedTo?: string;
  absence?: { kind: string; returnDate?: string };
  link?: string;
  /** Ways this person can record it here themselves (the same rule as the bot). */
  recordable: string[];
}

export interface RecordView {
  id: string;
  label: string;
  completedOn: string;
  method: string;
  source: string;
  verification: 'verified' | 'pending' | 'rejected';
  rejectedReason?: string;
  expiresOn: string | null;
  recordedAt: string;
}

export interface RequestView {
  kind: 'extension' | 'exemption' | 'evidence';
  id: string;
  subject: string;
  state: 'pending' | 'approved' | 'declined' | 'withdrawn' | 'verified' | 'rejected';
  requestedAt: string;
  reason?: string;
  currentDueDate?: string;
  requestedDate?: string;
  decidedBy?: string;
  decidedAt?: string;
  comment?: string;
}

export interface TopicOption {
  topicId: string;
  subjectId: string;
  level: number;
  label: string;
}

export interface MyLearningView {
  name: string;
  asOf: string;
  roles: string[];
  summary: { required: number; compliant: number; overdue: number; dueSoon: number; exempt: number; percent: number; nextDueDate: string | null };
  items: LearningItemView[];
  history: RecordView[];
  requests: RequestView[];
  /** Every topic of the catalogue, for bringing a certificate (any topic, as in the bot's form). */
  topics: TopicOption[];
  extensionMaxMonths: number;
}

export interface RecordCompletionBody {
  subjectId: string;
  level?: number;
  completedOn: string;
  method: string;
}

export interface CertificateBody {
  topicId: string;
  completedOn: string;
  employer: string;
  reference?: string;
}

export interface ExtensionBody {
  subjectId: string;
  requestedDate: string;
  reason: string;
}

export interface ExemptionBody {
  subjectId: string;
  reason: string;
}

/** What an action answers: a sentence for the person, and whether approvers were reached in Teams. */
export interface ActionAnswer {
  message: string;
  notified?: string[];
}

export interface MatrixCellView {
  subjectId: string;
  level: number;
  status: MatrixStatus;
  colour: MatrixColour;
  dueDate: string | null;
  heldUntil?: string | null;
  /** Where the learning held came from, when it arrived by a learning passport (the provenance line). */
  source?: string;
}

export interface TeamMemberView {
  staffId: string;
  name: string;
  orgUnit: string;
  staffGroup: string;
  roles: string[];
  percent: number;
  overdue: number;
  away: boolean;
  cells: MatrixCellView[];
}

export interface PendingExtensionView {
  requestId: string;
  learnerId: string;
  learnerName: string;
  subject: string;
  currentDueDate: string;
  requestedDate: string;
  reason: string;
  requestedAt: string;
}

export interface DnaView {
  id: string;
  learnerId: string;
  learnerName: string;
  subject: string;
  sessionDate: string;
  reason: string;
  plan?: string;
  recordedBy: string;
  recordedAt: string;
}

export interface TeamView {
  asOf: string;
  subjects: { id: string; name: string }[];
  members: TeamMemberView[];
  pending: PendingExtensionView[];
  dna: DnaView[];
}

export interface DecisionBody {
  decision: 'approve' | 'decline';
  comment?: string;
}

export interface DecisionAnswer {
  state: 'approved' | 'declined';
  message: string;
}

export interface DnaBody {
  staffId: string;
  subjectId: string;
  sessionDate: string;
  reason: string;
  plan?: string;
}
