import { isLocalDate } from '../time/local-date.js';
import type { CatalogueIndex } from './catalogue-index.js';
import { COMPLETION_METHODS, REQUIREMENT_KINDS, type RoleDefinition, type Subject, type Topic } from './types.js';

/** Ids are short lower-case slugs: they travel in cards, summaries and URLs. */
export const CATALOGUE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50) || 'topic';
}

/** A slug not yet taken: `name`, `name-2`, `name-3`… */
export function freeId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

export function subjectProblems(subject: Subject, catalogue: CatalogueIndex): string[] {
  const problems: string[] = [];
  if (!CATALOGUE_ID.test(subject.id)) problems.push('The id must be lower-case letters, digits and hyphens.');
  const name = subject.name.trim();
  if (name.length < 2 || name.length > 120) problems.push('The name must be 2 to 120 characters.');
  const clash = catalogue.catalogue.subjects.find((s) => s.id !== subject.id && s.name.trim().toLowerCase() === name.toLowerCase());
  if (clash) problems.push(`Another subject is already called “${clash.name}”.`);
  if (!REQUIREMENT_KINDS.includes(subject.kind)) problems.push('The kind must be national, local or role.');
  if (subject.aliases.length > 30 || subject.aliases.some((a) => a.trim().length === 0 || a.length > 60)) problems.push('Aliases: at most 30, each 1 to 60 characters.');
  return problems;
}

export function topicProblems(topic: Topic, catalogue: CatalogueIndex): string[] {
  const problems: string[] = [];
  if (!catalogue.subject(topic.subjectId)) problems.push(`“${topic.subjectId}” is not a subject in the catalogue.`);
  if (topic.id !== `${topic.subjectId}-${topic.level}`) problems.push('A topic is identified by its subject and level.');
  if (!Number.isInteger(topic.level) || topic.level < 1 || topic.level > 9) problems.push('The level must be a whole number from 1 to 9.');
  if (topic.levelName.trim().length < 1 || topic.levelName.length > 60) problems.push('The level name must be 1 to 60 characters.');
  if (topic.renewalMonths !== null && (!Number.isInteger(topic.renewalMonths) || topic.renewalMonths < 1 || topic.renewalMonths > 120)) {
    problems.push('Renewal must be a whole number of months from 1 to 120, or never.');
  }
  if (topic.methods.length === 0) problems.push('Allow at least one way to complete it.');
  if (new Set(topic.methods).size !== topic.methods.length || topic.methods.some((m) => !COMPLETION_METHODS.includes(m))) problems.push('The methods must be distinct, known ways to complete it.');
  if (topic.link !== undefined && topic.link !== '') {
    let ok = false;
    try {
      ok = ['https:', 'http:'].includes(new URL(topic.link).protocol);
    } catch {
      ok = false;
    }
    if (!ok) problems.push('The link must be a web address (https://…).');
  }
  if (topic.audience !== undefined && topic.audience.length > 200) problems.push('The audience must be at most 200 characters.');
  return problems;
}

export function roleProblems(role: RoleDefinition, catalogue: CatalogueIndex): string[] {
  const problems: string[] = [];
  if (!CATALOGUE_ID.test(role.id)) problems.push('The id must be lower-case letters, digits and hyphens.');
  if (role.name.trim().length < 2 || role.name.length > 120) problems.push('The name must be 2 to 120 characters.');
  const seen = new Set<string>();
  for (const ref of role.requirements) {
    const name = catalogue.subjectName(ref.subjectId);
    if (!catalogue.subject(ref.subjectId)) problems.push(`“${ref.subjectId}” is not a subject in the catalogue.`);
    else if (!catalogue.levelsOf(ref.subjectId).some((t) => t.level === ref.level)) problems.push(`${name} has no level ${ref.level}.`);
    if (seen.has(ref.subjectId)) problems.push(`${name} is required twice: keep one, at the level needed.`);
    seen.add(ref.subjectId);
    if (ref.since !== undefined && !isLocalDate(ref.since)) problems.push(`${name}: “since” is not a date.`);
  }
  return problems;
}

/** Roles that require a subject at exactly this level: a topic they rely on cannot be removed. */
export function rolesRequiring(catalogue: CatalogueIndex, subjectId: string, level: number): RoleDefinition[] {
  return catalogue.catalogue.roles.filter((r) => r.requirements.some((q) => q.subjectId === subjectId && q.level === level));
}
