import type { AuditEvent } from '../audit/audit-chain.js';
import { randomUUID } from 'node:crypto';
import type { Person } from '../people/types.js';
import { todayInLondon } from '../time/clock.js';
import { addMonths, type LocalDate } from '../time/local-date.js';
import { auditEntry, type AuditEntry } from './audit.js';
import { computeCompliance, type ComplianceItem, type ComplianceResult } from './compliance.js';
import { refreshSummary } from './refresh-summary.js';
import type { LearningDeps, StaffBundle } from './ports.js';
import type { ExemptionRequest, ExtensionRequest, RequestKind } from './types.js';
import { can } from '../people/authorisation.js';

/** The organisation's rules for extensions (the policy leaves them to each organisation). */
export interface ApprovalPolicy {
  /** Longest extension, in months past the current due date. */
  extensionMaxMonths: number;
  reasonRequired: boolean;
}

export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = { extensionMaxMonths: 3, reasonRequired: true };

/** Around a request: each approver's inbox (the request itself lives in the learner's aggregate). */
export interface ApprovalInbox {
  addToInbox(approverIds: readonly string[], item: { kind: RequestKind; requestId: string; learnerId: string; requestedAt: string }): Promise<void>;
  markInboxDecided(approverIds: readonly string[], kind: RequestKind, requestId: string): Promise<void>;
}

export interface ApprovalDeps extends LearningDeps {
  inbox: ApprovalInbox;
  permissionHolders(permission: 'mlog'): Promise<string[]>;
  policy: ApprovalPolicy;
}

export type RequestRefusal =
  | { kind: 'not-found' }
  | { kind: 'not-required'; subjectId: string }
  | { kind: 'exempt'; subjectId: string }
  | { kind: 'nothing-due'; subjectId: string }
  | { kind: 'reason-required' }
  | { kind: 'not-later'; currentDueDate: LocalDate }
  | { kind: 'too-late'; currentDueDate: LocalDate; latest: LocalDate; maxMonths: number }
  | { kind: 'already-open'; requestId: string }
  | { kind: 'no-approver' };

export type ExtensionRequestResult = { kind: 'requested'; request: ExtensionRequest; learner: Person; approvers: Person[]; compliance: ComplianceResult } | RequestRefusal;
export type ExemptionRequestResult = { kind: 'requested'; request: ExemptionRequest; learner: Person; approvers: Person[]; compliance: ComplianceResult } | RequestRefusal;

async function loadPeople(deps: LearningDeps, ids: readonly string[]): Promise<Person[]> {
  const people = await Promise.all([...new Set(ids)].map((id) => deps.staff.getPerson(id)));
  return people.filter((p): p is Person => p !== undefined);
}

/** The learner's current requirement for a subject, or why there is nothing to ask about. */
async function requirementOf(
  deps: LearningDeps,
  learnerId: string,
  subjectId: string,
): Promise<{ kind: 'found'; bundle: StaffBundle; compliance: ComplianceResult; item: ComplianceItem } | RequestRefusal> {
  const [bundle, catalogue] = await Promise.all([deps.staff.getBundle(learnerId), deps.catalogue.current()]);
  if (!bundle) return { kind: 'not-found' };
  const compliance = computeCompliance({ ...bundle, catalogue, today: todayInLondon(deps.clock), rules: deps.rules });
  const item = compliance.items.find((i) => i.subjectId === subjectId);
  if (!item) return { kind: 'not-required', subjectId };
  if (item.status === 'exempt') return { kind: 'exempt', subjectId };
  return { kind: 'found', bundle, compliance, item };
}

/**
 * A learner who cannot complete in time asks their line managers for a later date. The policy's
 * rules are checked first and a broken one is named; then the request, its one-open-per-topic lock
 * and its audit entry are written together.
 */
export async function requestExtension(
  deps: ApprovalDeps,
  learnerId: string,
  input: { subjectId: string; requestedDate: LocalDate; reason: string },
): Promise<ExtensionRequestResult> {
  const found = await requirementOf(deps, learnerId, input.subjectId);
  if (found.kind !== 'found') return found;
  const { bundle, compliance, item } = found;
  if (!item.dueDate) return { kind: 'nothing-due', subjectId: input.subjectId };
  const reason = input.reason.trim();
  if (deps.policy.reasonRequired && reason.length < 3) return { kind: 'reason-required' };
  if (input.requestedDate <= item.dueDate) return { kind: 'not-later', currentDueDate: item.dueDate };
  const latest = addMonths(item.dueDate, deps.policy.extensionMaxMonths);
  if (input.requestedDate > latest) return { kind: 'too-late', currentDueDate: item.dueDate, latest, maxMonths: deps.policy.extensionMaxMonths };
  const approvers = await loadPeople(deps, bundle.person.managerIds.filter((id) => id !== learnerId));
  if (approvers.length === 0) return { kind: 'no-approver' };

  const now = deps.clock.now().toISOString();
  const request: ExtensionRequest = {
    id: randomUUID(),
    subjectId: input.subjectId,
    currentDueDate: item.dueDate,
    requestedDate: input.requestedDate,
    reason,
    state: 'pending',
    requestedAt: now,
    approverIds: approvers.map((a) => a.id),
  };
  const audit = auditEntry({ at: now, actorId: learnerId, personId: learnerId, action: 'extension.requested', requestId: request.id, subjectId: input.subjectId, why: reason, what: `due ${item.dueDate} → ${input.requestedDate}` });
  const created = await createRequest(deps, 'extension', learnerId, request, audit);
  if (created.kind === 'already-open') return created;
  await deps.inbox.addToInbox(request.approverIds ?? [], { kind: 'extension', requestId: request.id, learnerId, requestedAt: now });
  return { kind: 'requested', request, learner: bundle.person, approvers, compliance };
}

/** "Not relevant to my role": a request the MLOG decides. Never automatic. */
export async function requestExemption(deps: ApprovalDeps, learnerId: string, input: { subjectId: string; reason: string }): Promise<ExemptionRequestResult> {
  const found = await requirementOf(deps, learnerId, input.subjectId);
  if (found.kind !== 'found') return found;
  const { bundle, compliance, item } = found;
  const reason = input.reason.trim();
  if (reason.length < 3) return { kind: 'reason-required' };
  const approvers = await loadPeople(deps, (await deps.permissionHolders('mlog')).filter((id) => id !== learnerId));
  if (approvers.length === 0) return { kind: 'no-approver' };

  const now = deps.clock.now().toISOString();
  const request: ExemptionRequest = {
    id: randomUUID(),
    subjectId: input.subjectId,
    roleId: item.roleIds[0],
    reason,
    state: 'pending',
    requestedAt: now,
    approverIds: approvers.map((a) => a.id),
  };
  const audit = auditEntry({ at: now, actorId: learnerId, personId: learnerId, action: 'exemption.requested', requestId: request.id, subjectId: input.subjectId, why: reason });
  const created = await createRequest(deps, 'exemption', learnerId, request, audit);
  if (created.kind === 'already-open') return created;
  await deps.inbox.addToInbox(request.approverIds ?? [], { kind: 'exemption', requestId: request.id, learnerId, requestedAt: now });
  return { kind: 'requested', request, learner: bundle.person, approvers, compliance };
}

export type Decision = 'approve' | 'decline';

export type DecisionResult<R> =
  | { kind: 'decided'; request: R; learner: Person; decider: Person; approverIds: string[] }
  | { kind: 'already-decided'; request: R; deciderName: string; byYou: boolean }
  | { kind: 'forbidden'; reason: 'own-request' | 'not-an-approver' }
  | { kind: 'not-found' };

/** May this person decide this learner's request of this kind? Decided from stored facts only. */
export async function mayDecide(deps: ApprovalDeps, kind: RequestKind, learner: Person, actor: Person): Promise<'yes' | 'own-request' | 'not-an-approver'> {
  if (actor.id === learner.id) return 'own-request';
  if (kind === 'exemption') return can(actor, 'exemption.decide') ? 'yes' : 'not-an-approver';
  if (learner.managerIds.includes(actor.id)) return 'yes';
  const managers = await loadPeople(deps, learner.managerIds);
  return managers.some((m) => m.approvalDelegateIds?.includes(actor.id)) ? 'yes' : 'not-an-approver';
}

type RequestOf<K extends RequestKind> = K extends 'extension' ? ExtensionRequest : ExemptionRequest;

function requestsOf<K extends RequestKind>(bundle: StaffBundle, kind: K): RequestOf<K>[] {
  return (kind === 'extension' ? bundle.extensions : bundle.exemptions) as RequestOf<K>[];
}

function withRequests<K extends RequestKind>(bundle: StaffBundle, kind: K, list: RequestOf<K>[]): StaffBundle {
  return kind === 'extension' ? { ...bundle, extensions: list as ExtensionRequest[] } : { ...bundle, exemptions: list as ExemptionRequest[] };
}

/** Adds a request to the learner's aggregate unless one for the same topic is still open (checked under the ETag). */
async function createRequest<K extends RequestKind>(deps: LearningDeps, kind: K, learnerId: string, request: RequestOf<K>, audit: AuditEntry): Promise<{ kind: 'created' } | { kind: 'already-open'; requestId: string } | RequestRefusal> {
  type Created = { kind: 'created' } | { kind: 'already-open'; requestId: string };
  const outcome = await deps.staff.change<Created>(learnerId, (bundle) => {
    const open = requestsOf(bundle, kind).find((r) => r.subjectId === request.subjectId && r.state === 'pending');
    if (open) return { kind: 'keep', result: { kind: 'already-open', requestId: open.id } };
    return { kind: 'write', bundle: withRequests(bundle, kind, [...requestsOf(bundle, kind), request]), audit: [audit], result: { kind: 'created' } };
  });
  return outcome ?? { kind: 'not-found' };
}

/**
 * One decision on a pending request, exactly once: the request is reloaded (the card carries only
 * ids), the actor checked, and the decision written into the learner's aggregate with the ETag
 * that was read. Every other attempt, simultaneous or redelivered, finds it decided and is told
 * who decided and when.
 */
export async function decideRequest<K extends RequestKind>(
  deps: ApprovalDeps,
  kind: K,
  ids: { learnerId: string; requestId: string },
  actorId: string,
  decision: Decision,
  comment?: string,
): Promise<DecisionResult<RequestOf<K>>> {
  const [learner, actor] = await Promise.all([deps.staff.getPerson(ids.learnerId), deps.staff.getPerson(actorId)]);
  if (!learner || !actor) return { kind: 'not-found' };
  const allowed = await mayDecide(deps, kind, learner, actor);
  if (allowed !== 'yes') return { kind: 'forbidden', reason: allowed };

  const note = comment?.trim();
  type Outcome = { kind: 'decided'; request: RequestOf<K> } | { kind: 'already-decided'; request: RequestOf<K> } | { kind: 'not-found' };
  const outcome = await deps.staff.change<Outcome>(learner.id, (bundle) => {
    const list = requestsOf(bundle, kind);
    const request = list.find((r) => r.id === ids.requestId);
    if (!request) return { kind: 'keep', result: { kind: 'not-found' } };
    if (request.state !== 'pending') return { kind: 'keep', result: { kind: 'already-decided', request } };
    const now = deps.clock.now().toISOString();
    const decided = { ...request, state: decision === 'approve' ? 'approved' : 'declined', decidedBy: actor.id, decidedAt: now, ...(note ? { comment: note } : {}) } as RequestOf<K>;
    const audit = auditEntry({
      at: now,
      actorId: actor.id,
      personId: learner.id,
      action: `${kind}.${decision === 'approve' ? 'approved' : 'declined'}`,
      requestId: request.id,
      subjectId: request.subjectId,
      ...(note ? { why: note } : {}),
      ...(kind === 'extension' && decision === 'approve' ? { what: `due ${(request as ExtensionRequest).currentDueDate} → ${(request as ExtensionRequest).requestedDate}` } : {}),
    });
    const state = decision === 'approve' ? 'approved' : 'declined';
    const chained: AuditEvent = { actorId: actor.id, action: `${kind}.${state}`, target: learner.id, summary: `${kind} ${state}`, details: { requestId: request.id, subjectId: request.subjectId } };
    return { kind: 'write', bundle: withRequests(bundle, kind, list.map((r) => (r.id === request.id ? decided : r))), audit: [audit], chain: [chained], result: { kind: 'decided', request: decided } };
  });
  if (!outcome || outcome.kind === 'not-found') return { kind: 'not-found' };
  if (outcome.kind === 'already-decided') {
    const byYou = outcome.request.decidedBy === actor.id;
    const deciderName = byYou ? actor.name : ((await deps.staff.getPerson(outcome.request.decidedBy ?? ''))?.name ?? 'someone');
    return { kind: 'already-decided', request: outcome.request, deciderName, byYou };
  }
  await Promise.all([refreshSummary(deps, learner.id), deps.inbox.markInboxDecided(outcome.request.approverIds ?? [], kind, outcome.request.id)]);
  return { kind: 'decided', request: outcome.request, learner, decider: actor, approverIds: outcome.request.approverIds ?? [] };
}
