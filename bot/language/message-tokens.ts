import { normaliseText, tokenise } from './normalise.js';

/** A word of a message: lower case for reading, and as typed (a capital can tell a name from a word). */
export interface Token {
  word: string;
  raw: string;
}

/** Words put in place of what was recognised, so the classifier reads the shape of a message, not its names. */
export const PLACEHOLDER = {
  date: 'zdate',
  duration: 'zduration',
  range: 'zrange',
  possessive: 'zposs',
  subject: 'zsubject',
  level: 'zlevel',
  person: 'zperson',
} as const;

const PLACEHOLDERS: ReadonlySet<string> = new Set(Object.values(PLACEHOLDER));

export function isPlaceholder(word: string): boolean {
  return PLACEHOLDERS.has(word);
}

/** "what's", "it's": a contraction, not a possessive. */
const CONTRACTIONS = new Set(['what', 'it', 'that', 'there', 'here', 'he', 'she', 'who', 'where', 'how', 'let', 'when', 'why', 'one', 'wat', 'wot', 'whats', 'everything', 'nothing', 'something', 'anything']);

/** "Alex's training" → "Alex zposs training": whose it is stays visible once the name is read. */
function markPossessives(text: string): string {
  return text.replace(/(\p{L}+)['’`]s\b/gu, (whole, word: string) => (CONTRACTIONS.has(word.toLowerCase()) ? whole : `${word} ${PLACEHOLDER.possessive}`));
}

export function tokensOf(text: string): Token[] {
  return tokenise(normaliseText(markPossessives(text), { keepCase: true })).map((raw) => ({ raw, word: raw.toLowerCase() }));
}
