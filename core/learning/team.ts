import { randomUUID } from 'node:crypto';
import type { Person } from '../people/types.js';
import { todayInLondon } from '../time/clock.js';
import type { LocalDate } from '../time/local-date.js';
import { auditEntry } from './audit.js';
import type { ComplianceItem } from './compliance.js';
import { summaryStatusOn } from './person-summary.js';
import type { LearningDeps } from './ports.js';
import type { DnaRecord } from './types.js';
import { whatsDue } from './whats-due.js';

export interface TeamMemberRef {
  staffId: string;
  name: string;
  orgUnit: string;
}

export interface TeamLookup {
  listTeam(managerId: string): Promise<TeamMemberRef[]>;
  isInTeam(managerId: string, staffId: string): Promise<boolean>;
}

export interface TeamMemberStatus {
  staffId: string;
  name: string;
  percent: number;
  required: number;
  overdue: { subjectId: string; level: number; dueDate: LocalDate | null }[];
  dueSoon: number;
}

/** A manager's team, worst first: most overdue, then lowest compliance; read from the summary rows. */
export async function teamOverview(deps: Pick<LearningDeps, 'summaries' | 'clock' | 'rules'> & { teams: TeamLookup }, managerId: string): Promise<TeamMemberStatus[]> {
  const today = todayInLondon(deps.clock);
  const members = await deps.teams.listTeam(managerId);
  const rows = await Promise.all(members.map(async (m) => ({ member: m, summary: await deps.summaries.get(m.staffId) })));
  return rows
    .map(({ member, summary }) => {
      let required = 0;
      let compliant = 0;
      let dueSoon = 0;
      const overdue: TeamMemberStatus['overdue'] = [];
      for (const item of summary?.items ?? []) {
        const { status, compliant: ok } = summaryStatusOn(item, today, deps.rules.dueSoonDays);
        if (status === 'exempt') continue;
        required++;
        if (ok) compliant++;
        if (status === 'overdue') overdue.push({ subjectId: item.subjectId, level: item.level, dueDate: item.dueDate });
        if (status === 'due-soon') dueSoon++;
      }
      const percent = required === 0 ? 100 : Math.floor((compliant * 1000) / required) / 10;
      return { staffId: member.staffId, name: member.name, percent, required, overdue, dueSoon };
    })
    .sort((a, b) => b.overdue.length - a.overdue.length || a.percent - b.percent || a.name.localeCompare(b.name));
}

export type ClearanceResult =
  | { kind: 'cleared'; person: Person; roleIds: string[]; items: ComplianceItem[] }
  | { kind: 'not-cleared'; person: Person; roleIds: string[]; missing: ComplianceItem[] }
  | { kind: 'not-in-team' };

/**
 * The policy: a person (bank, agency, locum, student… included) may not carry out a role until every
 * mandatory requirement of it is in date. Only for the person's own managers.
 */
export async function clearedToWork(deps: LearningDeps & { teams: TeamLookup }, managerId: string, staffId: string): Promise<ClearanceResult> {
  if (!(await deps.teams.isInTeam(managerId, staffId))) return { kind: 'not-in-team' };
  const result = await whatsDue(deps, staffId);
  if (result.kind !== 'ok') return { kind: 'not-in-team' };
  const items = result.compliance.items.filter((i) => i.status !== 'exempt');
  const missing = items.filter((i) => !i.compliant);
  const roleIds = [...new Set(result.compliance.items.flatMap((i) => i.roleIds))];
  return missing.length === 0 ? { kind: 'cleared', person: result.person, roleIds, items } : { kind: 'not-cleared', person: result.person, roleIds, missing };
}

export type DnaResult = { kind: 'recorded'; dna: DnaRecord; learner: Person } | { kind: 'not-in-team' } | { kind: 'future-date'; today: LocalDate } | { kind: 'unknown-subject' };

/** A manager records that someone did not attend a booked session: the reason and the plan agreed. */
export async function recordDidNotAttend(
  deps: LearningDeps & { teams: TeamLookup },
  managerId: string,
  input: { staffId: string; subjectId: string; sessionDate: LocalDate; reason: string; plan?: string },
): Promise<DnaResult> {
  const today = todayInLondon(deps.clock);
  if (input.sessionDate > today) return { kind: 'future-date', today };
  if (!(await deps.teams.isInTeam(managerId, input.staffId))) return { kind: 'not-in-team' };
  const catalogue = await deps.catalogue.current();
  if (!catalogue.subject(input.subjectId)) return { kind: 'unknown-subject' };
  const now = deps.clock.now().toISOString();
  const plan = input.plan?.trim();
  const dna: DnaRecord = { id: randomUUID(), subjectId: input.subjectId, sessionDate: input.sessionDate, reason: input.reason.trim(), ...(plan ? { plan } : {}), recordedBy: managerId, recordedAt: now };
  const audit = auditEntry({ at: now, actorId: managerId, personId: input.staffId, action: 'dna.recorded', subjectId: input.subjectId, why: dna.reason, what: `did not attend on ${input.sessionDate}` });
  const learner = await deps.staff.change(input.staffId, (bundle) => ({ kind: 'write', bundle: { ...bundle, dnaRecords: [...bundle.dnaRecords, dna] }, audit: [audit], result: bundle.person }));
  if (!learner) return { kind: 'not-in-team' };
  return { kind: 'recorded', dna, learner };
}
