import type { AdaptiveCard, CardAction } from '../../bot/cards/card-types.js';
import type { ReplyActivity } from '../support/activities.js';
import { cardsOf, cardText, expectValidCard } from '../support/card-validator.js';

/** Every card of the replies, checked with Microsoft's parser, as the words a person would read. */
export function words(replies: ReplyActivity[]): string {
  return replies
    .map((r) => [r.text ?? '', ...cardsOf(r).map((c) => (expectValidCard(c), cardText(c)))].filter((t) => t).join('\n'))
    .join('\n---\n');
}

export function firstCard(replies: ReplyActivity[]): AdaptiveCard {
  const card = replies.flatMap((r) => cardsOf(r))[0];
  if (!card) throw new Error(`no card in the replies: ${JSON.stringify(replies).slice(0, 300)}`);
  expectValidCard(card);
  return card;
}

/** Every Action.Submit of a card, wherever it sits (the card's actions or an ActionSet in its body). */
export function submitActions(card: AdaptiveCard): Array<Extract<CardAction, { type: 'Action.Submit' }>> {
  const found: Array<Extract<CardAction, { type: 'Action.Submit' }>> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Submit') found.push(o as never);
      Object.values(o).forEach(walk);
    }
  };
  walk(card.body);
  walk(card.actions ?? []);
  return found;
}

export function button(card: AdaptiveCard, title: string | RegExp) {
  const action = submitActions(card).find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  if (!action) throw new Error(`no button ${String(title)} among ${submitActions(card).map((a) => a.title).join(', ')}`);
  return action;
}

export function input(card: AdaptiveCard, id: string): Record<string, unknown> | undefined {
  return card.body.find((e) => 'id' in e && e.id === id) as Record<string, unknown> | undefined;
}
