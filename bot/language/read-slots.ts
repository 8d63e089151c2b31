import { compareDates, type LocalDate } from '../../core/time/local-date.js';
import { absenceKindIn } from './absence-kind.js';
import type { Analysis } from './analyse.js';
import { completionMethodIn } from './completion-method.js';
import type { DateMention } from './find-dates.js';
import type { AskedRequestKind, Intent, NamedPerson, PersonSlot, Slots, TeamStatus } from './intents.js';
import { PLACEHOLDER } from './message-tokens.js';
import { extractReason } from './reason.js';

/** Which slots each intent reads; a slot an intent does not use is never reported for it. */
const TAKES_SUBJECTS: ReadonlySet<Intent> = new Set([
  'subject-status', 'record-completion', 'bring-certificate', 'extension', 'exemption', 'help-to-complete', 'reasonable-adjustment',
  'speak-up', 'feedback', 'request-status', 'where-to-do', 'team', 'team-percentage', 'person-status', 'did-not-attend', 'passport',
]);
const PAST_DATE: ReadonlySet<Intent> = new Set(['record-completion', 'did-not-attend']);
const TAKES_PERSON: ReadonlySet<Intent> = new Set(['person-status', 'did-not-attend']);

/** The clause that is the request itself, so the reason is what is left ("…, I'm on leave"). */
const EXTENSION_CLAUSE = /\b(?:extension|extention|extend|extended|more time|extra time|longer|postpone|delay|push (?:it |this )?back|move (?:it |my |the )?(?:deadline|due date)|can i (?:have|get)|could i (?:have|get)|deadline|until|till)\b/i;
const EXEMPTION_CLAUSE = /\b(?:exempt|exemption|exempted|opt out|excused|excluded|remove)\b/i;
const DNA_CLAUSE = /\b(?:did ?n[o']?t (?:attend|turn up|show|come)|dna'?d?|no[ -]?show|missed|record|log)\b/i;

const OVERDUE = /\b(?:overdue|out of date|behind|expired|lapsed|late)\b/;
const DUE_SOON = /\b(?:due soon|due (?:in|within)|due zrange|due zdate|expiring|expire soon|expires soon|coming up|run(?:ning)? out soon|soon)\b/;
const NOT_DONE = /\b(?:hasnt|havent|has not|have not|not done|not completed|not complete|yet to|still (?:need|needs|has|have) to|needs? to (?:do|complete|finish)|not compliant|non compliant|noncompliant|missing|not in date|not up to date)\b/;

function teamStatus(said: string): TeamStatus | undefined {
  if (OVERDUE.test(said)) return 'overdue';
  if (DUE_SOON.test(said)) return 'due-soon';
  if (NOT_DONE.test(said)) return 'not-done';
  return undefined;
}

function requestKind(said: string): AskedRequestKind | undefined {
  if (/\b(?:exempt|exemption|exempted|opt out)\b/.test(said)) return 'exemption';
  if (/\b(?:certificate|certificates|cert|certs|verified|verify|verification)\b/.test(said)) return 'certificate';
  if (/\b(?:extension|extensions|extention|extend|extended|more time|extra time)\b/.test(said)) return 'extension';
  return undefined;
}

/** "until 15 January", "by Friday": the day asked for, over any other day the message mentions. */
function futureDate(dates: readonly DateMention[], text: string, today: LocalDate): LocalDate | undefined {
  const days = dates.filter((d): d is Extract<DateMention, { kind: 'date' }> => d.kind === 'date' && d.future !== undefined && compareDates(d.future, today) > 0);
  const marked = days.find((d) => /^(?:until|untill|till|til|up to|by|to)\b/i.test(d.text) || /\b(?:until|untill|till|til|to|by|before|for|on)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, d.start - 12), d.start)));
  return (marked ?? days[0])?.future;
}

function pastDate(dates: readonly DateMention[], today: LocalDate): LocalDate | undefined {
  for (const d of dates) if (d.kind === 'date' && d.past !== undefined && compareDates(d.past, today) <= 0) return d.past;
  return undefined;
}

function personSlot(analysis: Analysis): PersonSlot | undefined {
  const found = analysis.people?.[0];
  if (found) {
    const typed = analysis.tokens.slice(found.start, found.end).map((t) => t.raw).join(' ');
    if (found.people.length === 1) return { kind: 'member', staffId: found.people[0]!.staffId, name: found.people[0]!.name, typed };
    return { kind: 'several', typed, people: found.people as NamedPerson[] };
  }
  const name = analysis.names[0];
  return name ? { kind: 'outside', typed: name.typed } : undefined;
}

/** Whether the message names a person at all (of the team or not). */
export function namesSomeone(analysis: Analysis): boolean {
  return (analysis.people?.length ?? 0) > 0 || analysis.names.length > 0;
}

/** The slots of a message for one intent: exactly what it states, nothing filled in. */
export function readSlots(intent: Intent, analysis: Analysis, today: LocalDate): Slots {
  const said = analysis.corrected.join(' ');
  const slots: Slots = { subjects: TAKES_SUBJECTS.has(intent) ? analysis.subjects.mentions : [] };
  const dateLike = analysis.dates.filter((d) => d.kind === 'date' || d.kind === 'unreadable');

  if (PAST_DATE.has(intent)) {
    const date = pastDate(analysis.dates, today);
    if (date) slots.date = date;
    else if (dateLike.length > 0) slots.unreadableDate = dateLike[0]!.text.trim();
  }
  if (intent === 'extension') {
    const date = futureDate(analysis.dates, analysis.text, today);
    const duration = analysis.dates.find((d) => d.kind === 'duration');
    if (date) slots.date = date;
    else if (duration?.kind === 'duration') slots.duration = { ...duration.duration, fromToday: duration.fromToday };
    else if (dateLike.length > 0) slots.unreadableDate = dateLike[0]!.text.trim();
    const reason = extractReason(analysis.text, (clause) => EXTENSION_CLAUSE.test(clause));
    if (reason) slots.reason = reason;
  }
  if (intent === 'exemption') {
    const reason = extractReason(analysis.text, (clause) => EXEMPTION_CLAUSE.test(clause));
    if (reason) slots.reason = reason;
  }
  if (intent === 'did-not-attend') {
    const reason = extractReason(analysis.text, (clause) => DNA_CLAUSE.test(clause));
    if (reason) slots.reason = reason;
  }
  if (TAKES_PERSON.has(intent)) {
    const person = personSlot(analysis);
    if (person) slots.person = person;
  }
  if (intent === 'team') {
    const status = teamStatus(said.replaceAll(PLACEHOLDER.subject, ' '));
    if (status) slots.status = status;
  }
  if (intent === 'record-completion') {
    const method = completionMethodIn(said);
    if (method) slots.method = method;
  }
  if (intent === 'back-from-absence') {
    const absence = absenceKindIn(said);
    if (absence) slots.absence = absence;
  }
  if (intent === 'request-status') {
    const kind = requestKind(said);
    if (kind) slots.requestKind = kind;
  }
  return slots;
}
