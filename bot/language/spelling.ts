import { editDistance, typoAllowance } from './edit-distance.js';

const CACHE_LIMIT = 5000;

/**
 * Corrects the misspelt words of a message to a vocabulary ("saftey" → "safety"). A word is left
 * alone when it is short (3 characters or fewer), holds a digit or "&", is in the vocabulary, or
 * is a known English word ("fine" never becomes "fire", "that" never becomes "what"). Otherwise
 * it becomes the nearest vocabulary word that starts alike, within that word's typo allowance.
 */
export class SpellingCorrector {
  private readonly byLength = new Map<number, string[]>();
  private readonly known: Set<string>;
  private readonly cache = new Map<string, string>();

  /**
   * @param vocabulary words a misspelling may be corrected to
   * @param knownWords words that are right as they are (never corrected, never a target)
   */
  constructor(vocabulary: Iterable<string>, knownWords: Iterable<string>) {
    this.known = new Set(knownWords);
    for (const word of new Set(vocabulary)) {
      this.known.add(word);
      if (word.length < 4) continue;
      const list = this.byLength.get(word.length) ?? [];
      list.push(word);
      this.byLength.set(word.length, list);
    }
  }

  /** A word of the vocabulary or a known English word: right as it is. */
  isKnown(word: string): boolean {
    return this.known.has(word);
  }

  correct(word: string): string {
    if (word.length < 4 || this.known.has(word) || /[\d&/]/.test(word)) return word;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const corrected = this.nearest(word) ?? word;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, corrected);
    return corrected;
  }

  /** The nearest vocabulary word that starts alike, within its allowance; the first listed wins a tie. */
  private nearest(word: string): string | undefined {
    let best: string | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let length = Math.max(4, word.length - 2); length <= word.length + 2; length++) {
      const allowance = typoAllowance(length);
      if (Math.abs(length - word.length) > allowance) continue;
      for (const candidate of this.byLength.get(length) ?? []) {
        if (!sameStart(word, candidate)) continue;
        const distance = editDistance(word, candidate, Math.min(allowance, bestDistance));
        if (distance > allowance) continue;
        if (distance < bestDistance) {
          best = candidate;
          bestDistance = distance;
        }
      }
    }
    return best;
  }
}

/** People rarely mistype the first letter: "waht" and "hwat" may be "what", "chat" may not. */
function sameStart(word: string, candidate: string): boolean {
  return word[0] === candidate[0] || (word[0] === candidate[1] && word[1] === candidate[0]);
}
