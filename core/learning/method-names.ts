import type { CompletionMethod } from './types.js';

/** How each way of completing learning is named: as a label (lists, tables) and inside a sentence. */
export const METHOD_LABELS: Record<CompletionMethod, string> = {
  'e-learning': 'E-learning',
  'e-assessment': 'E-assessment',
  session: 'Face-to-face session',
  'practical-assessment': 'Practical assessment',
  drill: 'Drill or simulation',
  'self-declaration': 'Self-declaration',
  blended: 'Blended learning',
  transferred: 'Certificate from another employer',
};

/** "a drill or simulation", for the middle of a sentence: lower case, any unknown method as given. */
export function methodInSentence(method: string): string {
  const label = METHOD_LABELS[method as CompletionMethod];
  return label ? label.charAt(0).toLowerCase() + label.slice(1) : method;
}
