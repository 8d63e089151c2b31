/**
 * Turns a chat message into lower-case words the rules can read: Teams markup and mentions
 * removed, accents dropped, apostrophes closed up ("what's" → "whats", "I'm" → "im"), short
 * ampersand abbreviations kept whole ("M & H" → "m&h") and other ampersands read as "and",
 * "e-learning" kept as one word ("elearning"), any other punctuation or control character a space.
 */

/** Messages longer than this are read only up to here: nobody asks the bot an essay. */
export const MAX_MESSAGE_CHARS = 1000;

export function capMessage(text: string): string {
  return text.length > MAX_MESSAGE_CHARS ? text.slice(0, MAX_MESSAGE_CHARS) : text;
}

/** The message as plain text, capped: mentions and tags removed, entities decoded, control characters spaces. */
export function stripMarkup(text: string): string {
  return capMessage(text)
    .replace(/<at>[\s\S]*?<\/at>/gi, ' ')
    .replace(/<[^<>]{0,200}>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&(?:#39|apos|#x27);/gi, "'")
    .replace(/&(?:quot|lt|gt|#\d{1,6});/gi, ' ')
    .replace(/[\u0000-\u001f\u007f]/g, ' ');
}

export function normaliseText(raw: string, options: { keepCase?: boolean } = {}): string {
  const lower = options.keepCase ? (t: string) => t : (t: string) => t.toLowerCase();
  let text = lower(
    stripMarkup(raw)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, ''))
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'");

  text = text.replace(/(\p{L})'(\p{L})/gu, '$1$2');
  text = text.replace(/(?<![\p{L}\p{N}])([\p{L}\p{N}]*)\s*&\s*([\p{L}\p{N}]*)/gu, (_match, left: string, right: string) =>
    left.length > 0 && right.length > 0 && left.length <= 2 && right.length <= 2 ? `${left}&${right}` : `${left} and ${right}`,
  );
  text = text.replace(/\b([eE])[\s-]+(learning|assessment|learn)\b/gi, '$1$2');
  text = text.replace(/(\p{L})\/(?=\p{L})/gu, '$1 ');
  text = text.replace(/[^\p{L}\p{N}&/]+/gu, ' ');
  return text.trim();
}

export function tokenise(normalised: string): string[] {
  return normalised.length === 0 ? [] : normalised.split(' ');
}

/** A light stem for comparing subject words: "adults" and "adult" are the same word. */
export function stem(word: string): string {
  return word.length >= 5 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}
