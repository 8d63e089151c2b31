import { describe, expect, it } from 'vitest';
import { addMonths, londonDateOf, localDate, parseLocalDate } from '../../../core/time/local-date.js';

describe('calendar dates', () => {
  it('when a completion on 29 February is renewed yearly, then it expires on 28 February, and on 29 February in the next leap year', () => {
    expect(addMonths(localDate('2024-02-29'), 12)).toBe('2025-02-28');
    expect(addMonths(localDate('2024-02-29'), 48)).toBe('2028-02-29');
  });

  it('when an impossible date is given, then it is refused', () => {
    expect(parseLocalDate('2026-02-30')).toBeUndefined();
    expect(parseLocalDate('2026-13-01')).toBeUndefined();
    expect(parseLocalDate('21/11/2026')).toBeUndefined();
  });

  it('when it is late evening UTC in British Summer Time, then London is already on the next day', () => {
    expect(londonDateOf(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});
