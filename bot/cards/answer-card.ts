import type { Answer } from '../../core/learning/answers/answer.js';
import type { AdaptiveCard } from './card-types.js';
import { messageCard, notFoundCard } from './message-card.js';

/** The one mapping from a use case's Answer to a card: done is good news, a refusal a warning (a forbidden one needs attention). */
export function answerCard(answer: Answer, supportContact: string): AdaptiveCard {
  if (answer.ok) return messageCard(answer.title, answer.lines, { tone: 'good' });
  if (answer.problem === 'not-found' && answer.code === 'not-found' && answer.title.startsWith("I can't find you")) return notFoundCard(supportContact);
  return messageCard(answer.title, answer.lines, { tone: answer.problem === 'forbidden' ? 'attention' : 'warning' });
}
