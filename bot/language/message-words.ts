import { normaliseText, tokenise } from './normalise.js';
import type { SubjectIndex } from './subject-index.js';

/** The words of a message, normalised and with misspellings corrected against the catalogue's vocabulary. */
export function correctedWords(text: string, index: SubjectIndex): string[] {
  return tokenise(normaliseText(text)).map((word) => index.corrector.correct(word));
}
