/**
 * Damerau–Levenshtein distance in its "optimal string alignment" form: insertions, deletions,
 * substitutions and transpositions of two adjacent characters each cost 1 ("saftey" → "safety"
 * is 1). With `max`, the work stops as soon as the distance must exceed it and `max + 1` is
 * returned, which keeps a spelling check over a vocabulary cheap.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0) return m;
  if (m === 0) return n;

  // Three rolling rows: the one before the previous (for transpositions), the previous, the current.
  let before = new Array<number>(m + 1).fill(0);
  let previous = new Array<number>(m + 1);
  let current = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) previous[j] = j;

  for (let i = 1; i <= n; i++) {
    current[0] = i;
    let rowMinimum = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  const distance = previous[m]!;
  return distance > max ? max + 1 : distance;
}

/**
 * How many typos a word of this length may carry and still be recognised: none up to 3
 * characters ("IG", "BLS" must be exact), 1 from 4 to 7, 2 from 8 on.
 */
export function typoAllowance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 2;
}
