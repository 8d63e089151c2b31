import type { PassportCredential } from '../../core/passport/credential.js';
import type { PassportMessage } from '../../core/passport/passport-messages.js';
import { passportItemFacts } from './passport-card.js';
import { card, heading, text, type AdaptiveCard } from './card-types.js';
import { VERBS } from './verbs.js';

export interface IssuedPassportView {
  /** issueMessage's sentences (core/passport/passport-messages.ts). */
  message: PassportMessage;
  credential: PassportCredential;
  passportId: string;
  link: string;
  /** My learning in the tab, opened at this passport, where its PDF is downloaded. */
  tabLink: string;
  /** True when this is a passport issued earlier that still holds exactly the learner's in-date learning. */
  reused: boolean;
}

/**
 * The learner's own passport in chat: what it holds and until when, its link (as text, to copy), and
 * the three ways to pass it on: open the link, the PDF (in My learning), or a card of its own to
 * forward in a Teams chat. The card carries the passport's id only; sharing reloads it and checks whose it is.
 */
export function passportIssuedCard(view: IssuedPassportView): AdaptiveCard {
  const { message, credential } = view;
  return card(
    [
      { ...heading(message.title), color: 'good' },
      ...message.lines.map((line) => text(line)),
      ...(view.reused ? [text('This is the passport you were given earlier: it still holds all your in-date learning.', { isSubtle: true, size: 'small' })] : []),
      passportItemFacts(credential),
      text('The link (for your new organisation to paste into Mandatory Learning):', { spacing: 'medium', weight: 'bolder', size: 'small' }),
      text(view.link, { isSubtle: true, size: 'small', spacing: 'none' }),
    ],
    [
      { type: 'Action.OpenUrl', title: 'Open the link', url: view.link },
      { type: 'Action.OpenUrl', title: 'Get the PDF', url: view.tabLink },
      { type: 'Action.Submit', title: 'Share in a chat', data: { verb: VERBS.passportShare, passportId: view.passportId } },
    ],
    `${message.title}: ${message.lines.join(' ')} ${view.link}`,
  );
}
