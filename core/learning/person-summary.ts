import type { Person } from '../people/types.js';
import { daysBetween, type LocalDate } from '../time/local-date.js';
import type { ComplianceResult, ComplianceStatus } from './compliance.js';

/** One requirement in the compact per-person summary the organisation report scans. */
export interface SummaryItem {
  subjectId: string;
  level: number;
  dueDate: LocalDate | null;
  /** When the held learning stops being valid: null = never, undefined = nothing valid held. */
  validUntil: LocalDate | null | undefined;
  exempt: boolean;
  extended: boolean;
}

export interface PersonSummary {
  staffId: string;
  name: string;
  staffGroup: string;
  orgUnit: string;
  category: string;
  roleIds: string[];
  managerIds: string[];
  /** For reaching the person in Teams (their stored conversation is keyed by it). */
  aadObjectId?: string;
  /** Absences as stored, so a reader can tell who is away on any day. */
  absences: { from: LocalDate; to?: LocalDate }[];
  computedOn: LocalDate;
  items: SummaryItem[];
}

/** Is the person away on this day (an absence covers it)? */
export function isAbsentOn(summary: Pick<PersonSummary, 'absences'>, date: LocalDate): boolean {
  return summary.absences.some((a) => a.from <= date && (a.to === undefined || a.to >= date));
}

export function summaryOf(person: Person, result: ComplianceResult): PersonSummary {
  return {
    staffId: person.id,
    name: person.name,
    staffGroup: person.staffGroup,
    orgUnit: person.orgUnit,
    category: person.category,
    roleIds: [...new Set(result.items.flatMap((i) => i.roleIds))].sort(),
    managerIds: person.managerIds,
    ...(person.aadObjectId ? { aadObjectId: person.aadObjectId } : {}),
    absences: person.absences.map((a) => ({ from: a.from, ...(a.to ? { to: a.to } : {}) })),
    computedOn: result.asOf,
    items: result.items.map((item) => ({
      subjectId: item.subjectId,
      level: item.level,
      dueDate: item.dueDate,
      validUntil: item.compliant ? (item.recordExpiresOn ?? null) : undefined,
      exempt: item.status === 'exempt',
      extended: item.status === 'extended',
    })),
  };
}

/**
 * Status of a summarised requirement on a later day, without re-reading the person: what was valid
 * may since have expired, and what was due may since have fallen overdue.
 */
export function summaryStatusOn(item: SummaryItem, date: LocalDate, dueSoonDays: number): { status: ComplianceStatus; compliant: boolean } {
  if (item.exempt) return { status: 'exempt', compliant: true };
  const compliant = item.validUntil === null || (item.validUntil !== undefined && item.validUntil >= date);
  if (item.dueDate === null) return { status: 'in-date', compliant };
  const daysLeft = daysBetween(date, item.dueDate);
  if (daysLeft < 0) return { status: 'overdue', compliant };
  if (item.extended) return { status: 'extended', compliant };
  if (daysLeft <= dueSoonDays) return { status: 'due-soon', compliant };
  return { status: compliant ? 'in-date' : 'not-completed', compliant };
}

/** "fire-safety,1,2027-03-01,2027-03-01,"  — subject, level, due, valid until ('' never, '-' none), flags. */
export function encodeSummaryItems(items: readonly SummaryItem[]): string {
  return items
    .map((i) =>
      [
        i.subjectId,
        i.level,
        i.dueDate ?? '',
        i.validUntil === undefined ? '-' : (i.validUntil ?? ''),
        (i.exempt ? 'x' : '') + (i.extended ? 'e' : ''),
      ].join(','),
    )
    .join(';');
}

export function decodeSummaryItems(text: string): SummaryItem[] {
  if (text === '') return [];
  return text.split(';').map((part) => {
    const [subjectId = '', level = '0', due = '', valid = '-', flags = ''] = part.split(',');
    return {
      subjectId,
      level: Number(level),
      dueDate: due === '' ? null : (due as LocalDate),
      validUntil: valid === '-' ? undefined : valid === '' ? null : (valid as LocalDate),
      exempt: flags.includes('x'),
      extended: flags.includes('e'),
    };
  });
}
