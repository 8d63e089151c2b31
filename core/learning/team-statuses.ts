import { todayInLondon } from '../time/clock.js';
import type { LocalDate } from '../time/local-date.js';
import type { ComplianceStatus } from './compliance.js';
import { summaryStatusOn } from './person-summary.js';
import type { LearningDeps } from './ports.js';
import type { TeamLookup } from './team.js';

export interface MemberItem {
  subjectId: string;
  level: number;
  status: ComplianceStatus;
  compliant: boolean;
  dueDate: LocalDate | null;
}

export interface MemberStatuses {
  staffId: string;
  name: string;
  items: MemberItem[];
}

/** A manager's team, each member's requirements with today's status, from the summary rows (one read each). */
export async function teamStatuses(deps: Pick<LearningDeps, 'summaries' | 'clock' | 'rules'> & { teams: Pick<TeamLookup, 'listTeam'> }, managerId: string): Promise<MemberStatuses[]> {
  const today = todayInLondon(deps.clock);
  const members = await deps.teams.listTeam(managerId);
  const rows = await Promise.all(members.map(async (m) => ({ member: m, summary: await deps.summaries.get(m.staffId) })));
  return rows
    .map(({ member, summary }) => ({
      staffId: member.staffId,
      name: member.name,
      items: (summary?.items ?? []).map((item) => ({ subjectId: item.subjectId, level: item.level, dueDate: item.dueDate, ...summaryStatusOn(item, today, deps.rules.dueSoonDays) })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export type TeamFilter = 'overdue' | 'due-soon' | 'not-done';

/** Whether an item answers the question: overdue, due within the due-soon window, or not held in date. */
export function itemMatches(item: MemberItem, filter: TeamFilter | undefined): boolean {
  if (item.status === 'exempt') return false;
  switch (filter) {
    case 'overdue':
      return item.status === 'overdue';
    case 'due-soon':
      return item.status === 'due-soon';
    case 'not-done':
      return !item.compliant;
    case undefined:
      return true;
  }
}

/** Who matches, and on which of their requirements (only the subjects asked about, when some were). */
export function filterTeam(members: readonly MemberStatuses[], filter: TeamFilter | undefined, subjectIds: readonly string[]): Array<{ member: MemberStatuses; items: MemberItem[] }> {
  const asked = new Set(subjectIds);
  return members
    .map((member) => ({ member, items: member.items.filter((i) => (asked.size === 0 || asked.has(i.subjectId)) && itemMatches(i, filter)) }))
    .filter((m) => m.items.length > 0);
}

export interface TeamCompliance {
  people: number;
  /** People with every requirement (of the subjects asked, if any) in date. */
  peopleCompliant: number;
  required: number;
  compliant: number;
  percent: number;
  bySubject: Array<{ subjectId: string; required: number; compliant: number; percent: number }>;
}

const percentOf = (part: number, whole: number) => (whole === 0 ? 100 : Math.floor((part * 1000) / whole) / 10);

/** The team's compliance: the share of requirements held in date (exempt ones left out), overall and by subject. */
export function teamCompliance(members: readonly MemberStatuses[], subjectIds: readonly string[] = []): TeamCompliance {
  const asked = new Set(subjectIds);
  const bySubject = new Map<string, { required: number; compliant: number }>();
  let peopleCompliant = 0;
  let people = 0;
  for (const member of members) {
    const items = member.items.filter((i) => i.status !== 'exempt' && (asked.size === 0 || asked.has(i.subjectId)));
    if (items.length === 0) continue;
    people++;
    if (items.every((i) => i.compliant)) peopleCompliant++;
    for (const item of items) {
      const entry = bySubject.get(item.subjectId) ?? { required: 0, compliant: 0 };
      entry.required++;
      if (item.compliant) entry.compliant++;
      bySubject.set(item.subjectId, entry);
    }
  }
  const required = [...bySubject.values()].reduce((n, s) => n + s.required, 0);
  const compliant = [...bySubject.values()].reduce((n, s) => n + s.compliant, 0);
  return {
    people,
    peopleCompliant,
    required,
    compliant,
    percent: percentOf(compliant, required),
    bySubject: [...bySubject].map(([subjectId, s]) => ({ subjectId, ...s, percent: percentOf(s.compliant, s.required) })).sort((a, b) => a.percent - b.percent || a.subjectId.localeCompare(b.subjectId)),
  };
}
