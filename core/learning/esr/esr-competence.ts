import type { CatalogueIndex } from '../catalogue-index.js';
import type { RequirementKind } from '../types.js';

/**
 * An ESR competence name split into its parts: `NHS|CSTF|Fire Safety - 2 Years|` (national) or
 * `457|LOCAL|Sepsis Awareness|` (local, 457 = the organisation's VPD code). Anything else is kept
 * whole as the title.
 */
export interface EsrCompetence {
  raw: string;
  /** The key a remembered mapping is stored under: trimmed, lower-case, single spaces. */
  key: string;
  owner: string | undefined;
  framework: string | undefined;
  title: string;
  kind: 'national' | 'local' | 'other';
}

export function competenceKey(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function parseCompetenceName(raw: string): EsrCompetence {
  const parts = raw.split('|').map((p) => p.trim());
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  const key = competenceKey(raw);
  if (parts.length >= 3) {
    const [owner, framework, ...rest] = parts;
    const title = rest.join(' ').trim();
    const kind = /^nhs$/i.test(owner!) ? 'national' : /^local$/i.test(framework!) ? 'local' : 'other';
    return { raw, key, owner, framework, title, kind };
  }
  return { raw, key, owner: undefined, framework: undefined, title: parts.join(' ').trim(), kind: 'other' };
}

/** Lower case, `&` as "and", punctuation as spaces: "Health, Safety & Welfare" → "health safety and welfare". */
export function normaliseWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** "Fire Safety - 2 Years" → "Fire Safety": the renewal ESR appends says nothing about the subject. */
function withoutRenewal(title: string): string {
  return title.replace(/\s*[-–(]?\s*(\d+\s*(years?|yrs?|months?)|no renewal|one off|once only)\s*\)?\s*$/i, '').trim();
}

export type CompetenceMatch =
  | { kind: 'topic'; subjectId: string; level: number; via: 'name' }
  | { kind: 'unknown'; reason: string };

const LEVEL_NUMBER = /\b(?:level|lvl|tier|l)\s*(\d)\b/;

/**
 * Finds the catalogue topic an ESR competence is about: the subject whose name or alias appears in
 * the title as whole words (the longest such phrase wins; two subjects tied = unknown), then the
 * level — the topic whose level name appears in the title, else "Level N" / "Tier N", else the only
 * level the subject has. National names match national subjects, LOCAL names local ones. Whatever
 * cannot be told for sure is unknown, for a person to map once.
 */
export function matchCompetence(competence: EsrCompetence, catalogue: CatalogueIndex): CompetenceMatch {
  const title = ` ${normaliseWords(withoutRenewal(competence.title))} `;
  if (title.trim() === '') return { kind: 'unknown', reason: 'the competence has no title' };
  const wanted: RequirementKind[] = competence.kind === 'local' ? ['local'] : competence.kind === 'national' ? ['national'] : ['national', 'local'];
  let best: { subjectId: string; length: number } | undefined;
  let tied = false;
  for (const subject of catalogue.catalogue.subjects) {
    if (!wanted.includes(subject.kind)) continue;
    for (const phrase of [subject.name, ...subject.aliases]) {
      const words = normaliseWords(phrase);
      if (words === '' || !title.includes(` ${words} `)) continue;
      if (!best || words.length > best.length) {
        tied = false;
        best = { subjectId: subject.id, length: words.length };
      } else if (words.length === best.length && best.subjectId !== subject.id) tied = true;
    }
  }
  if (!best) return { kind: 'unknown', reason: 'no topic in the catalogue has this name' };
  if (tied) return { kind: 'unknown', reason: 'the name fits more than one subject' };
  const levels = catalogue.levelsOf(best.subjectId);
  if (levels.length === 0) return { kind: 'unknown', reason: 'the subject has no topics' };
  if (levels.length === 1) return { kind: 'topic', subjectId: best.subjectId, level: levels[0]!.level, via: 'name' };
  const byName = levels
    .map((t) => ({ topic: t, words: normaliseWords(t.levelName) }))
    .filter((t) => t.words !== '' && title.includes(` ${t.words} `))
    .sort((a, b) => b.words.length - a.words.length)[0];
  if (byName && !/^(level|tier) \d$/.test(byName.words)) return { kind: 'topic', subjectId: best.subjectId, level: byName.topic.level, via: 'name' };
  const number = LEVEL_NUMBER.exec(title);
  if (number) {
    const level = Number(number[1]);
    if (levels.some((t) => t.level === level)) return { kind: 'topic', subjectId: best.subjectId, level, via: 'name' };
    return { kind: 'unknown', reason: `the subject has no level ${level}` };
  }
  if (byName) return { kind: 'topic', subjectId: best.subjectId, level: byName.topic.level, via: 'name' };
  return { kind: 'unknown', reason: 'the subject has several levels and the name does not say which' };
}

/** An ESR position ("Staff Nurse", "12345|Practice Nurse|") to a role of the requirement matrix, by name or id. */
export function matchPosition(position: string, catalogue: CatalogueIndex): string | undefined {
  const candidates = position
    .split('|')
    .map((p) => normaliseWords(p.replace(/\([^)]*\)/g, ' ')))
    .filter((p) => p !== '');
  for (const role of catalogue.catalogue.roles) {
    const plain = role.name.replace(/\([^)]*\)/g, ' ');
    const names = [role.id, role.name, plain, ...plain.split('/')].map(normaliseWords).filter((n) => n !== '');
    if (candidates.some((c) => names.includes(c))) return role.id;
  }
  return undefined;
}
