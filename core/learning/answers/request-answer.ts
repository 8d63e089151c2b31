import { formatLocalDate } from '../../time/local-date.js';
import type { ExemptionRequestResult, ExtensionRequestResult, RequestRefusal } from '../approvals.js';
import type { RequestKind } from '../types.js';
import { done, notInRecords, NOTHING_SENT, refused, type Answer, type Problem } from './answer.js';

/**
 * Why a request for an extension or exemption was refused, in one sentence a learner can act on.
 */
export function refusalSentence(refusal: RequestRefusal, subject: string, kind: RequestKind, supportContact: string): string {
  switch (refusal.kind) {
    case 'not-found':
      return `You are not in the staff records. Please contact ${supportContact}.`;
    case 'not-required':
      return `${subject} is not required for your current roles, so there is nothing to ${kind === 'extension' ? 'extend' : 'exempt'}.`;
    case 'exempt':
      return `You are already exempt from ${subject}.`;
    case 'nothing-due':
      return `${subject} does not need renewing, so there is no date to extend.`;
    case 'reason-required':
      return 'A reason is required: say briefly why.';
    case 'not-later':
      return `The new date must be after the current due date, ${formatLocalDate(refusal.currentDueDate)}.`;
    case 'too-late':
      return `An extension can be at most ${refusal.maxMonths} months past the current due date (${formatLocalDate(refusal.currentDueDate)}): the latest date you can ask for is ${formatLocalDate(refusal.latest)}.`;
    case 'already-open':
      return `You already have an open ${kind} request for ${subject}; wait for its decision before asking again.`;
    case 'no-approver':
      return kind === 'extension' ? `You have no line manager on record to decide it. Please contact ${supportContact}.` : `No MLOG members are set up to decide it. Please contact ${supportContact}.`;
  }
}

const PROBLEM: Record<RequestRefusal['kind'], Problem> = {
  'not-found': 'not-found',
  'not-required': 'invalid',
  exempt: 'invalid',
  'nothing-due': 'invalid',
  'reason-required': 'invalid',
  'not-later': 'invalid',
  'too-late': 'invalid',
  'already-open': 'invalid',
  'no-approver': 'invalid',
};

/**
 * A learner asked for an extension or an exemption (bot or My learning). `told` are the approvers
 * whose Teams chat got the card; the others see it when they next open the app.
 */
export function requestAnswer(kind: RequestKind, outcome: ExtensionRequestResult | ExemptionRequestResult, subject: string, supportContact: string, told: readonly string[] = []): Answer {
  if (outcome.kind !== 'requested') {
    if (outcome.kind === 'not-found') return notInRecords(supportContact);
    const title = kind === 'extension' ? "I couldn't send that extension request" : "I couldn't send that request";
    return refused(PROBLEM[outcome.kind], outcome.kind, title, [refusalSentence(outcome, subject, kind, supportContact), NOTHING_SENT]);
  }
  if (kind === 'exemption') {
    return done(
      'Sent to the MLOG',
      `Your request that ${subject} is not relevant to your role has gone to the mandatory learning oversight group. An exemption is not guaranteed; I'll tell you what they decide.`,
      'Until then, the topic stays due as before.',
    );
  }
  const request = outcome.request as Extract<ExtensionRequestResult, { kind: 'requested' }>['request'];
  const who = outcome.approvers.map((a) => a.name).join(' and ');
  return done(
    'Extension request sent',
    `${subject}: from ${formatLocalDate(request.currentDueDate)} to ${formatLocalDate(request.requestedDate)}.`,
    told.length > 0 ? `${told.join(' and ')} will decide; you'll be told as soon as they do.` : `${who} will see it when they next open Mandatory Learning; you'll be told the decision.`,
  );
}
