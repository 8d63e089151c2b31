import * as chrono from 'chrono-node';
import { addDays, compareDates, daysInMonth, fromParts, type LocalDate } from '../../core/time/local-date.js';
import { capMessage } from './normalise.js';

export type DateDirection = 'past' | 'future';

/** A date found in a message and where it starts. */
export interface FoundDate {
  date: LocalDate | undefined;
  index: number;
  /** The words that gave the date, as written ("last Tuesday", "3/11"). */
  text: string;
}

interface Parts {
  year?: number;
  month: number;
  day: number;
}

/** Words chrono reads as dates that people rarely mean as one: "I sat my BLS", "may I have". */
const AMBIGUOUS = new Set(['sat', 'sun', 'wed', 'mar', 'may', 'march', 'second', 'sec', 'mon', 'fri']);

/** "3/11", "03/11/2025", "3.11.25", "2026-11-03": day first, as in the UK. */
const NUMERIC = /(?<![\d/.-])(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?|(\d{1,2})[.-](\d{1,2})[.-](\d{4}|\d{2}))(?![\d/]|[.-]\d)/g;

function fullYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

function numericDates(text: string): Array<{ index: number; text: string; parts: Parts }> {
  const found: Array<{ index: number; text: string; parts: Parts }> = [];
  for (const match of text.matchAll(NUMERIC)) {
    const [, isoYear, isoMonth, isoDay, day, month, year, dotDay, dotMonth, dotYear] = match;
    const parts: Parts = isoYear
      ? { year: Number(isoYear), month: Number(isoMonth), day: Number(isoDay) }
      : day
        ? { year: fullYear(year), month: Number(month), day: Number(day) }
        : { year: fullYear(dotYear), month: Number(dotMonth), day: Number(dotDay) };
    found.push({ index: match.index, text: match[0], parts });
  }
  return found;
}

function isPossible(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** A day and month with no year: the latest one not after today ('past'), or the next one from today ('future'). */
function placeInYear(month: number, day: number, today: LocalDate, direction: DateDirection): LocalDate | undefined {
  if (!isPossible(2000, month, day)) return undefined;
  const step = direction === 'past' ? -1 : 1;
  let year = Number(today.slice(0, 4));
  // Within a year either way, except 29 February, which waits for a leap year (at most 8 years off).
  for (let tries = 0; tries < 9; tries++, year += step) {
    if (!isPossible(year, month, day)) continue;
    const date = fromParts(year, month, day);
    const order = compareDates(date, today);
    if ((direction === 'past' && order <= 0) || (direction === 'future' && order >= 0)) return date;
  }
  return undefined;
}

function resolveParts(parts: Parts, today: LocalDate, direction: DateDirection): LocalDate | undefined {
  if (parts.year !== undefined) {
    return isPossible(parts.year, parts.month, parts.day) ? fromParts(parts.year, parts.month, parts.day) : undefined;
  }
  return placeInYear(parts.month, parts.day, today, direction);
}

function resolveChrono(result: chrono.ParsedResult, today: LocalDate, direction: DateDirection): LocalDate | undefined {
  const start = result.start;
  const year = start.get('year');
  const month = start.get('month');
  const day = start.get('day');
  if (year === null || month === null || day === null || !isPossible(year, month, day)) return undefined;
  if (!start.isCertain('year') && start.isCertain('month')) return placeInYear(month, day, today, direction);

  let date = fromParts(year, month, day);
  const weekdayOnly = start.isCertain('weekday') && !start.isCertain('day') && !start.isCertain('month');
  if (weekdayOnly) {
    // "Tuesday", "on Monday": the one just gone for a completion, the next one for a request.
    while (direction === 'past' && compareDates(date, today) > 0) date = addDays(date, -7);
    while (direction === 'future' && compareDates(date, today) < 0) date = addDays(date, 7);
  }
  return date;
}

function noonUtc(today: LocalDate): Date {
  return new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)), 12));
}

/**
 * The first date in a message and where it starts, or undefined when there is none. A date that
 * cannot exist ("31/02") is found with `date: undefined`, so that it is not mistaken for no date.
 */
export function findDate(text: string, today: LocalDate, direction: DateDirection): FoundDate | undefined {
  // "a fortnight ago" → "2 weeks ago", padded so that positions stay where they were.
  const capped = capMessage(text).replace(/\bfortnight\b/gi, '2 weeks  ');
  const candidates: FoundDate[] = numericDates(capped).map(({ index, text: written, parts }) => ({
    index,
    text: written,
    date: resolveParts(parts, today, direction),
  }));
  const results = chrono.en.GB.parse(capped, noonUtc(today), { forwardDate: direction === 'future' });
  for (const result of results) {
    if (/\d\s*[/.-]\s*\d/.test(result.text)) continue; // numeric forms are read above, day first
    if (AMBIGUOUS.has(result.text.trim().toLowerCase())) continue;
    candidates.push({ index: result.index, text: result.text, date: resolveChrono(result, today, direction) });
  }
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0];
}

/**
 * en-GB dates ("3/11" = 3 November, "yesterday", "last Tuesday", "15 January") relative to today;
 * direction 'past' for completions (never a future date: a day/month without year that would be
 * in the future means last year), 'future' for requested dates. Returns undefined if no date is
 * present. Impossible dates ("31/02") give undefined. A date with an explicit year is returned as
 * it is, even on the wrong side of today: the caller refuses it with a clear message.
 */
export function parseDate(text: string, today: LocalDate, direction: DateDirection): LocalDate | undefined {
  return findDate(text, today, direction)?.date;
}
