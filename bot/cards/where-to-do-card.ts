import { learnerActions } from './action-bar.js';
import { card, heading, text, type AdaptiveCard, type CardAction, type CardElement } from './card-types.js';

export interface WhereLine {
  label: string;
  /** "e-learning or a face-to-face session". */
  ways: string;
  link?: string;
  /** "Required by your roles", "Not required by your roles". */
  note: string;
}

/** "Where do I do my IG training?": the catalogue's link and the ways each topic can be completed. */
export function whereToDoCard(lines: readonly WhereLine[], supportContact: string): AdaptiveCard {
  const body: CardElement[] = [heading(lines.length === 1 ? `Where to do ${lines[0]!.label}` : 'Where to do your training')];
  const links: CardAction[] = [];
  for (const line of lines.slice(0, 12)) {
    body.push(
      text(`**${line.label}**`, { spacing: 'small' }),
      text(`Completed as ${line.ways}. ${line.link ? `[Open the course](${line.link})` : `Ask ${supportContact} where it runs.`}`, { spacing: 'none' }),
      text(line.note, { spacing: 'none', isSubtle: true, size: 'small' }),
    );
    if (line.link && links.length < 3 && !links.some((l) => l.type === 'Action.OpenUrl' && l.url === line.link)) links.push({ type: 'Action.OpenUrl', title: lines.length === 1 ? 'Open the course' : `Open ${line.label}`.slice(0, 60), url: line.link });
  }
  body.push({ type: 'ActionSet', spacing: 'medium', actions: [...links, ...learnerActions().slice(0, 2)] });
  return card(body, [], lines.map((l) => `${l.label}: ${l.link ?? 'ask ' + supportContact}`).join('; '));
}
