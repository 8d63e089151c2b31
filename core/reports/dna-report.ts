import type { DnaRecord } from '../learning/types.js';
import type { LocalDate } from '../time/local-date.js';

export interface DnaRow {
  staffId: string;
  name: string;
  staffGroup: string;
  orgUnit: string;
  subjectId: string;
  sessionDate: LocalDate;
  reason: string;
  plan: string;
  recordedBy: string;
  recordedAt: string;
}

export interface DnaReport {
  from: LocalDate;
  to: LocalDate;
  rows: DnaRow[];
  bySubject: { subjectId: string; count: number }[];
  byOrgUnit: { orgUnit: string; count: number }[];
}

/** Did-not-attend records of the people in scope with a session in [from, to], newest first, counted by topic and unit. */
export function dnaReport(people: readonly { staffId: string; name: string; staffGroup: string; orgUnit: string; dnaRecords: readonly DnaRecord[] }[], from: LocalDate, to: LocalDate): DnaReport {
  const rows: DnaRow[] = [];
  for (const p of people) {
    for (const d of p.dnaRecords) {
      if (d.sessionDate < from || d.sessionDate > to) continue;
      rows.push({ staffId: p.staffId, name: p.name, staffGroup: p.staffGroup, orgUnit: p.orgUnit, subjectId: d.subjectId, sessionDate: d.sessionDate, reason: d.reason, plan: d.plan ?? '', recordedBy: d.recordedBy, recordedAt: d.recordedAt });
    }
  }
  rows.sort((a, b) => b.sessionDate.localeCompare(a.sessionDate) || a.name.localeCompare(b.name));
  const count = <K extends string>(key: (r: DnaRow) => K) => {
    const map = new Map<K, number>();
    for (const r of rows) map.set(key(r), (map.get(key(r)) ?? 0) + 1);
    return [...map].sort((a, b) => b[1] - a[1]);
  };
  return {
    from,
    to,
    rows,
    bySubject: count((r) => r.subjectId).map(([subjectId, n]) => ({ subjectId, count: n })),
    byOrgUnit: count((r) => r.orgUnit).map(([orgUnit, n]) => ({ orgUnit, count: n })),
  };
}
