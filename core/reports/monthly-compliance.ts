import type { CatalogueIndex } from '../learning/catalogue-index.js';
import { computeCompliance, type ComplianceResult, type ComplianceRules } from '../learning/compliance.js';
import type { StaffBundle } from '../learning/ports.js';
import { addMonths, londonDateOf, type LocalDate } from '../time/local-date.js';
import { percentOf } from './compliance-report.js';

/** What the organisation's compliance was on one past day, worked out from the records it holds now. */
export interface MonthFigures {
  month: string;
  /** The day the figures are for: the first of the month. */
  on: LocalDate;
  people: number;
  required: number;
  compliant: number;
  percent: number;
  bySubject: Record<string, number>;
  byStaffGroup: Record<string, number>;
}

/** A decision's day as it was made (Europe/London), for deciding whether it had been made by a day. */
const decidedBy = (decidedAt: string | undefined, day: LocalDate) => decidedAt !== undefined && londonDateOf(new Date(decidedAt)) <= day;

/**
 * One person's compliance as it stood on a past day. Compliance is a pure function of the date, so
 * this is computeCompliance with `today` = that day, given only what had happened by then: records
 * completed on or before it, extensions and exemptions approved by then. Roles, the start date and
 * absences carry their own dates. What the records cannot say is left as it is now: the current
 * requirement matrix, and whether a certificate was verified (a verified one counts from its date).
 */
export function complianceOn(bundle: Pick<StaffBundle, 'person' | 'records' | 'extensions' | 'exemptions'>, catalogue: CatalogueIndex, day: LocalDate, rules: ComplianceRules): ComplianceResult {
  return computeCompliance({
    person: bundle.person,
    catalogue,
    records: bundle.records.filter((r) => r.completedOn <= day),
    extensions: bundle.extensions.filter((e) => e.state === 'approved' && decidedBy(e.decidedAt, day)),
    exemptions: bundle.exemptions.filter((e) => e.state === 'approved' && decidedBy(e.decidedAt, day)),
    today: day,
    rules,
  });
}

/** The first day of each of the `count` months before today's month, oldest first. */
export function pastMonthStarts(today: LocalDate, count: number): LocalDate[] {
  const first = `${today.slice(0, 7)}-01` as LocalDate;
  return Array.from({ length: count }, (_, i) => addMonths(first, i - count));
}

type Tally = { required: number; compliant: number };

/**
 * Accumulates people one at a time (so 25,000 aggregates are never held at once) into each month's
 * organisation figures: overall, by subject and by staff group, exempt items left out as in the report.
 */
export class MonthlyComplianceTally {
  private readonly months: { on: LocalDate; people: number; overall: Tally; subjects: Map<string, Tally>; groups: Map<string, Tally> }[];

  constructor(
    days: readonly LocalDate[],
    private readonly catalogue: CatalogueIndex,
    private readonly rules: ComplianceRules,
  ) {
    this.months = days.map((on) => ({ on, people: 0, overall: { required: 0, compliant: 0 }, subjects: new Map(), groups: new Map() }));
  }

  add(bundle: Pick<StaffBundle, 'person' | 'records' | 'extensions' | 'exemptions'>): void {
    for (const month of this.months) {
      // Someone who had not started, or held no role then, was not counted then either.
      if (bundle.person.startDate > month.on) continue;
      const result = complianceOn(bundle, this.catalogue, month.on, this.rules);
      if (result.items.length === 0) continue;
      month.people++;
      const group = month.groups.get(bundle.person.staffGroup) ?? { required: 0, compliant: 0 };
      month.groups.set(bundle.person.staffGroup, group);
      for (const item of result.items) {
        if (item.status === 'exempt') continue;
        const subject = month.subjects.get(item.subjectId) ?? { required: 0, compliant: 0 };
        month.subjects.set(item.subjectId, subject);
        for (const tally of [month.overall, subject, group]) {
          tally.required++;
          if (item.compliant) tally.compliant++;
        }
      }
    }
  }

  figures(): MonthFigures[] {
    const percents = (map: Map<string, Tally>) => Object.fromEntries([...map].map(([key, t]) => [key, percentOf(t.compliant, t.required)]));
    return this.months.map((m) => ({
      month: m.on.slice(0, 7),
      on: m.on,
      people: m.people,
      required: m.overall.required,
      compliant: m.overall.compliant,
      percent: percentOf(m.overall.compliant, m.overall.required),
      bySubject: percents(m.subjects),
      byStaffGroup: percents(m.groups),
    }));
  }
}
