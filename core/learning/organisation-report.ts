import type { LocalDate } from '../time/local-date.js';
import { summaryStatusOn, type PersonSummary } from './person-summary.js';

export interface ReportCell {
  subjectId: string;
  staffGroup: string;
  required: number;
  compliant: number;
  overdue: number;
  percent: number;
  belowThreshold: boolean;
}

export interface OrganisationReport {
  asOf: LocalDate;
  people: number;
  threshold: number;
  overall: { required: number; compliant: number; percent: number };
  cells: ReportCell[];
}

/**
 * Compliance by subject × staff group from the compact summary rows: no record is read.
 * Exempt requirements are left out of both counts; anything under the threshold (the policy's
 * 80 % by default) is flagged.
 */
export function organisationReport(
  summaries: readonly PersonSummary[],
  asOf: LocalDate,
  options: { threshold: number; dueSoonDays: number },
): OrganisationReport {
  const cells = new Map<string, ReportCell>();
  let required = 0;
  let compliant = 0;
  for (const summary of summaries) {
    for (const item of summary.items) {
      const { status, compliant: ok } = summaryStatusOn(item, asOf, options.dueSoonDays);
      if (status === 'exempt') continue;
      const key = `${item.subjectId}\u0000${summary.staffGroup}`;
      let cell = cells.get(key);
      if (!cell) {
        cell = { subjectId: item.subjectId, staffGroup: summary.staffGroup, required: 0, compliant: 0, overdue: 0, percent: 0, belowThreshold: false };
        cells.set(key, cell);
      }
      cell.required++;
      required++;
      if (ok) {
        cell.compliant++;
        compliant++;
      }
      if (status === 'overdue') cell.overdue++;
    }
  }
  const percentOf = (part: number, whole: number) => (whole === 0 ? 100 : Math.floor((part * 1000) / whole) / 10);
  const list = [...cells.values()].map((cell) => {
    const percent = percentOf(cell.compliant, cell.required);
    return { ...cell, percent, belowThreshold: percent < options.threshold };
  });
  list.sort((a, b) => a.subjectId.localeCompare(b.subjectId) || a.staffGroup.localeCompare(b.staffGroup));
  return {
    asOf,
    people: summaries.length,
    threshold: options.threshold,
    overall: { required, compliant, percent: percentOf(compliant, required) },
    cells: list,
  };
}
