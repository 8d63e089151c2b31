import type { CompletionMethod } from '../../core/learning/types.js';
import type { AbsenceKind } from '../../core/people/types.js';
import type { LocalDate } from '../../core/time/local-date.js';
import type { Duration } from './find-dates.js';

/** What a message can ask for: learners' intents, then managers'. `none` is the classifier's "not for me". */
export const INTENTS = [
  'greeting',
  'closer',
  'help',
  'whats-due',
  'subject-status',
  'record-completion',
  'bring-certificate',
  'extension',
  'exemption',
  'back-from-absence',
  'help-to-complete',
  'reasonable-adjustment',
  'speak-up',
  'feedback',
  'request-status',
  'where-to-do',
  'passport',
  'team',
  'team-percentage',
  'person-status',
  'pending-approvals',
  'did-not-attend',
] as const;
export type Intent = (typeof INTENTS)[number];
export type ClassLabel = Intent | 'none';
export const CLASS_LABELS: readonly ClassLabel[] = [...INTENTS, 'none'];

export function isIntent(value: string): value is Intent {
  return (INTENTS as readonly string[]).includes(value);
}

export interface SubjectMention {
  subjectId: string;
  level?: number;
}

export interface NamedPerson {
  staffId: string;
  name: string;
}

/** Whom a message is about: someone of the asker's team, several who match, or a name outside it. */
export type PersonSlot =
  | { kind: 'member'; staffId: string; name: string; typed: string }
  | { kind: 'several'; typed: string; people: NamedPerson[] }
  | { kind: 'outside'; typed: string };

export const TEAM_STATUSES = ['overdue', 'due-soon', 'not-done'] as const;
export type TeamStatus = (typeof TEAM_STATUSES)[number];

export const REQUEST_KINDS = ['extension', 'exemption', 'certificate'] as const;
export type AskedRequestKind = (typeof REQUEST_KINDS)[number];

/** Everything a message states, read once. An intent uses the slots that belong to it. */
export interface Slots {
  subjects: SubjectMention[];
  /** A day, read in the direction the intent needs (a completion happened; an extension is ahead). */
  date?: LocalDate;
  /** Words that look like a date but are none ("31/02"): never replaced by another day. */
  unreadableDate?: string;
  /** How much longer (extensions): counted from the item's current due date, unless `fromToday`. */
  duration?: Duration & { fromToday: boolean };
  person?: PersonSlot;
  status?: TeamStatus;
  method?: CompletionMethod;
  absence?: AbsenceKind;
  requestKind?: AskedRequestKind;
  /** In the learner's own words, for requests and non-attendance. */
  reason?: string;
  /** A passport pasted into the message (its link, or the credential itself): presenting it, not asking for one's own. */
  presented?: string;
}

export interface Reading {
  intent: Intent;
  slots: Slots;
}

/**
 * What a message means. `understood` only when one reading is clearly the likeliest; when two are
 * close or none is likely, `clarify` carries the two or three likeliest for the learner to choose.
 */
export type Understanding =
  | ({ kind: 'understood'; confidence: number } & Reading)
  | { kind: 'clarify'; readings: Reading[] }
  | { kind: 'unknown' };
