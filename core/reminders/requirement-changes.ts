import type { PersonSummary } from '../learning/person-summary.js';
import type { Catalogue } from '../learning/types.js';
import { jobId, type ReminderJob, type RequirementChange } from './reminder-job.js';

const shorter = (before: number | null, after: number | null) => after !== null && (before === null || after < before);

/** What changed for each role between two versions of the requirement matrix and catalogue. */
export function diffCatalogue(before: Catalogue, after: Catalogue): Map<string, RequirementChange[]> {
  const oldTopics = new Map(before.topics.map((t) => [`${t.subjectId}|${t.level}`, t]));
  const oldRoles = new Map(before.roles.map((r) => [r.id, r]));
  const changes = new Map<string, RequirementChange[]>();
  for (const role of after.roles) {
    const list: RequirementChange[] = [];
    const previous = new Map((oldRoles.get(role.id)?.requirements ?? []).map((r) => [r.subjectId, r.level]));
    for (const requirement of role.requirements) {
      const was = previous.get(requirement.subjectId);
      if (was === undefined) list.push({ kind: 'added', subjectId: requirement.subjectId, level: requirement.level });
      else if (requirement.level > was) list.push({ kind: 'level-raised', subjectId: requirement.subjectId, from: was, to: requirement.level });
      else {
        const topic = after.topics.find((t) => t.subjectId === requirement.subjectId && t.level === requirement.level);
        const old = oldTopics.get(`${requirement.subjectId}|${requirement.level}`);
        if (topic && old && shorter(old.renewalMonths, topic.renewalMonths)) {
          list.push({ kind: 'renewal-shortened', subjectId: requirement.subjectId, level: requirement.level, fromMonths: old.renewalMonths, toMonths: topic.renewalMonths });
        }
      }
    }
    if (list.length > 0) changes.set(role.id, list);
  }
  return changes;
}

/**
 * One notice per affected learner and one per manager of affected learners, for one catalogue
 * version: each is told once what changed for them (the id names the version).
 */
export function changeNotices(summaries: readonly PersonSummary[], byRole: Map<string, RequirementChange[]>, version: string): ReminderJob[] {
  if (byRole.size === 0) return [];
  const byId = new Map(summaries.map((s) => [s.staffId, s]));
  const jobs: ReminderJob[] = [];
  const teams = new Map<string, { members: { name: string; changes: number }[]; changes: Map<string, RequirementChange> }>();
  for (const summary of summaries) {
    const seen = new Map<string, RequirementChange>();
    for (const roleId of summary.roleIds) for (const change of byRole.get(roleId) ?? []) seen.set(`${change.kind}|${change.subjectId}`, change);
    if (seen.size === 0) continue;
    const changes = [...seen.values()];
    if (summary.aadObjectId) {
      jobs.push({ kind: 'requirement-change', id: jobId('change', summary.staffId, version), staffId: summary.staffId, aadObjectId: summary.aadObjectId, firstName: summary.name.split(' ')[0] ?? summary.name, catalogueVersion: version, changes });
    }
    for (const managerId of summary.managerIds) {
      const team = teams.get(managerId) ?? { members: [] as { name: string; changes: number }[], changes: new Map<string, RequirementChange>() };
      team.members.push({ name: summary.name, changes: changes.length });
      for (const [key, change] of seen) team.changes.set(key, change);
      teams.set(managerId, team);
    }
  }
  for (const [managerId, team] of teams) {
    const manager = byId.get(managerId);
    if (!manager?.aadObjectId) continue;
    jobs.push({
      kind: 'requirement-change',
      id: jobId('change-team', managerId, version),
      staffId: managerId,
      aadObjectId: manager.aadObjectId,
      firstName: manager.name.split(' ')[0] ?? manager.name,
      catalogueVersion: version,
      changes: [...team.changes.values()],
      forTeam: team.members,
    });
  }
  return jobs;
}
