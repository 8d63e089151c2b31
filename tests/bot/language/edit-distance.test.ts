import { describe, expect, it } from 'vitest';
import { editDistance, typoAllowance } from '../../../bot/language/edit-distance.js';

describe('editDistance (Damerau–Levenshtein, optimal string alignment)', () => {
  it.each([
    ['safety', 'safety', 0],
    ['saftey', 'safety', 1],
    ['waht', 'what', 1],
    ['wats', 'whats', 1],
    ['controll', 'control', 1],
    ['safegaurding', 'safeguarding', 1],
    ['trainign', 'training', 1],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3],
  ])('when comparing %j with %j, then the distance is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });

  it('when the distance is over the bound, then the bound plus one comes back', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it.each([
    [2, 0],
    [3, 0],
    [4, 1],
    [7, 1],
    [8, 2],
    [14, 2],
  ])('when a word has %i characters, then it may carry %i typos', (length, allowance) => {
    expect(typoAllowance(length)).toBe(allowance);
  });
});
