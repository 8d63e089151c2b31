import { card, heading, text, type AdaptiveCard, type CardElement } from './card-types.js';
import { learnerActions } from './action-bar.js';
import { typedText } from './safe-text.js';

/** One request as the learner sees it: what, its state, who and when, and any comment. */
export interface RequestLine {
  kind: 'extension' | 'exemption' | 'certificate';
  topic: string;
  /** "to 15 Jan 2027" for an extension; the employer for a certificate. */
  detail?: string;
  state: 'pending' | 'approved' | 'declined' | 'withdrawn' | 'verified' | 'rejected';
  askedOn: string;
  /** Who is deciding (pending) or who decided. */
  who?: string;
  decidedOn?: string;
  comment?: string;
}

const KIND = { extension: 'Extension', exemption: 'Exemption', certificate: 'Certificate' } as const;
const STATE = { pending: 'waiting for a decision', approved: 'approved', declined: 'declined', withdrawn: 'withdrawn', verified: 'verified', rejected: 'not accepted' } as const;

function outcome(line: RequestLine): string {
  if (line.state === 'pending') return line.kind === 'certificate' ? `Waiting for learning and development to verify it (sent ${line.askedOn}).` : `Waiting for ${line.who ?? 'a decision'} (asked ${line.askedOn}).`;
  const by = line.who ? ` by ${line.who}` : '';
  const on = line.decidedOn ? ` on ${line.decidedOn}` : '';
  return `**${STATE[line.state][0]!.toUpperCase()}${STATE[line.state].slice(1)}**${by}${on} (asked ${line.askedOn}).`;
}

/** "Has my extension been approved?": the learner's requests, newest first, each with its decision. */
export function requestStatusCard(lines: readonly RequestLine[], asked: string): AdaptiveCard {
  const body: CardElement[] = [heading('Your requests')];
  if (lines.length === 0) body.push(text(`You have no ${asked} on record.`));
  for (const line of lines.slice(0, 15)) {
    body.push({
      type: 'Container',
      separator: true,
      spacing: 'small',
      style: line.state === 'approved' || line.state === 'verified' ? 'good' : line.state === 'declined' || line.state === 'rejected' ? 'attention' : 'default',
      items: [
        text(`**${KIND[line.kind]}: ${line.topic}**${line.detail ? ` · ${line.detail}` : ''}`),
        text(outcome(line), { spacing: 'none', size: 'small' }),
        ...(line.comment ? [text(`Comment: “${typedText(line.comment, 300)}”`, { spacing: 'none', size: 'small', isSubtle: true })] : []),
      ],
    });
  }
  if (lines.length > 15) body.push(text(`…and ${lines.length - 15} older ones.`, { isSubtle: true, size: 'small' }));
  body.push({ type: 'ActionSet', spacing: 'medium', actions: learnerActions() });
  return card(body, [], lines.length === 0 ? `You have no ${asked} on record.` : `Your requests: ${lines.map((l) => `${KIND[l.kind]} ${l.topic} ${STATE[l.state]}`).join('; ')}`);
}
