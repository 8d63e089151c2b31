import { formatLocalDate } from '../time/local-date.js';
import type { RequestRefusal } from './approvals.js';

/**
 * Why a request for an extension or exemption was refused, in one sentence a learner can act on.
 * The bot puts it on a card and the tab in an error; both say the same thing.
 */
export function refusalSentence(refusal: RequestRefusal, subject: string, kind: 'extension' | 'exemption', supportContact: string): string {
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
