import { randomUUID } from 'node:crypto';
import type { AuditEvent } from '../audit/audit-chain.js';
import type { Person } from '../people/types.js';
import { todayInLondon, type Clock } from '../time/clock.js';
import type { CatalogueEditDeps } from './edit-catalogue.js';
import { freeId, slugOf } from './catalogue-rules.js';
import { COMPLETION_METHODS, type CompletionMethod, type RoleDefinition, type Subject, type Topic } from './types.js';
import { can } from '../people/authorisation.js';

/**
 * What a subject matter expert puts to the MLOG for a new locally mandated topic: the policy's
 * "Application for Mandatory Learning" and "Case for Mandatory Learning" in one form.
 */
export interface ProposalContent {
  /** The topic's name as it would appear in the catalogue. */
  title: string;
  /** The risk or harm the learning addresses, and the evidence for it (incidents, reports). */
  risk: string;
  /** How the improvement will be measured and monitored. */
  outcomeMeasures: string;
  /** Who should learn it. */
  audiences: string;
  staffGroups: string[];
  learningOutcomes: string;
  deliveryMethods: CompletionMethod[];
  /** How often it must be renewed; null = once. */
  renewalMonths: number | null;
  /** How learning and competence will be assessed. */
  competenceAssessment: string;
  /** Roles in the matrix the proposer suggests should require it. */
  roleIds: string[];
  link?: string;
}

export interface ProposalMessage {
  id: string;
  authorId: string;
  authorName: string;
  /** Whether the MLOG asked or the proposer answered. */
  side: 'mlog' | 'proposer';
  text: string;
  at: string;
}

export type ProposalState = 'submitted' | 'questions' | 'approved' | 'declined';

export interface ProposalDecision {
  decision: 'approve' | 'decline';
  by: string;
  byName: string;
  at: string;
  comment: string;
  /** For an approval: what it became in the catalogue. */
  subjectId?: string;
  topicId?: string;
  roleIds?: string[];
}

export interface Proposal extends ProposalContent {
  id: string;
  proposerId: string;
  proposerName: string;
  state: ProposalState;
  submittedAt: string;
  thread: ProposalMessage[];
  decision?: ProposalDecision;
  /** True once an approved proposal's subject, topic and requirements are in the catalogue. */
  applied?: boolean;
}

export interface ProposalStore {
  /** `chain`: what the audit chain records, chained exactly when the proposal is written. */
  create(proposal: Proposal, chain?: readonly AuditEvent[]): Promise<void>;
  get(id: string): Promise<{ proposal: Proposal; etag: string } | undefined>;
  replace(proposal: Proposal, etag: string, chain?: readonly AuditEvent[]): Promise<'ok' | 'conflict'>;
  list(): Promise<Proposal[]>;
}

export interface ProposalDeps {
  proposals: ProposalStore;
  catalogueEdit: CatalogueEditDeps;
  clock: Clock;
}

export const isMlog = (person: Person) => can(person, 'proposal.decide');

/** Who may read a proposal: its proposer, the MLOG (who decide) and learning and development (who run the catalogue). */
export function maySee(person: Person, proposal: Proposal): boolean {
  return proposal.proposerId === person.id || can(person, 'proposal.read-all');
}

const TEXT_FIELDS = ['risk', 'outcomeMeasures', 'audiences', 'learningOutcomes', 'competenceAssessment'] as const;
const FIELD_NAMES: Record<(typeof TEXT_FIELDS)[number], string> = {
  risk: 'the risk or harm it addresses',
  outcomeMeasures: 'the outcome measures',
  audiences: 'the audiences',
  learningOutcomes: 'the learning outcomes',
  competenceAssessment: 'how competence is assessed',
};

/** What is missing or wrong in a proposal, in words (empty when it can go to the MLOG). Pure. */
export function proposalProblems(content: ProposalContent, knownRoleIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (content.title.trim().length < 3 || content.title.length > 120) problems.push('Give the topic a name of 3 to 120 characters.');
  for (const field of TEXT_FIELDS) {
    const value = content[field].trim();
    if (value.length < 10) problems.push(`Describe ${FIELD_NAMES[field]} (at least 10 characters).`);
    if (value.length > 8000) problems.push(`Keep ${FIELD_NAMES[field]} under 8,000 characters.`);
  }
  if (content.deliveryMethods.length === 0 || content.deliveryMethods.some((m) => !COMPLETION_METHODS.includes(m))) problems.push('Choose at least one delivery method.');
  if (content.renewalMonths !== null && (!Number.isInteger(content.renewalMonths) || content.renewalMonths < 1 || content.renewalMonths > 120)) {
    problems.push('The frequency must be every 1 to 120 months, or once.');
  }
  if (content.staffGroups.length === 0) problems.push('Name at least one staff group it applies to.');
  for (const roleId of content.roleIds) if (!knownRoleIds.has(roleId)) problems.push(`“${roleId}” is not a role in the requirement matrix.`);
  return problems;
}

export type ProposalResult =
  | { kind: 'ok'; proposal: Proposal }
  | { kind: 'invalid'; problems: string[] }
  | { kind: 'forbidden'; reason: 'not-allowed' | 'own-proposal' | 'not-mlog' }
  | { kind: 'already-decided'; proposal: Proposal }
  | { kind: 'not-found' };

export async function submitProposal(deps: ProposalDeps, actor: Person, content: ProposalContent): Promise<ProposalResult> {
  const catalogue = await deps.catalogueEdit.catalogue.current();
  const problems = proposalProblems(content, new Set(catalogue.catalogue.roles.map((r) => r.id)));
  if (problems.length > 0) return { kind: 'invalid', problems };
  const proposal: Proposal = {
    ...content,
    title: content.title.trim(),
    roleIds: [...new Set(content.roleIds)],
    id: randomUUID(),
    proposerId: actor.id,
    proposerName: actor.name,
    state: 'submitted',
    submittedAt: deps.clock.now().toISOString(),
    thread: [],
  };
  await deps.proposals.create(proposal, [{ actorId: actor.id, action: 'proposal.submitted', target: proposal.id, summary: `proposal “${proposal.title}” submitted` }]);
  return { kind: 'ok', proposal };
}

/** Reads, changes and writes a proposal under its ETag, deciding again on a conflict. */
async function changeProposal(deps: ProposalDeps, id: string, decide: (proposal: Proposal) => ProposalResult, chain?: (changed: Proposal) => AuditEvent[]): Promise<ProposalResult> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const found = await deps.proposals.get(id);
    if (!found) return { kind: 'not-found' };
    const outcome = decide(found.proposal);
    if (outcome.kind !== 'ok') return outcome;
    if ((await deps.proposals.replace(outcome.proposal, found.etag, chain?.(outcome.proposal))) === 'ok') return outcome;
  }
  throw new Error('proposal kept changing under us');
}

/** The MLOG asks a question, or the proposer answers: the thread stays with the proposal for good. */
export async function addProposalMessage(deps: ProposalDeps, actor: Person, id: string, text: string): Promise<ProposalResult> {
  const clean = text.trim();
  if (clean.length < 2 || clean.length > 4000) return { kind: 'invalid', problems: ['Write 2 to 4,000 characters.'] };
  return changeProposal(deps, id, (proposal) => {
    const side = proposal.proposerId === actor.id ? 'proposer' : isMlog(actor) ? 'mlog' : undefined;
    if (!side) return { kind: 'forbidden', reason: 'not-allowed' };
    if (proposal.state === 'approved' || proposal.state === 'declined') return { kind: 'already-decided', proposal };
    const message: ProposalMessage = { id: randomUUID(), authorId: actor.id, authorName: actor.name, side, text: clean, at: deps.clock.now().toISOString() };
    // A question from the MLOG waits for the proposer; an answer puts it back in the MLOG's queue.
    return { kind: 'ok', proposal: { ...proposal, thread: [...proposal.thread, message], state: side === 'mlog' ? 'questions' : 'submitted' } };
  });
}

/**
 * The MLOG decides, exactly once (the proposal is claimed under its ETag). An approval then becomes
 * a local subject, its topic and the requirement in each chosen role (applying from today, so people
 * get the usual window to complete it); applying is idempotent, so a failure part-way is finished by
 * deciding again. The decision, who took it and why stay on the proposal.
 */
export async function decideProposal(
  deps: ProposalDeps,
  actor: Person,
  id: string,
  input: { decision: 'approve' | 'decline'; comment: string; roleIds?: string[] },
): Promise<ProposalResult> {
  if (!isMlog(actor)) return { kind: 'forbidden', reason: 'not-mlog' };
  const comment = input.comment.trim();
  if (comment.length < 3) return { kind: 'invalid', problems: ['Give the reason for the decision (it stays on record).'] };
  const catalogue = await deps.catalogueEdit.catalogue.current();
  const claimed = await changeProposal(deps, id, (proposal) => {
    if (proposal.proposerId === actor.id) return { kind: 'forbidden', reason: 'own-proposal' };
    if (proposal.decision) return { kind: 'already-decided', proposal };
    const roleIds = [...new Set(input.roleIds ?? proposal.roleIds)];
    const unknown = roleIds.filter((r) => !catalogue.role(r));
    if (unknown.length > 0) return { kind: 'invalid', problems: unknown.map((r) => `“${r}” is not a role in the requirement matrix.`) };
    const subjectId = freeId(slugOf(proposal.title), (candidate) => catalogue.subject(candidate) !== undefined);
    const decision: ProposalDecision = {
      decision: input.decision,
      by: actor.id,
      byName: actor.name,
      at: deps.clock.now().toISOString(),
      comment,
      ...(input.decision === 'approve' ? { subjectId, topicId: `${subjectId}-1`, roleIds } : {}),
    };
    return { kind: 'ok', proposal: { ...proposal, state: input.decision === 'approve' ? 'approved' : 'declined', decision, applied: input.decision === 'approve' ? false : undefined } };
  }, (decided) => [
    {
      actorId: actor.id,
      action: `proposal.${input.decision === 'approve' ? 'approved' : 'declined'}`,
      target: id,
      summary: `proposal “${decided.title}” ${input.decision === 'approve' ? 'approved' : 'declined'}`,
      details: { comment, ...(decided.decision?.subjectId ? { subjectId: decided.decision.subjectId, roleIds: decided.decision.roleIds } : {}) },
    },
  ]);
  // Whoever approved finishes an approval that failed part-way by approving again; anyone else is told it is decided.
  if (claimed.kind === 'already-decided' && input.decision === 'approve' && claimed.proposal.decision?.decision === 'approve' && claimed.proposal.decision.by === actor.id && !claimed.proposal.applied) {
    return applyApproval(deps, actor, claimed.proposal);
  }
  if (claimed.kind !== 'ok') return claimed;
  return input.decision === 'approve' ? applyApproval(deps, actor, claimed.proposal) : claimed;
}

async function applyApproval(deps: ProposalDeps, actor: Person, proposal: Proposal): Promise<ProposalResult> {
  const { rows, catalogue } = deps.catalogueEdit;
  const decision = proposal.decision!;
  const subjectId = decision.subjectId!;
  const subject: Subject = { id: subjectId, name: proposal.title, kind: 'local', aliases: [] };
  const topic: Topic = {
    id: `${subjectId}-1`,
    subjectId,
    level: 1,
    levelName: 'Level 1',
    renewalMonths: proposal.renewalMonths,
    methods: proposal.deliveryMethods,
    ...(proposal.link ? { link: proposal.link } : {}),
    audience: proposal.audiences.slice(0, 200),
  };
  if (!(await rows.get('subject', subjectId))) await rows.put('subject', subject, undefined);
  // The topic row and its chain entry are one change: a failure before it is finished by approving again.
  const added: AuditEvent = { actorId: actor.id, action: 'matrix.topic-added', target: topic.id, summary: `local topic “${proposal.title}” added from proposal ${proposal.id}`, details: { after: { subject, topic, roleIds: decision.roleIds ?? [] } } };
  if (!(await rows.get('topic', topic.id))) await rows.put('topic', topic, undefined, [added]);
  const since = todayInLondon(deps.clock);
  for (const roleId of decision.roleIds ?? []) {
    for (let attempt = 0; attempt < 8; attempt++) {
      const row = await rows.get('role', roleId);
      if (!row || row.value.requirements.some((r) => r.subjectId === subjectId)) break;
      const role: RoleDefinition = { ...row.value, requirements: [...row.value.requirements, { subjectId, level: 1, since }] };
      if ((await rows.put('role', role, row.etag)).kind === 'ok') break;
    }
  }
  catalogue.invalidate();
  await deps.catalogueEdit.onRequirementsChanged({ roleIds: decision.roleIds ?? [], subjectIds: [subjectId], reason: `proposal “${proposal.title}” approved` }, actor.id);
  const done = await changeProposal(deps, proposal.id, (current) => ({ kind: 'ok', proposal: { ...current, applied: true } }));
  return done;
}
