import { decideRequest, requestExemption, requestExtension, type Decision, type ExemptionRequestResult, type ExtensionRequestResult } from '../../core/learning/approvals.js';
import type { ComplianceResult } from '../../core/learning/compliance.js';
import type { ExemptionRequest, ExtensionRequest, RequestKind } from '../../core/learning/types.js';
import { whatsDue } from '../../core/learning/whats-due.js';
import type { Person } from '../../core/people/types.js';
import { formatLocalDate, formatMoment, type LocalDate } from '../../core/time/local-date.js';
import { approvalCard, type ApprovalCardView } from '../cards/approval-card.js';
import type { AdaptiveCard } from '../cards/card-types.js';
import { messageCard, notFoundCard } from '../cards/message-card.js';
import { exemptionFormCard, extensionFormCard } from '../cards/request-forms.js';
import type { LearnerBotServices, LearnerTurn } from '../learner-turn.js';
import { sendCard } from '../send-card.js';
import { answerCard } from '../cards/answer-card.js';
import { requestAnswer } from '../../core/learning/answers/request-answer.js';
import { decisionAnswer } from '../../core/learning/answers/decision-answer.js';

type AnyRequest = ExtensionRequest | ExemptionRequest;

const when = formatMoment;

function complianceLine(compliance: ComplianceResult | undefined): string {
  if (!compliance) return 'not known';
  const s = compliance.summary;
  return `${s.percent}% in date${s.overdue ? `, ${s.overdue} overdue` : ''}`;
}

/** Everything an approval card shows, reloaded from storage by id. */
export async function approvalView(services: LearnerBotServices, kind: RequestKind, learnerId: string, request: AnyRequest): Promise<ApprovalCardView> {
  const { learning } = services;
  const [due, catalogue, decider] = await Promise.all([
    whatsDue(learning, learnerId),
    learning.catalogue.current(),
    request.decidedBy ? learning.staff.getPerson(request.decidedBy) : Promise.resolve(undefined),
  ]);
  const learner = due.kind === 'ok' ? due.person : undefined;
  const approvers = await Promise.all((request.approverIds ?? []).map((id) => learning.staff.getPerson(id)));
  const extension = kind === 'extension' ? (request as ExtensionRequest) : undefined;
  return {
    kind,
    requestId: request.id,
    learnerId,
    learnerName: learner?.name ?? learnerId,
    topic: catalogue.subjectName(request.subjectId),
    reason: request.reason,
    requestedOn: when(request.requestedAt),
    ...(extension ? { currentDue: formatLocalDate(extension.currentDueDate), requestedDate: formatLocalDate(extension.requestedDate) } : {}),
    learnerCompliance: complianceLine(due.kind === 'ok' ? due.compliance : undefined),
    state: request.state === 'approved' || request.state === 'declined' ? request.state : 'pending',
    ...(decider ? { decidedByName: decider.name } : {}),
    ...(request.decidedAt ? { decidedAt: when(request.decidedAt) } : {}),
    ...(request.comment ? { comment: request.comment } : {}),
    approverAadIds: approvers.flatMap((a) => (a?.aadObjectId ? [a.aadObjectId] : [])),
  };
}

/** Sends the approval card to every approver and remembers where, so the message can be updated once decided. */
export async function sendToApprovers(services: LearnerBotServices, kind: RequestKind, learnerId: string, request: AnyRequest, approvers: Person[]): Promise<string[]> {
  const card = approvalCard(await approvalView(services, kind, learnerId, request));
  const told: string[] = [];
  for (const approver of approvers) {
    const result = await services.messenger.send(approver, card);
    if (result.status === 'sent') {
      told.push(approver.name);
      await services.requests.rememberCard(kind, learnerId, request.id, { approverId: approver.id, activityId: result.delivered.activityId, reference: result.delivered.reference });
    }
  }
  return told;
}

export async function showExtensionForm(turn: LearnerTurn, preselect: { subjectId?: string; requestedDate?: LocalDate; reason?: string } = {}): Promise<void> {
  const due = await whatsDue(turn.services.learning, turn.staffId);
  if (due.kind !== 'ok') return sendCard(turn.context, notFoundCard(turn.services.supportContact));
  await sendCard(turn.context, extensionFormCard(due.compliance.items, due.catalogue, due.compliance.asOf, turn.services.approvals.policy.extensionMaxMonths, preselect));
}

export async function showExemptionForm(turn: LearnerTurn, preselect: { subjectId?: string; reason?: string } = {}): Promise<void> {
  const due = await whatsDue(turn.services.learning, turn.staffId);
  if (due.kind !== 'ok') return sendCard(turn.context, notFoundCard(turn.services.supportContact));
  await sendCard(turn.context, exemptionFormCard(due.compliance.items, due.catalogue, preselect));
}

export async function submitExtension(turn: LearnerTurn, input: { subjectId: string; requestedDate: LocalDate; reason: string }): Promise<void> {
  await submitRequest(turn, 'extension', await requestExtension(turn.services.approvals, turn.staffId, input), input.subjectId);
}

export async function submitExemption(turn: LearnerTurn, input: { subjectId: string; reason: string }): Promise<void> {
  await submitRequest(turn, 'exemption', await requestExemption(turn.services.approvals, turn.staffId, input), input.subjectId);
}

/** The request is stored: its approvers get the card, and the learner the same answer the tab gives. */
async function submitRequest(turn: LearnerTurn, kind: RequestKind, outcome: ExtensionRequestResult | ExemptionRequestResult, subjectId: string): Promise<void> {
  const { services } = turn;
  const catalogue = await services.learning.catalogue.current();
  const told = outcome.kind === 'requested' ? await sendToApprovers(services, kind, turn.staffId, outcome.request, outcome.approvers) : [];
  await sendCard(turn.context, answerCard(requestAnswer(kind, outcome, catalogue.subjectName(subjectId), services.supportContact, told), services.supportContact));
}

export type DecideAnswer = { card: AdaptiveCard; text: string };

/**
 * The decision itself, shared by Action.Execute and the Action.Submit fallback: the quick part
 * (decide, answer the clicker) now; updating everyone's card and telling the learner after the answer.
 */
export async function decide(services: LearnerBotServices, actorId: string, kind: RequestKind, ids: { learnerId: string; requestId: string }, decision: Decision, comment?: string): Promise<DecideAnswer> {
  const outcome = await decideRequest(services.approvals, kind, ids, actorId, decision, comment);
  const answer = decisionAnswer(outcome);
  const text = answer.lines.join(' ');
  switch (outcome.kind) {
    case 'not-found':
    case 'forbidden':
      services.logger.warn({ event: 'approval.refused', actorId, kind, requestId: ids.requestId, reason: outcome.kind === 'forbidden' ? outcome.reason : 'not-found' }, 'decision refused');
      return { card: messageCard(answer.title, answer.lines, { tone: 'attention' }), text };
    case 'already-decided':
      return { card: approvalCard({ ...(await approvalView(services, kind, ids.learnerId, outcome.request)), note: text }), text };
    case 'decided': {
      const view = await approvalView(services, kind, ids.learnerId, outcome.request);
      const decidedCard = approvalCard(view);
      services.background.run('approval.after-decision', () => afterDecision(services, kind, outcome.learner, outcome.request, decidedCard));
      return { card: approvalCard({ ...view, note: text }), text };
    }
  }
}

export async function afterDecision(services: LearnerBotServices, kind: RequestKind, learner: Person, request: AnyRequest, decidedCard: AdaptiveCard): Promise<void> {
  const delivered = await services.requests.deliveredCards(kind, learner.id, request.id, request.approverIds ?? []);
  await Promise.all(delivered.map((d) => services.messenger.update({ activityId: d.activityId, reference: d.reference as never }, decidedCard)));
  const catalogue = await services.learning.catalogue.current();
  const decider = request.decidedBy ? await services.learning.staff.getPerson(request.decidedBy) : undefined;
  const subject = catalogue.subjectName(request.subjectId);
  const approved = request.state === 'approved';
  const lines =
    kind === 'extension'
      ? approved
        ? [`Your extension for ${subject} was approved by ${decider?.name ?? 'your manager'}. It is now due on ${formatLocalDate((request as ExtensionRequest).requestedDate)}.`]
        : [`Your extension for ${subject} was declined by ${decider?.name ?? 'your manager'}. It is still due on ${formatLocalDate((request as ExtensionRequest).currentDueDate)}.`]
      : approved
        ? [`The MLOG agreed that ${subject} is not required for your role: you are exempt. Decided by ${decider?.name ?? 'the MLOG'}.`]
        : [`The MLOG decided that ${subject} is still required for your role. Decided by ${decider?.name ?? 'the MLOG'}.`];
  if (request.comment) lines.push(`Their comment: “${request.comment}”`);
  await services.messenger.send(learner, messageCard(approved ? `${kind === 'extension' ? 'Extension' : 'Exemption'} approved` : `${kind === 'extension' ? 'Extension' : 'Exemption'} declined`, lines, { tone: approved ? 'good' : 'warning' }));
}

/** Universal Actions refresh: whoever opens the card sees its current state. */
export async function refreshCard(services: LearnerBotServices, kind: RequestKind, ids: { learnerId: string; requestId: string }): Promise<AdaptiveCard> {
  const bundle = await services.learning.staff.getBundle(ids.learnerId);
  const request = (kind === 'extension' ? bundle?.extensions : bundle?.exemptions)?.find((r) => r.id === ids.requestId);
  if (!request) return messageCard('Request not found', ['This request no longer exists.']);
  return approvalCard(await approvalView(services, kind, ids.learnerId, request));
}
