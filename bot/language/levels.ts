/** A level named in a message: tokens [start, end) say "level 3", "L3", "lvl 3", "level three", "tier 2". */
export interface LevelExpression {
  start: number;
  end: number;
  level: number;
}

const LEVEL_WORDS = new Set(['level', 'lvl', 'lv', 'lev', 'levl', 'tier']);
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, ii: 2, iii: 3, iv: 4, first: 1, second: 2, third: 3,
};
const JOINED = /^(?:l|lvl|lv|lev|level|levl|tier)([1-9])$/;

function numberOf(token: string | undefined): number | undefined {
  if (token === undefined) return undefined;
  if (/^[1-9]$/.test(token)) return Number(token);
  return NUMBER_WORDS[token];
}

export function findLevels(tokens: readonly string[]): LevelExpression[] {
  const found: LevelExpression[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const joined = JOINED.exec(token);
    if (joined) {
      found.push({ start: index, end: index + 1, level: Number(joined[1]) });
      continue;
    }
    if (!LEVEL_WORDS.has(token)) continue;
    const level = numberOf(tokens[index + 1]);
    if (level !== undefined) {
      found.push({ start: index, end: index + 2, level });
      index++;
    }
  }
  return found;
}
