import type { Subject, Topic } from '../../core/learning/types.js';
import { COMMON_WORDS } from './common-words.js';
import { INTENT_WORDS } from './intent-vocabulary.js';
import { normaliseText, stem, tokenise } from './normalise.js';
import { SpellingCorrector } from './spelling.js';

/** One way of naming subjects: its stemmed words, the subjects it names, and the level it implies. */
export interface AliasEntry {
  words: string[];
  subjectIds: string[];
  impliedLevel?: number;
}

export interface SubjectIndex {
  /** Entries by their first (stemmed) word, longest first. */
  byFirstWord: Map<string, AliasEntry[]>;
  corrector: SpellingCorrector;
  /** Alias words that must be typed exactly ("ig", "prevent"): never matched through a stem. */
  exact: ReadonlySet<string>;
}

/** Names that cover several subjects: "safeguarding" alone is both adults and children. */
const GROUP_ALIASES: ReadonlyArray<{ phrase: string; subjectIds: string[] }> = [
  { phrase: 'safeguarding', subjectIds: ['safeguarding-adults', 'safeguarding-children'] },
  { phrase: 'safeguarding adults and children', subjectIds: ['safeguarding-adults', 'safeguarding-children'] },
  { phrase: 'safeguarding children and adults', subjectIds: ['safeguarding-adults', 'safeguarding-children'] },
  { phrase: 'adult and child safeguarding', subjectIds: ['safeguarding-adults', 'safeguarding-children'] },
  { phrase: 'child and adult safeguarding', subjectIds: ['safeguarding-adults', 'safeguarding-children'] },
  { phrase: 'adults and children safeguarding', subjectIds: ['safeguarding-adults', 'safeguarding-children'] },
];

/** Abbreviations that imply a level: BLS is resuscitation level 2, ILS level 3, WRAP is Prevent level 3. */
const LEVEL_ABBREVIATIONS: ReadonlyArray<{ phrase: string; subjectId: string; level: number }> = [
  { phrase: 'bls', subjectId: 'resuscitation', level: 2 },
  { phrase: 'basic life support', subjectId: 'resuscitation', level: 2 },
  { phrase: 'ils', subjectId: 'resuscitation', level: 3 },
  { phrase: 'immediate life support', subjectId: 'resuscitation', level: 3 },
  { phrase: 'wrap', subjectId: 'prevent', level: 3 },
];

/** Single words that must be typed exactly, however long: "prevent" is also an everyday verb. */
const EXACT_ONLY = new Set(['prevent', 'wrap', 'resus']);

function words(phrase: string): string[] {
  return tokenise(normaliseText(phrase));
}

function isAbbreviation(aliasWords: string[]): boolean {
  if (aliasWords.length !== 1) return false;
  const [word] = aliasWords as [string];
  return word.length <= 4 || word.includes('&') || EXACT_ONLY.has(word);
}

function build(subjects: Subject[], topics: Topic[], extraWords: ReadonlySet<string>): SubjectIndex {
  const entries = new Map<string, AliasEntry>();
  const vocabulary = new Set<string>([...INTENT_WORDS, ...extraWords]);
  const exact = new Set<string>();
  const present = new Set(subjects.map((subject) => subject.id));

  const add = (phrase: string, subjectIds: string[], impliedLevel?: number) => {
    const phraseWords = words(phrase);
    const ids = subjectIds.filter((id) => present.has(id));
    if (phraseWords.length === 0 || ids.length === 0) return;
    if (isAbbreviation(phraseWords)) exact.add(phraseWords[0]!);
    else for (const word of phraseWords) if (word.length >= 4) vocabulary.add(word);
    const stemmed = phraseWords.map(stem);
    const key = stemmed.join(' ');
    const existing = entries.get(key);
    // A phrase that implies a level wins over the same phrase without one; otherwise the first stays.
    if (existing && (existing.impliedLevel !== undefined || impliedLevel === undefined)) return;
    entries.set(key, { words: stemmed, subjectIds: ids, ...(impliedLevel === undefined ? {} : { impliedLevel }) });
  };

  for (const subject of subjects) {
    add(subject.name, [subject.id]);
    for (const alias of subject.aliases) add(alias, [subject.id]);
  }
  for (const group of GROUP_ALIASES) add(group.phrase, group.subjectIds);
  for (const abbreviation of LEVEL_ABBREVIATIONS) add(abbreviation.phrase, [abbreviation.subjectId], abbreviation.level);
  for (const topic of topics) {
    // "Level 2 basic life support", "Basic Prevent awareness": a level name of two words or more names the level.
    const rest = topic.levelName.replace(/\b(level|tier)\s*\d+\b/gi, ' ');
    if (words(rest).length >= 2) add(rest, [topic.subjectId], topic.level);
  }

  const byFirstWord = new Map<string, AliasEntry[]>();
  for (const entry of entries.values()) {
    const list = byFirstWord.get(entry.words[0]!) ?? [];
    list.push(entry);
    byFirstWord.set(entry.words[0]!, list);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);

  for (const word of exact) vocabulary.delete(word);
  return { byFirstWord, corrector: new SpellingCorrector(vocabulary, [...COMMON_WORDS, ...exact]), exact };
}

const NO_EXTRA_WORDS: ReadonlySet<string> = new Set();
const cache = new WeakMap<ReadonlySet<string>, WeakMap<Subject[], WeakMap<Topic[], SubjectIndex>>>();

/**
 * The alias tables of a catalogue, built once per (subjects, topics) arrays and kept while they live.
 * `extraWords` (the training corpus's words) join the words a misspelling may be corrected to.
 */
export function subjectIndex(subjects: Subject[], topics: Topic[], extraWords: ReadonlySet<string> = NO_EXTRA_WORDS): SubjectIndex {
  let bySubjects = cache.get(extraWords);
  if (!bySubjects) {
    bySubjects = new WeakMap();
    cache.set(extraWords, bySubjects);
  }
  let byTopics = bySubjects.get(subjects);
  if (!byTopics) {
    byTopics = new WeakMap();
    bySubjects.set(subjects, byTopics);
  }
  let index = byTopics.get(topics);
  if (!index) {
    index = build(subjects, topics, extraWords);
    byTopics.set(topics, index);
  }
  return index;
}
