import { CatalogueIndex } from '../learning/catalogue-index.js';
import { computeCompliance, type ComplianceItem, type ComplianceRules } from '../learning/compliance.js';
import type { StaffBundle } from '../learning/ports.js';
import type { RoleDefinition, Topic } from '../learning/types.js';
import type { LocalDate } from '../time/local-date.js';

/** A change to the requirement matrix not yet made: topics and roles as they would be saved. */
export interface MatrixChange {
  topics?: Topic[];
  roles?: RoleDefinition[];
}

/** What a change would do to people's learning today, counted in people (each person once per line). */
export interface ChangeImpact {
  /** People whose learning was compared. */
  checked: number;
  /** People for whom anything changes at all. */
  affected: number;
  becomeOverdue: number;
  becomeDueSoon: number;
  noLongerOverdue: number;
  dueEarlier: number;
  dueLater: number;
  newlyRequired: number;
  noLongerRequired: number;
}

/** The catalogue as it would be after the change (topics and roles replaced or added by id). */
export function catalogueAfter(before: CatalogueIndex, change: MatrixChange): CatalogueIndex {
  const topics = new Map(before.catalogue.topics.map((t) => [t.id, t]));
  for (const t of change.topics ?? []) topics.set(t.id, t);
  const roles = new Map(before.catalogue.roles.map((r) => [r.id, r]));
  for (const r of change.roles ?? []) roles.set(r.id, r);
  return new CatalogueIndex({ ...before.catalogue, topics: [...topics.values()], roles: [...roles.values()] });
}

const bySubject = (items: readonly ComplianceItem[]) => new Map(items.map((i) => [i.subjectId, i]));

/**
 * The effect of a matrix change before it is made: each person's compliance today under the
 * current matrix and under the changed one (the same pure function, two catalogues), compared
 * subject by subject. Nothing is written.
 */
export function changeImpact(bundles: Iterable<Pick<StaffBundle, 'person' | 'records' | 'extensions' | 'exemptions'>>, before: CatalogueIndex, after: CatalogueIndex, today: LocalDate, rules: ComplianceRules): ChangeImpact {
  const impact: ChangeImpact = { checked: 0, affected: 0, becomeOverdue: 0, becomeDueSoon: 0, noLongerOverdue: 0, dueEarlier: 0, dueLater: 0, newlyRequired: 0, noLongerRequired: 0 };
  for (const bundle of bundles) {
    impact.checked++;
    const input = { person: bundle.person, records: bundle.records, extensions: bundle.extensions, exemptions: bundle.exemptions, today, rules };
    const was = bySubject(computeCompliance({ ...input, catalogue: before }).items);
    const will = bySubject(computeCompliance({ ...input, catalogue: after }).items);
    const seen = new Set<keyof ChangeImpact>();
    for (const [subjectId, next] of will) {
      const previous = was.get(subjectId);
      if (!previous) {
        seen.add('newlyRequired');
        if (next.status === 'overdue') seen.add('becomeOverdue');
        continue;
      }
      if (next.status === 'overdue' && previous.status !== 'overdue') seen.add('becomeOverdue');
      if (next.status === 'due-soon' && previous.status !== 'due-soon' && previous.status !== 'overdue') seen.add('becomeDueSoon');
      if (previous.status === 'overdue' && next.status !== 'overdue') seen.add('noLongerOverdue');
      if (previous.dueDate && next.dueDate && next.dueDate < previous.dueDate) seen.add('dueEarlier');
      if (previous.dueDate && next.dueDate && next.dueDate > previous.dueDate) seen.add('dueLater');
      if ((previous.dueDate === null) !== (next.dueDate === null)) seen.add(next.dueDate === null ? 'dueLater' : 'dueEarlier');
    }
    for (const subjectId of was.keys()) if (!will.has(subjectId)) seen.add('noLongerRequired');
    if (seen.size > 0) impact.affected++;
    for (const key of seen) impact[key]++;
  }
  return impact;
}

/** "43 people become overdue, 120 due soon": the impact in one sentence, the lines that are not zero. */
export function describeImpact(impact: ChangeImpact): string {
  const people = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'person' : 'people'}`;
  const parts: string[] = [];
  if (impact.becomeOverdue) parts.push(`${people(impact.becomeOverdue)} become${impact.becomeOverdue === 1 ? 's' : ''} overdue`);
  if (impact.becomeDueSoon) parts.push(`${parts.length ? impact.becomeDueSoon.toLocaleString('en-GB') : people(impact.becomeDueSoon)} due soon`);
  if (impact.noLongerOverdue) parts.push(`${people(impact.noLongerOverdue)} no longer overdue`);
  if (impact.dueEarlier) parts.push(`${people(impact.dueEarlier)} due earlier`);
  if (impact.dueLater) parts.push(`${people(impact.dueLater)} due later`);
  if (impact.newlyRequired) parts.push(`${people(impact.newlyRequired)} newly required to complete it`);
  if (impact.noLongerRequired) parts.push(`${people(impact.noLongerRequired)} no longer required to`);
  if (parts.length === 0) return `Nobody's due dates change (${people(impact.checked)} checked).`;
  return `${parts.join(', ')} (of ${people(impact.checked)} checked).`;
}
