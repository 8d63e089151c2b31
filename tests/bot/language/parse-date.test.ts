import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../bot/language/parse-date.js';
import { localDate } from '../../../core/time/local-date.js';

// Saturday 21 November 2026.
const TODAY = localDate('2026-11-21');

describe('parseDate', () => {
  it.each([
    ['record BLS 3/11', '2026-11-03'],
    ['I did it yesterday', '2026-11-20'],
    ['I completed IG last Tuesday', '2026-11-17'],
    ['on Tuesday', '2026-11-17'],
    ['25/12', '2025-12-25'],
    ['15 January', '2026-01-15'],
    ['3rd November', '2026-11-03'],
    ['on 3/11/2025', '2025-11-03'],
    ['on 3/11/25', '2025-11-03'],
    ['2026-10-01', '2026-10-01'],
    ['03.11.2026', '2026-11-03'],
    ['today', '2026-11-21'],
    ['5 days ago', '2026-11-16'],
    ['a fortnight ago', '2026-11-07'],
    ['last week', '2026-11-14'],
    ['29/2', '2024-02-29'],
  ])("when a completion says %j, then the date is %s (never after today without a year)", (text, expected) => {
    expect(parseDate(text, TODAY, 'past')).toBe(expected);
  });

  it.each([
    ['until 15 January', '2027-01-15'],
    ['till 3/1', '2027-01-03'],
    ['by next Friday', '2026-11-27'],
    ['until the end of January', '2027-01-31'],
    ['until 30/11', '2026-11-30'],
    ['Monday', '2026-11-23'],
  ])('when a request says %j, then the requested date is %s', (text, expected) => {
    expect(parseDate(text, TODAY, 'future')).toBe(expected);
  });

  it('when a completion date has an explicit year in the future, then it is returned as it is for the caller to refuse', () => {
    expect(parseDate('I did it on 3/12/2026', TODAY, 'past')).toBe('2026-12-03');
  });

  it.each(['31/02', '30/02/2026', '31/04', '0/5', '12/13'])('when the date %j cannot exist, then there is none', (text) => {
    expect(parseDate(`I completed IG on ${text}`, TODAY, 'past')).toBeUndefined();
  });

  it.each(['I did fire safety', 'level 3 safeguarding', 'tier 2', 'I sat my BLS exam', 'may I have an extension', ''])(
    'when %j holds no date, then there is none',
    (text) => {
      expect(parseDate(text, TODAY, 'past')).toBeUndefined();
    },
  );

  it('when today is early January, then "25/12" for a completion is last month', () => {
    expect(parseDate('25/12', localDate('2027-01-05'), 'past')).toBe('2026-12-25');
  });
});
