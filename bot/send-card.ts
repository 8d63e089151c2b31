import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { cardBytes, MAX_CARD_BYTES, type AdaptiveCard } from './cards/card-types.js';

export function cardActivity(card: AdaptiveCard): Partial<Activity> {
  const bytes = cardBytes(card);
  if (bytes > MAX_CARD_BYTES) throw new Error(`card of ${bytes} bytes is over Teams' limit`);
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  if (card.fallbackText) activity.summary = card.fallbackText;
  return activity;
}

export async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity(cardActivity(card));
}
