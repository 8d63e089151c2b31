import type { CompletionMethod, Subject, Topic } from '../../core/learning/types.js';
import type { AbsenceKind } from '../../core/people/types.js';
import { compareDates, type LocalDate } from '../../core/time/local-date.js';
import { absenceKindIn } from './absence-kind.js';
import { completionMethodIn } from './completion-method.js';
import * as rules from './intent-rules.js';
import { mentionsIn } from './match-subjects.js';
import { correctedWords } from './message-words.js';
import { capMessage } from './normalise.js';
import { findDate, parseDate } from './parse-date.js';
import { extractReason, MAX_REASON_CHARS } from './reason.js';
import { subjectIndex, type SubjectIndex } from './subject-index.js';

export interface SubjectMention {
  subjectId: string;
  level?: number;
}

export type Understanding =
  | { intent: 'help' }
  | { intent: 'greeting' }
  | { intent: 'whats-due' }
  | { intent: 'subject-status'; subjects: SubjectMention[] }
  | { intent: 'record-completion'; subjects: SubjectMention[]; completedOn?: LocalDate; method?: CompletionMethod }
  | { intent: 'bring-certificate'; subjects: SubjectMention[] }
  | { intent: 'extension'; subjects: SubjectMention[]; requestedDate?: LocalDate; reason?: string }
  | { intent: 'exemption'; subjects: SubjectMention[]; reason?: string }
  | { intent: 'back-from-absence'; absenceKind?: AbsenceKind }
  | { intent: 'support'; kind: 'help-to-complete' | 'reasonable-adjustment'; subjects: SubjectMention[] }
  | { intent: 'speak-up'; subjects: SubjectMention[] }
  | { intent: 'feedback'; subjects: SubjectMention[] }
  | { intent: 'my-team' }
  | { intent: 'unknown' };

export interface UnderstandContext {
  subjects: Subject[];
  topics: Topic[];
  today: LocalDate;
}

/** What one message says, read once: its corrected words and the subjects it names. */
interface Message {
  text: string;
  words: string[];
  said: string;
  subjects: SubjectMention[];
  today: LocalDate;
  /** Whether a clause of the message, read the same way, matches a rule. */
  clauseIs: (rule: (said: string) => boolean) => (clause: string) => boolean;
}

/** "until 15 January", "by next Friday", "to 3/12": the date a learner asks to move to. */
const DATE_MARKER = /\b(?:until|untill|till|til|to|by|before|up to|upto|for|on|at)\s+(?:the\s+)?/gi;

/** "2 weeks", "a month": how long, not until when (a "2 week extension" runs from the due date, not today). */
const DURATION = /^(?:for\s+)?(?:a|an|one|two|three|four|six|\d+)[\s-]*(?:days?|weeks?|fortnights?|months?|years?)$/i;

/** A date phrase is short ("the end of January", "Friday 15 January 2027"): only this much after a marker is read. */
const DATE_PHRASE_CHARS = 40;
const MAX_MARKERS = 10;

function requestedDate(message: Message): LocalDate | undefined {
  let markers = 0;
  for (const marker of message.text.matchAll(DATE_MARKER)) {
    if (++markers > MAX_MARKERS) break;
    const from = marker.index + marker[0].length;
    const found = findDate(message.text.slice(from, from + DATE_PHRASE_CHARS), message.today, 'future');
    if (found && found.index <= 1 && !DURATION.test(found.text.trim())) return found.date;
  }
  const anywhere = findDate(message.text, message.today, 'future');
  if (!anywhere?.date || DURATION.test(anywhere.text.trim())) return undefined;
  return compareDates(anywhere.date, message.today) >= 0 ? anywhere.date : undefined;
}

function extension(message: Message): Understanding {
  const date = requestedDate(message);
  const reason = extractReason(message.text, message.clauseIs(rules.isExtension));
  return {
    intent: 'extension',
    subjects: message.subjects,
    ...(date ? { requestedDate: date } : {}),
    ...(reason ? { reason } : {}),
  };
}

function isExemptionWording(said: string): boolean {
  return rules.isExemptionStatement(said) || rules.isExemptionRequest(said) || rules.isNoNeed(said);
}

function exemption(message: Message): Understanding {
  // "Moving and handling is not relevant to my role" is its own reason; "can I be exempt" is not.
  const statement = rules.isExemptionStatement(message.said)
    ? message.text.trim().replace(/[\s.!]+$/, '').slice(0, MAX_REASON_CHARS)
    : undefined;
  const reason = extractReason(message.text, message.clauseIs(isExemptionWording)) ?? statement;
  return { intent: 'exemption', subjects: message.subjects, ...(reason ? { reason } : {}) };
}

function recordCompletion(message: Message): Understanding {
  const completedOn = parseDate(message.text, message.today, 'past');
  const method = completionMethodIn(message.said);
  return {
    intent: 'record-completion',
    subjects: message.subjects,
    ...(completedOn ? { completedOn } : {}),
    ...(method ? { method } : {}),
  };
}

function isCompletion(message: Message): boolean {
  if (rules.isRecordRequest(message.said)) return true;
  return rules.isCompletionStatement(message.said) && !rules.isNegated(message.said) && !rules.isQuestion(message.words);
}

function read(text: string, context: UnderstandContext, index: SubjectIndex): Message {
  const words = correctedWords(text, index);
  return {
    text,
    words,
    said: words.join(' '),
    subjects: words.length === 0 ? [] : mentionsIn(words, index),
    today: context.today,
    clauseIs: (rule) => (clause) => rule(correctedWords(clause, index).join(' ')),
  };
}

/**
 * What a learner's (or manager's) message asks for, by rules: typos and case forgiven, subjects
 * and levels recognised by name, alias or abbreviation, dates read the UK way. The first intent
 * that fits wins, most specific first: a request that names a subject is that request, not a
 * question about the subject; a subject named with nothing else asks about its status.
 */
export function understand(text: string, context: UnderstandContext): Understanding {
  const message = read(capMessage(text), context, subjectIndex(context.subjects, context.topics));
  const { said, subjects } = message;
  if (message.words.length === 0) return { intent: 'help' };

  if (rules.isSpeakUp(said)) return { intent: 'speak-up', subjects };
  if (rules.isMyTeam(said)) return { intent: 'my-team' };
  if (rules.isFeedback(said)) return { intent: 'feedback', subjects };
  if (rules.isReasonableAdjustment(said)) return { intent: 'support', kind: 'reasonable-adjustment', subjects };
  if (rules.isExtension(said)) return extension(message);
  if (rules.isExemptionStatement(said) || rules.isExemptionRequest(said)) return exemption(message);
  if (rules.isNoNeed(said) && subjects.length > 0) return exemption(message);
  if (rules.isBringCertificate(said)) return { intent: 'bring-certificate', subjects };
  if (rules.isBackFromAbsence(said)) {
    const absenceKind = absenceKindIn(said);
    return absenceKind ? { intent: 'back-from-absence', absenceKind } : { intent: 'back-from-absence' };
  }
  if (rules.isHelpToComplete(said)) return { intent: 'support', kind: 'help-to-complete', subjects };
  if (isCompletion(message)) return recordCompletion(message);
  if (subjects.length > 0) return { intent: 'subject-status', subjects };
  if (rules.isWhatsDue(said)) return { intent: 'whats-due' };
  if (rules.isHelp(said)) return { intent: 'help' };
  if (rules.isGreeting(message.words)) return { intent: 'greeting' };
  return { intent: 'unknown' };
}
