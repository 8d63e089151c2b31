import type { RequestKind } from '../../core/learning/types.js';
import { card, heading, text, type AdaptiveCard, type CardAction, type CardElement, type ExecuteAction, type Fact } from './card-types.js';
import { VERBS } from './verbs.js';

export interface ApprovalCardView {
  kind: RequestKind;
  requestId: string;
  learnerId: string;
  learnerName: string;
  topic: string;
  reason: string;
  requestedOn: string;
  /** Extensions only. */
  currentDue?: string;
  requestedDate?: string;
  /** The learner's overall compliance, e.g. "75% in date, 2 overdue". */
  learnerCompliance: string;
  state: 'pending' | 'approved' | 'declined';
  decidedByName?: string;
  decidedAt?: string;
  comment?: string;
  /** Entra object ids of the approvers, for Universal Actions refresh (at most 60). */
  approverAadIds: string[];
  /** A line for the person looking at it ("Already approved by …"). */
  note?: string;
}

const TITLES: Record<RequestKind, string> = { extension: 'Extension request', exemption: 'Exemption request (MLOG)' };

function decideAction(view: ApprovalCardView, decision: 'approve' | 'decline'): ExecuteAction {
  const data = { verb: VERBS.decide, kind: view.kind, requestId: view.requestId, learnerId: view.learnerId, decision };
  return {
    type: 'Action.Execute',
    title: decision === 'approve' ? 'Approve' : 'Decline',
    verb: VERBS.decide,
    data,
    style: decision === 'approve' ? 'positive' : 'destructive',
    associatedInputs: 'auto',
    // Clients without Universal Actions send the same ids as a message; the server routes both alike.
    fallback: { type: 'Action.Submit', title: decision === 'approve' ? 'Approve' : 'Decline', data },
  };
}

/**
 * The card an approver decides from. It carries ids only; the server reloads the request. Once
 * decided, the same function draws it without buttons, and the message is updated for everyone.
 */
export function approvalCard(view: ApprovalCardView): AdaptiveCard {
  const facts: Fact[] = [
    { title: 'Who', value: view.learnerName },
    { title: 'Topic', value: view.topic },
    ...(view.currentDue ? [{ title: 'Due now', value: view.currentDue }] : []),
    ...(view.requestedDate ? [{ title: 'Asks for', value: view.requestedDate }] : []),
    { title: 'Compliance', value: view.learnerCompliance },
    { title: 'Asked on', value: view.requestedOn },
  ];
  const body: CardElement[] = [
    heading(`${TITLES[view.kind]}: ${view.learnerName}`),
    ...(view.note ? [text(view.note, { weight: 'bolder', color: 'accent' })] : []),
    { type: 'FactSet', facts }, text(`Reason: “${view.reason}”`, { wrap: true })];
  const actions: CardAction[] = [];
  if (view.state === 'pending') {
    body.push({ type: 'Input.Text', id: 'comment', label: 'Comment (optional)', isMultiline: true, maxLength: 500 });
    actions.push(decideAction(view, 'approve'), decideAction(view, 'decline'));
  } else {
    const outcome = view.state === 'approved' ? 'Approved' : 'Declined';
    body.push(
      text(`${outcome} by ${view.decidedByName ?? 'an approver'}${view.decidedAt ? ` on ${view.decidedAt}` : ''}`, { weight: 'bolder', color: view.state === 'approved' ? 'good' : 'attention', spacing: 'medium' }),
      ...(view.comment ? [text(`“${view.comment}”`, { isSubtle: true, spacing: 'none' })] : []),
    );
  }
  const result = card(body, actions, `${TITLES[view.kind]} from ${view.learnerName}: ${view.topic}`);
  if (view.state === 'pending' && view.approverAadIds.length > 0) {
    result.refresh = {
      action: { type: 'Action.Execute', title: 'Refresh', verb: VERBS.refreshRequest, data: { verb: VERBS.refreshRequest, kind: view.kind, requestId: view.requestId, learnerId: view.learnerId } },
      userIds: view.approverAadIds.slice(0, 60),
    };
  }
  return result;
}
