import { CHECK_NAMES, type PassportCheck } from '../../core/passport/checks.js';
import type { PassportMessage } from '../../core/passport/passport-messages.js';
import { MAX_RETRY_TEXT } from '../action-payloads.js';
import { card, heading, text, type AdaptiveCard, type CardAction, type CardElement } from './card-types.js';
import { VERBS } from './verbs.js';

export interface PresentOutcomeView {
  /** presentMessage's sentences (core/passport/passport-messages.ts): what was transferred, queued or refused, and why. */
  message: PassportMessage;
  /** Every check the verifier made, in plain words; shown when anything failed. */
  checks: readonly PassportCheck[];
  /** Where the records came from, when any were stored (provenanceLine). */
  provenance?: string;
  /** What the learner pasted, for "Try again" when the issuer could not be reached. */
  presented: string;
}

function checkList(checks: readonly PassportCheck[]): CardElement {
  return {
    type: 'Container',
    spacing: 'medium',
    items: [
      text('What was checked', { weight: 'bolder' }),
      { type: 'FactSet', facts: checks.map((c) => ({ title: CHECK_NAMES[c.check], value: `${c.passed ? 'Passed' : 'Failed'}: ${c.detail}` })) },
    ],
  };
}

/**
 * The answer to a passport presented in chat: the same sentences as the tab's, the provenance of what
 * was stored, every check when anything failed, "Try again" when the issuer did not answer, and
 * "What's due" to see the items counted.
 */
export function passportOutcomeCard(view: PresentOutcomeView): AdaptiveCard {
  const { message } = view;
  const body: CardElement[] = [{ ...heading(message.title), color: message.tone }, ...message.lines.map((line) => text(line))];
  if (view.provenance) body.push(text(view.provenance, { isSubtle: true, size: 'small', spacing: 'medium' }));
  if (view.checks.some((c) => !c.passed)) body.push(checkList(view.checks));
  const actions: CardAction[] = [];
  if (message.retry) {
    if (view.presented.length <= MAX_RETRY_TEXT) actions.push({ type: 'Action.Submit', title: 'Try again', style: 'positive', data: { verb: VERBS.passportRetry, text: view.presented } });
    else body.push(text('To try again, paste the passport here again in a few minutes.', { isSubtle: true }));
  }
  actions.push({ type: 'Action.Submit', title: "What's due", data: { verb: VERBS.whatsDue } });
  return card(body, actions, [message.title, ...message.lines].join(' '));
}
