import { summaryStatusOn, type PersonSummary } from '../learning/person-summary.js';
import type { LocalDate } from '../time/local-date.js';
import type { Figures } from './report-shapes.js';
export type { Figures } from './report-shapes.js';


export interface ComplianceCell extends Figures {
  subjectId: string;
  staffGroup: string;
  orgUnit: string;
}

export interface ComplianceReport {
  asOf: LocalDate;
  threshold: number;
  people: number;
  overall: Figures;
  bySubject: (Figures & { subjectId: string })[];
  byStaffGroup: (Figures & { staffGroup: string })[];
  byOrgUnit: (Figures & { orgUnit: string })[];
  /** Subject × staff group × organisation unit: every combination that has anyone in it. */
  cells: ComplianceCell[];
}

export interface ReportOptions {
  threshold: number;
  dueSoonDays: number;
  /** Organisation units cut to their first N levels ("Trust / Medicine / Ward 7" at 2 → "Trust / Medicine"). */
  orgDepth?: number;
  staffGroup?: string;
  orgUnit?: string;
}

type Counts = Omit<Figures, 'percent' | 'belowThreshold'>;
const zero = (): Counts => ({ required: 0, compliant: 0, overdue: 0, dueSoon: 0, exempt: 0 });

/** Share compliant, rounded down to one decimal place (99.96 % is not 100 %), like the person's own figure. */
export const percentOf = (part: number, whole: number) => (whole === 0 ? 100 : Math.floor((part * 1000) / whole) / 10);

function finish<T extends object>(key: T, counts: Counts, threshold: number): T & Figures {
  const percent = percentOf(counts.compliant, counts.required);
  return { ...key, ...counts, percent, belowThreshold: counts.required > 0 && percent < threshold };
}

export function cutOrgUnit(orgUnit: string, depth: number | undefined): string {
  if (!depth) return orgUnit;
  return orgUnit.split(' / ').slice(0, depth).join(' / ');
}

/**
 * Compliance from the compact summary rows as of a day: each requirement's status is worked out for
 * that day from its due date and validity (what was valid may since have expired), so no record is
 * read. Anything under the threshold — the policy's 80 % by default — is flagged.
 */
export function complianceReport(summaries: Iterable<PersonSummary>, asOf: LocalDate, options: ReportOptions): ComplianceReport {
  const overall = zero();
  const subjects = new Map<string, Counts>();
  const groups = new Map<string, Counts>();
  const units = new Map<string, Counts>();
  const cells = new Map<string, { subjectId: string; staffGroup: string; orgUnit: string; counts: Counts }>();
  const bump = <K>(map: Map<K, Counts>, key: K) => {
    let counts = map.get(key);
    if (!counts) map.set(key, (counts = zero()));
    return counts;
  };
  let people = 0;
  for (const summary of summaries) {
    if (options.staffGroup && summary.staffGroup !== options.staffGroup) continue;
    const orgUnit = cutOrgUnit(summary.orgUnit, options.orgDepth);
    if (options.orgUnit && orgUnit !== options.orgUnit && !summary.orgUnit.startsWith(`${options.orgUnit} / `)) continue;
    people++;
    for (const item of summary.items) {
      const { status, compliant } = summaryStatusOn(item, asOf, options.dueSoonDays);
      const cellKey = `${item.subjectId}\u0000${summary.staffGroup}\u0000${orgUnit}`;
      let cell = cells.get(cellKey);
      if (!cell) cells.set(cellKey, (cell = { subjectId: item.subjectId, staffGroup: summary.staffGroup, orgUnit, counts: zero() }));
      for (const counts of [overall, bump(subjects, item.subjectId), bump(groups, summary.staffGroup), bump(units, orgUnit), cell.counts]) {
        if (status === 'exempt') {
          counts.exempt++;
          continue;
        }
        counts.required++;
        if (compliant) counts.compliant++;
        if (status === 'overdue') counts.overdue++;
        if (status === 'due-soon') counts.dueSoon++;
      }
    }
  }
  const t = options.threshold;
  return {
    asOf,
    threshold: t,
    people,
    overall: finish({}, overall, t),
    bySubject: [...subjects].map(([subjectId, c]) => finish({ subjectId }, c, t)).sort((a, b) => a.subjectId.localeCompare(b.subjectId)),
    byStaffGroup: [...groups].map(([staffGroup, c]) => finish({ staffGroup }, c, t)).sort((a, b) => a.staffGroup.localeCompare(b.staffGroup)),
    byOrgUnit: [...units].map(([orgUnit, c]) => finish({ orgUnit }, c, t)).sort((a, b) => a.orgUnit.localeCompare(b.orgUnit)),
    cells: [...cells.values()]
      .map((c) => finish({ subjectId: c.subjectId, staffGroup: c.staffGroup, orgUnit: c.orgUnit }, c.counts, t))
      .sort((a, b) => a.subjectId.localeCompare(b.subjectId) || a.staffGroup.localeCompare(b.staffGroup) || a.orgUnit.localeCompare(b.orgUnit)),
  };
}
