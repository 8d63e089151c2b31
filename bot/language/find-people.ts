import { COMMON_WORDS } from './common-words.js';
import { editDistance } from './edit-distance.js';
import type { NamedPerson } from './intents.js';
import type { Token } from './message-tokens.js';

/** One way of naming someone: "patti", "patti fernandez", "fernandez", "liz" for Elizabeth. */
interface NameForm {
  words: string[];
  person: NamedPerson;
  /** Full names and surnames outrank first names and short forms when both match. */
  strength: number;
}

export interface PersonIndex {
  byFirstWord: Map<string, NameForm[]>;
  /** Single-word forms of five letters or more, for near spellings ("Lyne" for Lynne is too short). */
  spellable: NameForm[];
}

export interface PersonFound {
  start: number;
  end: number;
  people: NamedPerson[];
}

const normal = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z' -]/g, ' ')
    .replace(/'/g, '')
    .split(/[\s-]+/)
    .filter((w) => w.length > 0);

/** The forms each person of a team can be named by: first, last and full name, and short forms of the first. */
export function personIndex(people: readonly NamedPerson[], shortForms: Readonly<Record<string, readonly string[]>>): PersonIndex {
  const byFirstWord = new Map<string, NameForm[]>();
  const spellable: NameForm[] = [];
  const longForms = new Map<string, string[]>();
  for (const [long, shorts] of Object.entries(shortForms)) for (const short of shorts) longForms.set(short, [...(longForms.get(short) ?? []), long]);
  const add = (words: string[], person: NamedPerson, strength: number) => {
    if (words.length === 0) return;
    const form = { words, person, strength };
    byFirstWord.set(words[0]!, [...(byFirstWord.get(words[0]!) ?? []), form]);
    if (words.length === 1 && words[0]!.length >= 5) spellable.push(form);
  };
  for (const person of people) {
    const parts = normal(person.name);
    if (parts.length === 0) continue;
    const first = parts[0]!;
    const last = parts[parts.length - 1]!;
    add(parts, person, 3);
    if (parts.length > 1) {
      add([first, last], person, 3);
      add([last], person, 2);
    }
    add([first], person, 1);
    for (const short of [...(shortForms[first] ?? []), ...(longForms.get(first) ?? [])]) {
      add([short], person, 1);
      if (parts.length > 1) add([short, last], person, 3);
    }
  }
  for (const forms of byFirstWord.values()) forms.sort((a, b) => b.words.length - a.words.length);
  return { byFirstWord, spellable };
}

/** A name that is also an English word ("Will", "Rose", "Mark") counts only when written with a capital. */
function mayBeName(token: Token): boolean {
  if (!COMMON_WORDS.has(token.word)) return true;
  return /^\p{Lu}\p{Ll}/u.test(token.raw);
}

/**
 * The people of a team a message names, by position. At each word the longest form wins ("Patti
 * Fernandez" over "Patti"); a word of five letters or more may be one typo away from a name.
 * `free(i)` says which words may still be read as names (not already a subject or a date).
 */
export function findPeople(tokens: readonly Token[], index: PersonIndex, free: (i: number) => boolean): PersonFound[] {
  const found: PersonFound[] = [];
  for (let start = 0; start < tokens.length; start++) {
    if (!free(start) || !mayBeName(tokens[start]!)) continue;
    const forms = index.byFirstWord.get(tokens[start]!.word) ?? [];
    const fitting = forms.filter((form) => form.words.every((w, k) => start + k < tokens.length && free(start + k) && tokens[start + k]!.word === w));
    let match: NameForm[] = [];
    if (fitting.length > 0) {
      const longest = fitting[0]!.words.length;
      const best = fitting.filter((f) => f.words.length === longest);
      const strongest = Math.max(...best.map((f) => f.strength));
      match = best.filter((f) => f.strength === strongest);
    } else if (tokens[start]!.word.length >= 4 && !COMMON_WORDS.has(tokens[start]!.word)) {
      match = index.spellable.filter((form) => editDistance(form.words[0]!, tokens[start]!.word, 1) <= 1);
    }
    if (match.length === 0) continue;
    const end = start + (match[0]!.words.length || 1);
    const people = [...new Map(match.map((f) => [f.person.staffId, f.person])).values()];
    const previous = found[found.length - 1];
    // "Lyne Robbins": a near first name and the surname after it are one person, named once.
    const same = previous && previous.end === start && previous.people.length === people.length && previous.people.every((p) => people.some((q) => q.staffId === p.staffId));
    if (same) previous.end = end;
    else found.push({ start, end, people });
    start = end - 1;
  }
  return found;
}

/** A name typed in a form or a command ("Sam Patel", "patel"): the same reading over its words alone. */
export function findPerson<T extends NamedPerson>(typed: string, people: readonly T[], shortForms: Readonly<Record<string, readonly string[]>> = {}): { kind: 'one'; person: T } | { kind: 'several'; people: T[] } | { kind: 'none' } {
  const tokens = normal(typed).map((word) => ({ word, raw: word }));
  if (tokens.length === 0) return { kind: 'none' };
  const index = personIndex(people, shortForms);
  const found = findPeople(tokens, index, () => true);
  const matched = found[0]?.people ?? [];
  const byId = new Map(people.map((p) => [p.staffId, p]));
  const list = matched.map((p) => byId.get(p.staffId)!).filter((p) => p !== undefined);
  if (list.length === 1) return { kind: 'one', person: list[0]! };
  if (list.length > 1) return { kind: 'several', people: list.slice(0, 10) };
  return { kind: 'none' };
}
