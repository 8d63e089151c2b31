import { createRequire } from 'node:module';
import { expect } from 'vitest';
import { cardBytes, MAX_CARD_BYTES, type AdaptiveCard } from '../../bot/cards/card-types.js';

// The package's ES build imports without file extensions, which Node refuses; its UMD bundle loads fine.
const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

/** Every problem Microsoft's `adaptivecards` parser finds in a card, at version 1.5. */
export function cardProblems(card: unknown): string[] {
  const adaptiveCard = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  adaptiveCard.parse(card as object, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of adaptiveCard.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}

/** Asserts a card parses with zero validation errors and fits Teams' message size. */
export function expectValidCard(card: AdaptiveCard): void {
  expect(cardProblems(card)).toEqual([]);
  expect(card.version).toBe('1.5');
  expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
}

/** The adaptive cards of a bot reply (an activity as the connector or expectReplies returns it). */
export function cardsOf(activity: { attachments?: { contentType?: string; content?: unknown }[] }): AdaptiveCard[] {
  return (activity.attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => a.content as AdaptiveCard);
}

/** All the text a person would read on a card, for assertions. */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.text === 'string') texts.push(o.text);
      if (typeof o.title === 'string') texts.push(o.title);
      if (typeof o.value === 'string' && o.type === undefined) texts.push(o.value);
      if (typeof o.label === 'string') texts.push(o.label);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return texts.join('\n');
}
