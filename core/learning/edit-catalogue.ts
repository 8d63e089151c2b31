import type { AuditEvent } from '../audit/audit-chain.js';
import type { Person } from '../people/types.js';
import type { CatalogueRow, CatalogueKind, RowWrite } from '../storage/catalogue-rows-repository.js';
import type { CatalogueIndex } from './catalogue-index.js';
import { roleProblems, rolesRequiring, subjectProblems, topicProblems } from './catalogue-rules.js';
import type { RoleDefinition, Subject, Topic } from './types.js';
import { can } from '../people/authorisation.js';

/** What editing the requirement matrix needs: the rows with their ETags, the cached catalogue, the audit log. */
export interface CatalogueEditDeps {
  rows: {
    get<K extends CatalogueKind>(kind: K, id: string): Promise<CatalogueRow<K extends 'subject' ? Subject : K extends 'topic' ? Topic : RoleDefinition> | undefined>;
    /** `chain`: what the organisation's audit chain records, chained exactly when the row is written. */
    put<K extends CatalogueKind>(kind: K, value: K extends 'subject' ? Subject : K extends 'topic' ? Topic : RoleDefinition, etag: string | undefined, chain?: readonly AuditEvent[]): Promise<RowWrite>;
    remove(kind: CatalogueKind, id: string, etag: string, chain?: readonly AuditEvent[]): Promise<RowWrite>;
  };
  catalogue: { current(): Promise<CatalogueIndex>; invalidate(): void };
  /** For what is chained before it happens (nothing is written after it that could be lost). */
  auditLog: { append(event: AuditEvent): Promise<unknown> };
  /** Called after a change that can move people's due dates, with what changed (a background summary refresh). */
  onRequirementsChanged(change: { subjectIds?: string[]; roleIds?: string[]; reason: string }, actorId: string): Promise<void>;
}

export type EditResult<T> =
  | { kind: 'saved'; value: T; etag: string }
  | { kind: 'deleted' }
  | { kind: 'invalid'; problems: string[] }
  | { kind: 'conflict'; current: CatalogueRow<T> | undefined }
  | { kind: 'in-use'; roles: string[] }
  | { kind: 'forbidden' };

const isAdmin = (actor: Person) => can(actor, 'matrix.edit');

/** Fresh from storage, not up to a second old: validation must see the change just made by anyone. */
async function freshCatalogue(deps: CatalogueEditDeps): Promise<CatalogueIndex> {
  deps.catalogue.invalidate();
  return deps.catalogue.current();
}

async function write<K extends CatalogueKind, T extends Subject | Topic | RoleDefinition>(
  deps: CatalogueEditDeps,
  actor: Person,
  kind: K,
  value: T,
  etag: string | undefined,
): Promise<EditResult<T>> {
  const before = await deps.rows.get(kind, value.id);
  const chained: AuditEvent = {
    actorId: actor.id,
    action: `matrix.${kind}-${before ? 'changed' : 'added'}`,
    target: value.id,
    summary: `${kind} ${value.id} ${before ? 'changed' : 'added'}`,
    details: { before: before?.value ?? null, after: value },
  };
  const result = await deps.rows.put(kind, value as never, etag, [chained]);
  if (result.kind === 'conflict') return { kind: 'conflict', current: (await deps.rows.get(kind, value.id)) as CatalogueRow<T> | undefined };
  deps.catalogue.invalidate();
  return { kind: 'saved', value, etag: result.etag };
}

export async function saveSubject(deps: CatalogueEditDeps, actor: Person, subject: Subject, etag: string | undefined): Promise<EditResult<Subject>> {
  if (!isAdmin(actor)) return { kind: 'forbidden' };
  const problems = subjectProblems(subject, await freshCatalogue(deps));
  if (problems.length > 0) return { kind: 'invalid', problems };
  // Names and aliases only: nobody's due dates move, so no summary needs recomputing.
  return write(deps, actor, 'subject', { ...subject, name: subject.name.trim() }, etag);
}

/** A topic's renewal, methods, link or audience: compliance uses it from the next read (within a second on every instance). */
export async function saveTopic(deps: CatalogueEditDeps, actor: Person, topic: Topic, etag: string | undefined): Promise<EditResult<Topic>> {
  if (!isAdmin(actor)) return { kind: 'forbidden' };
  const clean: Topic = { ...topic, levelName: topic.levelName.trim(), ...(topic.link ? { link: topic.link.trim() } : {}) };
  if (!topic.link) delete clean.link;
  const problems = topicProblems(clean, await freshCatalogue(deps));
  if (problems.length > 0) return { kind: 'invalid', problems };
  const saved = await write(deps, actor, 'topic', clean, etag);
  if (saved.kind === 'saved') await deps.onRequirementsChanged({ subjectIds: [clean.subjectId], reason: `topic ${clean.id} changed` }, actor.id);
  return saved;
}

export async function deleteTopic(deps: CatalogueEditDeps, actor: Person, topicId: string, etag: string): Promise<EditResult<Topic>> {
  if (!isAdmin(actor)) return { kind: 'forbidden' };
  const catalogue = await freshCatalogue(deps);
  const topic = catalogue.topic(topicId);
  if (!topic) return { kind: 'conflict', current: undefined };
  const using = rolesRequiring(catalogue, topic.subjectId, topic.level);
  if (using.length > 0) return { kind: 'in-use', roles: using.map((r) => r.name) };
  const result = await deps.rows.remove('topic', topicId, etag, [{ actorId: actor.id, action: 'matrix.topic-removed', target: topicId, summary: `topic ${topicId} removed`, details: { before: topic } }]);
  if (result.kind === 'conflict') return { kind: 'conflict', current: await deps.rows.get('topic', topicId) };
  deps.catalogue.invalidate();
  await deps.onRequirementsChanged({ subjectIds: [topic.subjectId], reason: `topic ${topicId} removed` }, actor.id);
  return { kind: 'deleted' };
}

/** A role's requirements: who needs what. Takes effect on compliance at once; summaries follow in the background. */
export async function saveRole(deps: CatalogueEditDeps, actor: Person, role: RoleDefinition, etag: string | undefined): Promise<EditResult<RoleDefinition>> {
  if (!isAdmin(actor)) return { kind: 'forbidden' };
  const clean: RoleDefinition = { ...role, name: role.name.trim(), ...(role.staffGroup?.trim() ? { staffGroup: role.staffGroup.trim() } : {}) };
  if (!role.staffGroup?.trim()) delete clean.staffGroup;
  const problems = roleProblems(clean, await freshCatalogue(deps));
  if (problems.length > 0) return { kind: 'invalid', problems };
  const saved = await write(deps, actor, 'role', clean, etag);
  if (saved.kind === 'saved') await deps.onRequirementsChanged({ roleIds: [clean.id], reason: `role ${clean.id} changed` }, actor.id);
  return saved;
}
