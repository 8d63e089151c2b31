import { describe, expect, it } from 'vitest';
import { formatDate, formatInstant, formatMonth, parseUkDate, toInputDate } from '../../../tab/shared/dates.js';

describe('the tab\'s one date format', () => {
  it('when a calendar date is shown, then it reads "2 Dec 2026" whatever the locale, and an input shows dd/mm/yyyy', () => {
    expect(formatDate('2026-12-02')).toBe('2 Dec 2026');
    expect(formatDate('2026-09-30')).toBe('30 Sep 2026');
    expect(formatDate(null)).toBe('—');
    expect(formatMonth('2026-11')).toBe('Nov 2026');
    expect(toInputDate('2026-12-02')).toBe('02/12/2026');
    expect(formatInstant('2026-07-01T13:05:00Z')).toBe('1 Jul 2026, 14:05');
    expect(formatInstant('2026-12-01T13:05:00Z')).toBe('1 Dec 2026, 13:05');
  });

  it('when a date is typed, then it is read day first; an impossible day is refused, never rolled over', () => {
    expect(parseUkDate('02/12/2026')).toBe('2026-12-02');
    expect(parseUkDate('2/12/26')).toBe('2026-12-02');
    expect(parseUkDate('02-12-2026')).toBe('2026-12-02');
    expect(parseUkDate('2 Dec 2026')).toBe('2026-12-02');
    expect(parseUkDate('29/02/2028')).toBe('2028-02-29');
    expect(parseUkDate('29/02/2027')).toBeUndefined();
    expect(parseUkDate('31/04/2026')).toBeUndefined();
    expect(parseUkDate('12/31/2026')).toBeUndefined();
    expect(parseUkDate('soon')).toBeUndefined();
  });
});
