import type { Person, RoleAssignment, StaffCategory } from '../../people/types.js';
import { STAFF_CATEGORIES } from '../../people/types.js';
import type { LocalDate } from '../../time/local-date.js';
import type { StaffBundle } from '../ports.js';
import type { LearningRecord } from '../types.js';
import type { PersonDraft } from './esr-types.js';

export interface MergeContext {
  today: LocalDate;
  importId: string;
  now: string;
}

export interface MergeOutcome {
  bundle: StaffBundle;
  /** Records new or changed by this import (to write as history rows). */
  changedRecords: LearningRecord[];
  recordsAdded: number;
  recordsUpdated: number;
  personChanged: boolean;
  created: boolean;
}

const CATEGORY_WORDS: [RegExp, StaffCategory][] = [
  [/bank/i, 'bank'],
  [/agency/i, 'agency'],
  [/locum/i, 'locum'],
  [/student|trainee/i, 'student'],
  [/volunteer/i, 'volunteer'],
  [/honorary/i, 'honorary'],
  [/second/i, 'secondee'],
  [/work experience/i, 'work-experience'],
  [/non[- ]?exec/i, 'non-executive-director'],
  [/contractor/i, 'contractor'],
  [/permanent|fixed term|employee/i, 'employee'],
];

export function categoryOf(text: string | undefined): StaffCategory | undefined {
  if (!text) return undefined;
  const exact = STAFF_CATEGORIES.find((c) => c === text.toLowerCase());
  return exact ?? CATEGORY_WORDS.find(([pattern]) => pattern.test(text))?.[1];
}

/** JSON with keys in a fixed order, so two equal objects compare equal however they were built. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

const sameRecordFacts = (a: LearningRecord, b: LearningRecord) =>
  a.subjectId === b.subjectId && a.level === b.level && a.completedOn === b.completedOn && (a.expiresOn ?? 'derived') === (b.expiresOn ?? 'derived');

/**
 * The person as the file says they are, laid over what is stored. What ESR does not know is kept:
 * permissions, Entra identity, absences, delegates, roles given by hand (unless the file now gives
 * the same role through an assignment). An assignment's role is replaced by its current position;
 * assignments absent from this file are kept (a partial export must not end anyone's roles).
 * Records are added or corrected by their deterministic id and never removed. Nothing else in the
 * bundle (requests, DNA records) is touched, so re-importing the same file changes nothing.
 */
export function mergePerson(existing: StaffBundle | undefined, draft: PersonDraft, context: MergeContext): MergeOutcome {
  const before = existing?.person;
  const assignments = [...draft.assignments.values()].sort((a, b) => a.number.localeCompare(b.number));
  const primary = assignments[0];
  const earliestRecord = [...draft.records.values()].map((r) => r.completedOn).sort()[0];
  const startDate: LocalDate = before?.startDate ?? assignments.map((a) => a.start).filter((d): d is LocalDate => !!d).sort()[0] ?? earliestRecord ?? context.today;

  const fileRoles: RoleAssignment[] = assignments
    .filter((a) => a.roleId)
    .map((a) => {
      const previous = before?.roles.find((r) => r.assignment === a.number);
      const start = a.start ?? (previous?.roleId === a.roleId ? previous?.start : undefined) ?? startDate;
      return { roleId: a.roleId!, start, assignment: a.number };
    });
  const fileAssignments = new Set(assignments.map((a) => a.number));
  const fileRoleIds = new Set(fileRoles.map((r) => r.roleId));
  const keptRoles = (before?.roles ?? []).filter((r) => (r.assignment ? !fileAssignments.has(r.assignment) : !fileRoleIds.has(r.roleId)));
  const supervisors = [...new Set(assignments.map((a) => a.supervisorId).filter((s): s is string => !!s))];

  const person: Person = {
    ...(before ?? {}),
    id: draft.employeeNumber,
    name: draft.name ?? before?.name ?? draft.employeeNumber,
    ...(draft.email ?? before?.email ? { email: draft.email ?? before?.email } : {}),
    staffGroup: primary?.staffGroup ?? before?.staffGroup ?? 'Not stated',
    category: categoryOf(draft.category) ?? before?.category ?? 'employee',
    orgUnit: primary?.orgUnit ?? before?.orgUnit ?? 'Not stated',
    startDate,
    roles: [...keptRoles, ...fileRoles],
    managerIds: supervisors.length ? supervisors : (before?.managerIds ?? []),
    absences: before?.absences ?? [],
  };

  const records = [...(existing?.records ?? [])];
  const byId = new Map(records.map((r, i) => [r.id, i]));
  const changedRecords: LearningRecord[] = [];
  let recordsAdded = 0;
  let recordsUpdated = 0;
  for (const draftRecord of draft.records.values()) {
    const at = byId.get(draftRecord.id);
    const current = at === undefined ? undefined : records[at];
    const record: LearningRecord = {
      id: draftRecord.id,
      subjectId: draftRecord.subjectId,
      level: draftRecord.level,
      completedOn: draftRecord.completedOn,
      method: current?.method ?? 'e-learning',
      source: current?.source ?? { kind: 'esr', importId: context.importId },
      verification: { state: 'verified' },
      ...(draftRecord.expiresOn !== undefined ? { expiresOn: draftRecord.expiresOn } : {}),
      recordedAt: current?.recordedAt ?? context.now,
    };
    if (current && sameRecordFacts(current, record) && current.verification.state === 'verified') continue;
    if (current) {
      records[at!] = record;
      recordsUpdated++;
    } else {
      byId.set(record.id, records.length);
      records.push(record);
      recordsAdded++;
    }
    changedRecords.push(record);
  }

  const personChanged = !before || canonicalJson(before) !== canonicalJson(person);
  const base: StaffBundle = existing ?? { person, records: [], extensions: [], exemptions: [], supportRequests: [], dnaRecords: [] };
  return {
    bundle: { ...base, person, records },
    changedRecords,
    recordsAdded,
    recordsUpdated,
    personChanged,
    created: !existing,
  };
}
