import { describe, expect, it } from 'vitest';
import { DateReader, durationText, type DateMention } from '../../../bot/language/find-dates.js';
import { localDate } from '../../../core/time/local-date.js';

// Saturday 21 November 2026.
const today = localDate('2026-11-21');
const reader = new DateReader();

function first(text: string): DateMention | undefined {
  return reader.scan(text, today).mentions[0];
}

describe('dates and durations, en-GB, with Recognizers-Text', () => {
  it.each([
    ['I did it on the 5th', '2026-11-05', '2026-12-05'],
    ['on 3rd March', '2026-03-03', '2027-03-03'],
    ['02/03', '2026-03-02', '2027-03-02'],
    ['3/11', '2026-11-03', '2027-11-03'],
    ['yesterday', '2026-11-20', '2026-11-20'],
    ['last Tuesday', '2026-11-17', undefined],
    ['on Monday', '2026-11-16', '2026-11-23'],
    ['end of January', '2026-01-31', '2027-01-31'],
    ['until 15 January', '2026-01-15', '2027-01-15'],
    ['till the end of next month', '2026-12-31', '2026-12-31'],
    ['till the 30th', '2026-10-30', '2026-11-30'],
    ['a fortnight ago', '2026-11-07', '2026-11-07'],
    ['05/01/2027', '2027-01-05', '2027-01-05'],
  ])('when a message says %j, then it reads as %s in the past and %s ahead', (text, past, future) => {
    const mention = first(text);
    expect(mention?.kind).toBe('date');
    if (mention?.kind !== 'date') return;
    expect(mention.past).toBe(past);
    expect(mention.future).toBe(future);
  });

  it.each([
    ['can I have a couple more weeks', 'P2W', false],
    ['another month please', 'P1M', false],
    ['2 more weeks', 'P2W', false],
    ['extend it by a fortnight', 'P2W', false],
    ['can I have an extra week', 'P1W', false],
    ['in a fortnight', 'P2W', true],
    ["I'm on leave the next two weeks", 'P2W', true],
  ])('when a message says %j, then it is a length of time, %s (from today: %s)', (text, iso, fromToday) => {
    const mention = reader.scan(text, today).mentions.find((m) => m.kind === 'duration');
    expect(mention?.kind).toBe('duration');
    if (mention?.kind !== 'duration') return;
    expect(durationText(mention.duration)).toBe(iso);
    expect(mention.fromToday).toBe(fromToday);
  });

  it('when a date cannot exist, then it is unreadable, never another day', () => {
    expect(first('I did it on 31/02')?.kind).toBe('unreadable');
  });

  it('when no number is said ("a few more days", "until next month"), then no day or length is made up', () => {
    expect(reader.scan('can I have a few more days', today).mentions.every((m) => m.kind === 'range')).toBe(true);
    expect(reader.scan('can I defer it until next month', today).mentions.every((m) => m.kind === 'range')).toBe(true);
  });

  it('when a word only looks like a date ("I sat my BLS", "may I"), then it is not one', () => {
    expect(reader.scan('I sat my BLS', today).mentions).toEqual([]);
    expect(reader.scan('may I have an extension', today).mentions).toEqual([]);
    expect(reader.scan("what's due", today).mentions).toEqual([]);
  });
});
