import type { Person } from '../people/types.js';
import {
  addDays,
  addMonths,
  daysBetween,
  maxDate,
  type LocalDate,
} from '../time/local-date.js';
import { CatalogueIndex } from './catalogue-index.js';
import type { ExemptionRequest, ExtensionRequest, LearningRecord } from './types.js';

/** The organisation's rules that shape compliance; each has the policy's usual default. */
export interface ComplianceRules {
  /** An item is "due soon" this many days before its due date. */
  dueSoonDays: number;
  /** A new starter (or someone newly given a requirement) has this many weeks to complete it. */
  newStarterWeeks: number;
  /** Learning that expired during an absence is due this many days after the person returns. */
  returnFromAbsenceDays: number;
}

export const DEFAULT_COMPLIANCE_RULES: ComplianceRules = {
  dueSoonDays: 30,
  newStarterWeeks: 12,
  returnFromAbsenceDays: 28,
};

export type ComplianceStatus = 'overdue' | 'due-soon' | 'not-completed' | 'extended' | 'in-date' | 'exempt';

/** Worst first: the order a learner should read them in. */
export const STATUS_ORDER: readonly ComplianceStatus[] = ['overdue', 'due-soon', 'not-completed', 'extended', 'in-date', 'exempt'];

export interface ComplianceItem {
  subjectId: string;
  /** The highest level any current role asks for. */
  level: number;
  topicId: string;
  status: ComplianceStatus;
  /** The date by which it must be (re)completed; null only when exempt or never expiring and held. */
  dueDate: LocalDate | null;
  /** True when valid learning is held today (in date or due soon on a valid record). */
  compliant: boolean;
  /** The record that satisfies it (the one valid the longest), if any. */
  record?: LearningRecord;
  /** Expiry of that record; null when it never expires. */
  recordExpiresOn?: LocalDate | null;
  /** The roles that require this subject (any level). */
  roleIds: string[];
  extension?: { requestId: string; agreedDate: LocalDate };
  exemption?: { requestId: string };
  /** Set when the due date was moved because the person is, or was, away. */
  absence?: { kind: string; returnDate?: LocalDate };
}

export interface ComplianceSummary {
  required: number;
  compliant: number;
  overdue: number;
  dueSoon: number;
  exempt: number;
  /** Compliant share of non-exempt requirements, 0–100 (100 when nothing is required). */
  percent: number;
  /** The earliest due date not yet passed (overdue items are in `overdue`); null when none is ahead. */
  nextDueDate: LocalDate | null;
}

export interface ComplianceResult {
  personId: string;
  asOf: LocalDate;
  items: ComplianceItem[];
  summary: ComplianceSummary;
}

export interface ComplianceInput {
  person: Person;
  catalogue: CatalogueIndex;
  records: readonly LearningRecord[];
  extensions: readonly ExtensionRequest[];
  exemptions: readonly ExemptionRequest[];
  today: LocalDate;
  rules?: ComplianceRules;
}

/** Roles held on a day: started on or before it, not yet ended. */
export function currentRoleIds(person: Person, today: LocalDate): string[] {
  return person.roles.filter((r) => r.start <= today && (r.end === undefined || r.end >= today)).map((r) => r.roleId);
}

/** A record counts once verified (transferred evidence waits for learning and development). */
export function recordCounts(record: LearningRecord): boolean {
  return record.verification.state === 'verified';
}

/** When a record stops satisfying a requirement: its own stated expiry, else the required topic's renewal. */
export function recordExpiry(record: Pick<LearningRecord, 'completedOn' | 'expiresOn'>, renewalMonths: number | null): LocalDate | null {
  if (record.expiresOn !== undefined) return record.expiresOn;
  return renewalMonths === null ? null : addMonths(record.completedOn, renewalMonths);
}

interface Requirement {
  subjectId: string;
  level: number;
  roleIds: string[];
  /** The first day it applied to this person. */
  appliesFrom: LocalDate;
}

function mergeRequirements(person: Person, catalogue: CatalogueIndex, today: LocalDate): Requirement[] {
  const bySubject = new Map<string, Requirement>();
  for (const assignment of person.roles) {
    if (assignment.start > today || (assignment.end !== undefined && assignment.end < today)) continue;
    const role = catalogue.role(assignment.roleId);
    if (!role) continue;
    for (const ref of role.requirements) {
      const since = ref.since ?? assignment.start;
      const appliesFrom = maxDate(maxDate(assignment.start, since), person.startDate);
      const existing = bySubject.get(ref.subjectId);
      if (!existing) {
        bySubject.set(ref.subjectId, { subjectId: ref.subjectId, level: ref.level, roleIds: [role.id], appliesFrom });
        continue;
      }
      if (!existing.roleIds.includes(role.id)) existing.roleIds.push(role.id);
      // A higher level is a new requirement: it applies from when that level was first asked for.
      if (ref.level > existing.level) {
        existing.level = ref.level;
        existing.appliesFrom = appliesFrom;
      } else if (ref.level === existing.level && appliesFrom < existing.appliesFrom) {
        existing.appliesFrom = appliesFrom;
      }
    }
  }
  return [...bySubject.values()];
}

/**
 * Moves a due date that falls in an absence, or in the days just after it, to a grace period after
 * the return. The mapping never moves a date earlier and preserves order, so later learning can
 * never produce an earlier due date.
 */
function adjustForAbsence(
  person: Person,
  due: LocalDate,
  today: LocalDate,
  rules: ComplianceRules,
): { due: LocalDate; absence?: ComplianceItem['absence'] } {
  let adjusted = due;
  let absence: ComplianceItem['absence'];
  const absences = [...person.absences].sort((a, b) => a.from.localeCompare(b.from));
  for (const away of absences) {
    if (away.from > adjusted) continue;
    if (away.to !== undefined) {
      const returnDate = addDays(away.to, 1);
      const graceEnds = addDays(returnDate, rules.returnFromAbsenceDays);
      if (adjusted >= graceEnds) continue;
      adjusted = graceEnds;
      absence = { kind: away.kind, returnDate };
    } else {
      // Still away with no return date: it stays a grace period ahead of today, so never falls overdue.
      if (away.from > today) continue;
      const graceEnds = addDays(today, rules.returnFromAbsenceDays);
      if (adjusted >= graceEnds) continue;
      adjusted = graceEnds;
      absence = { kind: away.kind };
    }
  }
  return { due: adjusted, absence };
}

function bestRecord(
  records: readonly LearningRecord[],
  subjectId: string,
  level: number,
  renewalMonths: number | null,
): { record: LearningRecord; expires: LocalDate | null } | undefined {
  let best: { record: LearningRecord; expires: LocalDate | null } | undefined;
  for (const record of records) {
    if (record.subjectId !== subjectId || record.level < level || !recordCounts(record)) continue;
    const expires = recordExpiry(record, renewalMonths);
    if (!best || laterExpiry(expires, best.expires) || (expires === best.expires && record.completedOn > best.record.completedOn)) {
      best = { record, expires };
    }
  }
  return best;
}

function laterExpiry(a: LocalDate | null, b: LocalDate | null): boolean {
  if (a === b) return false;
  if (a === null) return true;
  if (b === null) return false;
  return a > b;
}

function evaluate(requirement: Requirement, input: ComplianceInput, rules: ComplianceRules): ComplianceItem {
  const { catalogue, today, person } = input;
  const topic = catalogue.topicFor(requirement.subjectId, requirement.level);
  const renewalMonths = topic?.renewalMonths ?? null;
  const base: Pick<ComplianceItem, 'subjectId' | 'level' | 'topicId' | 'roleIds'> = {
    subjectId: requirement.subjectId,
    level: requirement.level,
    topicId: topic?.id ?? `${requirement.subjectId}-${requirement.level}`,
    roleIds: requirement.roleIds,
  };
  const best = bestRecord(input.records, requirement.subjectId, requirement.level, renewalMonths);
  const held = best ? { record: best.record, recordExpiresOn: best.expires } : {};

  const exemption = input.exemptions.find((e) => e.subjectId === requirement.subjectId && e.state === 'approved');
  if (exemption) {
    return { ...base, ...held, status: 'exempt', dueDate: null, compliant: true, exemption: { requestId: exemption.id } };
  }

  const valid = best !== undefined && (best.expires === null || best.expires >= today);
  if (valid && best.expires === null) {
    return { ...base, ...held, status: 'in-date', dueDate: null, compliant: true };
  }

  // Whoever is newly required to learn something has the induction window, whatever they held before.
  const inductionDue = addDays(requirement.appliesFrom, rules.newStarterWeeks * 7);
  let due = best?.expires ? maxDate(best.expires, inductionDue) : inductionDue;

  let extension: ComplianceItem['extension'];
  for (const request of input.extensions) {
    if (request.subjectId !== requirement.subjectId || request.state !== 'approved') continue;
    if (request.requestedDate > due) {
      due = request.requestedDate;
      extension = { requestId: request.id, agreedDate: request.requestedDate };
    }
  }

  const moved = adjustForAbsence(person, due, today, rules);
  if (moved.due !== due) extension = undefined;
  due = moved.due;

  const daysLeft = daysBetween(today, due);
  let status: ComplianceStatus;
  if (daysLeft < 0) status = 'overdue';
  else if (extension) status = 'extended';
  else if (daysLeft <= rules.dueSoonDays) status = 'due-soon';
  else status = valid ? 'in-date' : 'not-completed';

  return {
    ...base,
    ...held,
    status,
    dueDate: due,
    compliant: valid,
    ...(extension ? { extension } : {}),
    ...(moved.absence ? { absence: moved.absence } : {}),
  };
}

export function summarise(items: readonly ComplianceItem[]): ComplianceSummary {
  let compliant = 0;
  let overdue = 0;
  let dueSoon = 0;
  let exempt = 0;
  let nextDueDate: LocalDate | null = null;
  for (const item of items) {
    if (item.status === 'exempt') {
      exempt++;
      continue;
    }
    if (item.compliant) compliant++;
    if (item.status === 'overdue') overdue++;
    if (item.status === 'due-soon') dueSoon++;
    // The next date still ahead: an overdue item is counted as overdue, not shown as what is due next.
    if (item.status !== 'overdue' && item.dueDate && (nextDueDate === null || item.dueDate < nextDueDate)) nextDueDate = item.dueDate;
  }
  const required = items.length - exempt;
  const percent = required === 0 ? 100 : Math.floor((compliant * 1000) / required) / 10;
  return { required, compliant, overdue, dueSoon, exempt, percent, nextDueDate };
}

/**
 * The status of every requirement of every current role of one person on one day: a pure
 * function of its inputs. Each subject appears once, at the highest level any role asks for.
 */
export function computeCompliance(input: ComplianceInput): ComplianceResult {
  const rules = input.rules ?? DEFAULT_COMPLIANCE_RULES;
  const requirements = mergeRequirements(input.person, input.catalogue, input.today);
  const items = requirements
    .map((requirement) => evaluate(requirement, input, rules))
    .sort(
      (a, b) =>
        STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
        (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
        a.subjectId.localeCompare(b.subjectId),
    );
  return { personId: input.person.id, asOf: input.today, items, summary: summarise(items) };
}
