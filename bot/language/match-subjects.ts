import type { Subject, Topic } from '../../core/learning/types.js';
import { findLevels, type LevelExpression } from './levels.js';
import { correctedWords } from './message-words.js';
import { stem } from './normalise.js';
import { subjectIndex, type AliasEntry, type SubjectIndex } from './subject-index.js';
import type { SubjectMention } from './intents.js';

interface Found {
  start: number;
  end: number;
  entry: AliasEntry;
  level?: number;
}

/** How far a level may stand from the subject it belongs to: "fire safety training at level 1". */
const LEVEL_AFTER_GAP = 3;
const LEVEL_BEFORE_GAP = 2;

function findAliases(words: readonly string[], index: SubjectIndex): Found[] {
  const stems = words.map((word) => {
    const stemmed = stem(word);
    return index.exact.has(stemmed) ? word : stemmed; // "prevents" is not "prevent"
  });
  const found: Found[] = [];
  for (let start = 0; start < stems.length; start++) {
    const candidates = index.byFirstWord.get(stems[start]!);
    if (!candidates) continue;
    const entry = candidates.find((candidate) => candidate.words.every((word, offset) => stems[start + offset] === word));
    if (!entry) continue;
    found.push({ start, end: start + entry.words.length, entry });
    start += entry.words.length - 1;
  }
  return found;
}

/** A level goes to the nearest subject before it ("safeguarding level 3"), else the one just after ("level 3 safeguarding"). */
function attachLevels(found: Found[], levels: LevelExpression[]): void {
  for (const level of levels) {
    const before = [...found].reverse().find((item) => item.end <= level.start);
    if (before && before.level === undefined && level.start - before.end <= LEVEL_AFTER_GAP) {
      before.level = level.level;
      continue;
    }
    const after = found.find((item) => item.start >= level.end);
    if (after && after.level === undefined && after.start - level.end <= LEVEL_BEFORE_GAP) after.level = level.level;
  }
}

export interface SubjectsFound {
  mentions: SubjectMention[];
  /** Token ranges [start, end) that named a subject or its level. */
  spans: Array<{ start: number; end: number }>;
}

/** Subject mentions in already-corrected words, in the order they are first named, each subject once; with where they were. */
export function findSubjects(words: readonly string[], index: SubjectIndex): SubjectsFound {
  const found = findAliases(words, index);
  if (found.length === 0) return { mentions: [], spans: [] };
  const levels = findLevels(words);
  attachLevels(found, levels);
  const mentions = new Map<string, SubjectMention>();
  for (const item of found) {
    const level = item.level ?? item.entry.impliedLevel;
    for (const subjectId of item.entry.subjectIds) {
      const existing = mentions.get(subjectId);
      if (!existing) mentions.set(subjectId, level === undefined ? { subjectId } : { subjectId, level });
      else if (existing.level === undefined && level !== undefined) existing.level = level;
    }
  }
  const spans = found.map((f) => ({ start: f.start, end: f.end }));
  for (const level of levels) spans.push({ start: level.start, end: level.end });
  return { mentions: [...mentions.values()], spans };
}

/** Subject mentions in already-corrected words, in the order they are first named, each subject once. */
export function mentionsIn(words: readonly string[], index: SubjectIndex): SubjectMention[] {
  return findSubjects(words, index).mentions;
}

/** The subjects a message names, by name, alias or abbreviation, typos forgiven, with any level stated or implied. */
export function matchSubjects(text: string, subjects: Subject[], topics: Topic[]): SubjectMention[] {
  const index = subjectIndex(subjects, topics);
  return mentionsIn(correctedWords(text, index), index);
}
