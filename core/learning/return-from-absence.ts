import type { AbsenceKind, Person } from '../people/types.js';
import { todayInLondon } from '../time/clock.js';
import { addDays, type LocalDate } from '../time/local-date.js';
import type { CatalogueIndex } from './catalogue-index.js';
import { computeCompliance, type ComplianceResult } from './compliance.js';
import { summaryOf } from './person-summary.js';
import type { LearningDeps } from './ports.js';

export type ReturnResult =
  | { kind: 'welcome-back'; person: Person; absence: { kind: AbsenceKind; from: LocalDate; to: LocalDate }; compliance: ComplianceResult; catalogue: CatalogueIndex; closedNow: boolean }
  | { kind: 'no-absence'; person: Person; compliance: ComplianceResult; catalogue: CatalogueIndex }
  | { kind: 'not-found' };

/** How far back a finished absence still counts as "just back". */
const RECENT_RETURN_DAYS = 90;

/**
 * "I'm back from maternity leave": an absence still open is closed as of yesterday (the learner's
 * word, recorded), then what expired while away is shown with its new due date, return + the
 * organisation's grace period. A recent absence already closed is simply shown.
 */
export async function returnFromAbsence(deps: LearningDeps, staffId: string, kind?: AbsenceKind): Promise<ReturnResult> {
  const today = todayInLondon(deps.clock);
  const [bundle, catalogue] = await Promise.all([deps.staff.getBundle(staffId), deps.catalogue.current()]);
  if (!bundle) return { kind: 'not-found' };
  let person = bundle.person;
  const candidates = person.absences
    .filter((a) => a.from <= today && (kind === undefined || a.kind === kind))
    .filter((a) => a.to === undefined || a.to >= addDays(today, -RECENT_RETURN_DAYS))
    .sort((a, b) => b.from.localeCompare(a.from));
  const absence = candidates[0];
  let closedNow = false;
  if (absence && (absence.to === undefined || absence.to >= today)) {
    const yesterday = addDays(today, -1);
    person = { ...person, absences: person.absences.map((a) => (a === absence ? { ...a, to: yesterday < a.from ? a.from : yesterday } : a)) };
    await deps.staff.savePerson(person);
    closedNow = true;
  }
  const compliance = computeCompliance({ ...bundle, person, catalogue, today, rules: deps.rules });
  if (closedNow) await deps.summaries.save(summaryOf(person, compliance));
  if (!absence) return { kind: 'no-absence', person, compliance, catalogue };
  const closed = person.absences.find((a) => a.from === absence.from && a.kind === absence.kind)!;
  return { kind: 'welcome-back', person, absence: { kind: closed.kind, from: closed.from, to: closed.to! }, compliance, catalogue, closedNow };
}
