import type { Subject, Topic } from '../../core/learning/types.js';
import type { LocalDate } from '../../core/time/local-date.js';
import type { DateMention, DateReader } from './find-dates.js';
import { findPeople, type PersonFound, type PersonIndex } from './find-people.js';
import { findSubjects, type SubjectsFound } from './match-subjects.js';
import { isPlaceholder, PLACEHOLDER, tokensOf, type Token } from './message-tokens.js';
import { stripMarkup } from './normalise.js';
import { subjectIndex, type SubjectIndex } from './subject-index.js';

/** The catalogue and the day a message is read against. */
export interface ReadingContext {
  subjects: Subject[];
  topics: Topic[];
  today: LocalDate;
}

/** A name that is not of the asker's team, read from where it stands ("is Adele compliant"). */
export interface NameCandidate {
  start: number;
  end: number;
  typed: string;
}

/** One message, read once: its dates, words, subjects and (when a team is given) the people it names. */
export interface Analysis {
  /** The message as typed (markup stripped, capped) with spellings of dates rewritten. */
  text: string;
  dates: DateMention[];
  tokens: Token[];
  /** The words with misspellings corrected; dates are placeholders. */
  corrected: string[];
  subjects: SubjectsFound;
  /** People of the team named, by position; undefined when no team was looked at. */
  people: PersonFound[] | undefined;
  names: NameCandidate[];
  /** Words neither known nor corrected nor a name of the team. */
  unknown: number;
  /** What the classifier reads: the words, with dates, subjects, levels and people as placeholders. */
  features: string;
}

export interface Vocabulary {
  dates: DateReader;
  /** The training corpus's words (names excluded), which misspellings may be corrected to. */
  corpusWords: ReadonlySet<string>;
  /** English words, no proper names: what is none of these, nor a word of the bot's, may be a name. */
  english: ReadonlySet<string>;
}


function placeholderFor(mention: DateMention): string {
  if (mention.kind === 'duration') return PLACEHOLDER.duration;
  if (mention.kind === 'range') return PLACEHOLDER.range;
  return PLACEHOLDER.date;
}

/** The text with each date replaced by its placeholder, last first so positions stay right. */
function maskDates(text: string, mentions: readonly DateMention[]): string {
  let masked = text;
  for (const mention of [...mentions].sort((a, b) => b.start - a.start)) {
    masked = `${masked.slice(0, mention.start)} ${placeholderFor(mention)} ${masked.slice(mention.end)}`;
  }
  return masked;
}

/** Words before a name: "is Patti…", "show me Alex's…", "what's overdue for Liz". */
const BEFORE_NAME = new Set(['is', 'isnt', 'does', 'doesnt', 'has', 'hasnt', 'can', 'cant', 'for', 'about', 'check', 'me', 'hows', 'did', 'didnt', 'was', 'dna', 'on']);
/** Words after a name: "Adele didn't attend", "Patti's", "Nestor compliant". */
const AFTER_NAME = new Set([PLACEHOLDER.possessive, 'didnt', 'did', 'missed', 'was', 'wasnt', 'is', 'isnt', 'has', 'hasnt', 'dnad', 'needs', 'doesnt', 'compliant', 'cleared', 'up', 'ok', 'allowed']);

function isNameLike(token: Token | undefined): boolean {
  return token !== undefined && /^\p{L}{2,}$/u.test(token.word) && !isPlaceholder(token.word);
}

/** "hellooo", "pleeease": a letter held down is read once, when the word is not one already. */
function unstretched(word: string, index: SubjectIndex, vocabulary: Vocabulary): string {
  if (!/(\p{L})\1\1/u.test(word) || index.corrector.isKnown(word) || vocabulary.corpusWords.has(word)) return word;
  return word.replace(/(\p{L})\1{2,}/gu, '$1');
}

/** "thankyou", "whatsdue": two words of the corpus typed as one are read as two (in place, same length). */
function splitJoinedWords(tokens: Token[], corrected: string[], taken: boolean[], vocabulary: Vocabulary): void {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const word = corrected[i]!;
    if (taken[i] || word.length < 5 || vocabulary.corpusWords.has(word) || isPlaceholder(word)) continue;
    for (let cut = 2; cut <= word.length - 2; cut++) {
      const [left, right] = [word.slice(0, cut), word.slice(cut)];
      if (vocabulary.corpusWords.has(left) && vocabulary.corpusWords.has(right) && (left.length >= 3 || right.length >= 3)) {
        tokens.splice(i, 1, { word: left, raw: left }, { word: right, raw: right });
        corrected.splice(i, 1, left, right);
        taken.splice(i, 1, false, false);
        break;
      }
    }
  }
}

/**
 * Reads a message. With `team`, names of the asker's team are found first, on the words as typed
 * (before spelling correction can turn "Lynne" into a word); names outside it are read from where
 * they stand, so a question about someone else is never taken for one about oneself.
 */
export function analyse(message: string, context: ReadingContext, vocabulary: Vocabulary, team?: PersonIndex): Analysis {
  const scan = vocabulary.dates.scan(stripMarkup(message), context.today);
  const tokens = tokensOf(maskDates(scan.text, scan.mentions));
  const index: SubjectIndex = subjectIndex(context.subjects, context.topics, vocabulary.corpusWords);

  const taken = new Array<boolean>(tokens.length).fill(false);
  tokens.forEach((t, i) => (taken[i] = isPlaceholder(t.word)));
  const people = team ? findPeople(tokens, team, (i) => !taken[i]) : undefined;
  for (const found of people ?? []) for (let i = found.start; i < found.end; i++) taken[i] = true;

  const corrected = tokens.map((t, i) => (taken[i] ? t.word : index.corrector.correct(unstretched(t.word, index, vocabulary))));
  splitJoinedWords(tokens, corrected, taken, vocabulary);
  const subjects = findSubjects(
    corrected.map((w, i) => (taken[i] && !isPlaceholder(w) ? PLACEHOLDER.person : w)),
    index,
  );
  const inSubject = new Array<boolean>(tokens.length).fill(false);
  for (const span of subjects.spans) for (let i = span.start; i < span.end; i++) inSubject[i] = true;

  // Unknown to the bot: may be a name of the team (worth looking the team up). Not even English: likely a name.
  const unknownAt = (i: number) => !taken[i] && !inSubject[i] && isNameLike(tokens[i]) && !index.corrector.isKnown(corrected[i]!);
  const nameAt = (i: number) => unknownAt(i) && !vocabulary.english.has(corrected[i]!);
  const names: NameCandidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!nameAt(i)) continue;
    const capitalised = i > 0 && /^\p{Lu}/u.test(tokens[i]!.raw) && tokens[i]!.raw !== tokens[i]!.raw.toUpperCase();
    const cued = BEFORE_NAME.has(corrected[i - 1] ?? '') || AFTER_NAME.has(corrected[i + 1] ?? '') || (i === 0 && AFTER_NAME.has(corrected[i + 1] ?? ''));
    if (!capitalised && !cued) continue;
    let end = i + 1;
    // A surname after a first name: "Adele Vance", "Gary Jones's".
    while (end < tokens.length && end - i < 3 && nameAt(end)) end++;
    names.push({ start: i, end, typed: tokens.slice(i, end).map((t) => t.raw).join(' ') });
    i = end - 1;
  }
  const inName = new Array<boolean>(tokens.length).fill(false);
  for (const name of names) for (let i = name.start; i < name.end; i++) inName[i] = true;

  const features: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = corrected[i]!;
    if (isPlaceholder(word)) features.push(word);
    else if (taken[i] || inName[i]) {
      if (features[features.length - 1] !== PLACEHOLDER.person) features.push(PLACEHOLDER.person);
    } else if (inSubject[i]) {
      const span = subjects.spans.find((s) => s.start === i);
      if (span) features.push(/^(?:level|lvl|lv|lev|levl|tier|l\d|tier\d|level\d)$/.test(word) ? PLACEHOLDER.level : PLACEHOLDER.subject);
    } else features.push(word);
  }
  let unknown = 0;
  for (let i = 0; i < tokens.length; i++) if (unknownAt(i) && !inName[i]) unknown++;
  return { text: scan.text, dates: scan.mentions, tokens, corrected, subjects, people, names, unknown, features: features.join(' ') };
}
