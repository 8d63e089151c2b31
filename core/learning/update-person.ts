import type { AuditEvent } from '../audit/audit-chain.js';
import { ABSENCE_KINDS, type Absence, type Person, type RoleAssignment } from '../people/types.js';
import { isLocalDate } from '../time/local-date.js';
import { auditEntry } from './audit.js';
import type { CatalogueIndex } from './catalogue-index.js';
import type { LearningDeps } from './ports.js';
import { refreshSummary } from './refresh-summary.js';
import { can } from '../people/authorisation.js';

/** The parts of a person learning and development administer here; each is replaced whole when given. */
export interface PersonChange {
  roles?: RoleAssignment[];
  managerIds?: string[];
  absences?: Absence[];
}

export interface PeopleAdminDeps extends LearningDeps {
  teams: { index(person: Person, previous?: Person): Promise<void> };
  directory: { index(person: Person, previous?: Person): Promise<void> };
}

export type UpdatePersonResult =
  | { kind: 'updated'; person: Person; previous: Person }
  | { kind: 'unchanged'; person: Person }
  | { kind: 'conflict'; person: Person; fields: (keyof PersonChange)[] }
  | { kind: 'invalid'; problems: string[] }
  | { kind: 'forbidden'; reason: 'own-record' | 'not-an-administrator' }
  | { kind: 'not-found' };

/** Everything wrong with a change, in words an administrator can act on (empty when it is fine). Pure. */
export function personChangeProblems(staffId: string, change: PersonChange, catalogue: CatalogueIndex, existingManagerIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const [i, role] of (change.roles ?? []).entries()) {
    if (!catalogue.role(role.roleId)) problems.push(`Role ${i + 1}: “${role.roleId}” is not a role in the requirement matrix.`);
    if (!isLocalDate(role.start)) problems.push(`Role ${i + 1}: the start date is not a date.`);
    if (role.end !== undefined && (!isLocalDate(role.end) || role.end < role.start)) problems.push(`Role ${i + 1}: the end date must be on or after the start date.`);
  }
  const managers = change.managerIds ?? [];
  if (new Set(managers).size !== managers.length) problems.push('A line manager is listed twice.');
  for (const id of managers) {
    if (id === staffId) problems.push('A person cannot be their own line manager.');
    else if (!existingManagerIds.has(id)) problems.push(`Line manager ${id} is not in the staff records.`);
  }
  const absences = [...(change.absences ?? [])].sort((a, b) => a.from.localeCompare(b.from));
  for (const [i, away] of absences.entries()) {
    if (!ABSENCE_KINDS.includes(away.kind)) problems.push(`Absence ${i + 1}: “${away.kind}” is not a kind of absence.`);
    if (away.to !== undefined && away.to < away.from) problems.push(`Absence ${i + 1}: the return must be on or after the first day away.`);
    const next = absences[i + 1];
    if (next && (away.to === undefined || away.to >= next.from)) problems.push(`Absences from ${away.from} and ${next.from} overlap.`);
  }
  return problems;
}

/** Key order and absent-versus-undefined do not make two values different. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/**
 * One use case for every change to a person's roles, managers and absences: validated, written under
 * the aggregate's ETag (refused when a field changed since the administrator read it), then the team
 * and directory indexes moved with the previous person (so an old manager loses them), the summary
 * recomputed, and the change audited in the person's trail and the organisation's log.
 */
export async function updatePerson(
  deps: PeopleAdminDeps,
  actor: Person,
  staffId: string,
  change: PersonChange,
  basedOn?: PersonChange,
): Promise<UpdatePersonResult> {
  if (!can(actor, 'people.administer')) return { kind: 'forbidden', reason: 'not-an-administrator' };
  if (actor.id === staffId) return { kind: 'forbidden', reason: 'own-record' };
  const catalogue = await deps.catalogue.current();
  const managers = await Promise.all((change.managerIds ?? []).map(async (id) => ((await deps.staff.getPerson(id)) ? id : undefined)));
  const problems = personChangeProblems(staffId, change, catalogue, new Set(managers.filter((id): id is string => id !== undefined)));
  if (problems.length > 0) return { kind: 'invalid', problems };

  const fields = (['roles', 'managerIds', 'absences'] as const).filter((f) => change[f] !== undefined);
  const now = deps.clock.now().toISOString();
  type Outcome = Exclude<UpdatePersonResult, { kind: 'invalid' | 'forbidden' }>;
  const outcome = await deps.staff.change<Outcome>(staffId, (bundle) => {
    const previous = bundle.person;
    const stale = basedOn ? fields.filter((f) => basedOn[f] !== undefined && !same(basedOn[f], previous[f])) : [];
    if (stale.length > 0) return { kind: 'keep', result: { kind: 'conflict', person: previous, fields: stale } };
    const person: Person = { ...previous, ...Object.fromEntries(fields.map((f) => [f, change[f]])) };
    const changed = fields.filter((f) => !same(person[f], previous[f]));
    if (changed.length === 0) return { kind: 'keep', result: { kind: 'unchanged', person: previous } };
    const audit = auditEntry({ at: now, actorId: actor.id, personId: staffId, action: 'person.updated', what: `${changed.join(', ')} changed` });
    const chained: AuditEvent = {
      actorId: actor.id,
      action: 'person.updated',
      target: staffId,
      summary: `${changed.join(', ')} changed`,
      details: Object.fromEntries(changed.map((f) => [f, { before: previous[f] ?? null, after: person[f] ?? null }])),
    };
    return { kind: 'write', bundle: { ...bundle, person }, audit: [audit], chain: [chained], result: { kind: 'updated', person, previous } };
  });
  if (!outcome) return { kind: 'not-found' };
  if (outcome.kind !== 'updated') return outcome;
  await Promise.all([deps.teams.index(outcome.person, outcome.previous), deps.directory.index(outcome.person, outcome.previous)]);
  await refreshSummary(deps, staffId);
  return outcome;
}
