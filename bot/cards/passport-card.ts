import type { PassportCredential } from '../../core/passport/credential.js';
import { COMPLETION_METHOD_LABELS } from '../../core/passport/passport-messages.js';
import { formatLocalDate, type LocalDate } from '../../core/time/local-date.js';
import { card, heading, text, type AdaptiveCard, type FactSet } from './card-types.js';

/** Each in-date item of a passport: completed on, how, and until when it is valid. */
export function passportItemFacts(credential: PassportCredential): FactSet {
  return {
    type: 'FactSet',
    spacing: 'medium',
    facts: credential.credentialSubject.learning.map((item) => ({
      title: `${item.subject} (${item.levelName})`,
      value: `${formatLocalDate(item.completedOn)}, ${COMPLETION_METHOD_LABELS[item.method]}; ${item.expiresOn ? `valid until ${formatLocalDate(item.expiresOn)}` : 'does not expire'}`,
    })),
  };
}

/**
 * A learning passport as a card a learner can share in a Teams chat: who it is for, who signed it,
 * each in-date item with its expiry, and the link the receiving organisation presents. The card
 * carries no authority of its own: only the signed credential behind the link is checked. The bot
 * sends it on its own ("Share in a chat"), so it can be forwarded; the tab shows it too.
 */
export function passportCard(credential: PassportCredential, link: string): AdaptiveCard {
  const holder = credential.credentialSubject.holder.name;
  const validUntil = formatLocalDate(credential.validUntil.slice(0, 10) as LocalDate);
  const items = credential.credentialSubject.learning;
  return card(
    [
      heading(`Learning passport: ${holder}`),
      text(`Signed by ${credential.issuer.name} (ODS ${credential.issuer.odsCode}). Present it by ${validUntil}; each item keeps its own expiry.`, { isSubtle: true }),
      passportItemFacts(credential),
      text('Your new organisation opens this link in Mandatory Learning (or scans the QR code on the PDF) to check it.', { isSubtle: true, spacing: 'medium' }),
    ],
    [{ type: 'Action.OpenUrl', title: 'Open the passport link', url: link }],
    `Learning passport for ${holder}, ${items.length} in-date item${items.length === 1 ? '' : 's'}, signed by ${credential.issuer.name}: ${link}`,
  );
}
