import { fromParts, parseLocalDate, type LocalDate } from '../../time/local-date.js';

/** What a date cell of an ESR export holds. */
export type EsrDate =
  | { kind: 'date'; date: LocalDate }
  /** "no expiry" and its variants: the learning never expires. */
  | { kind: 'never' }
  | { kind: 'empty' }
  | { kind: 'invalid'; reason: string };

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

const NEVER = /^(no expiry|no expiry date|does not expire|never expires|never|n\/?a|none)$/i;
/** 30-Nov-2028, 30 Nov 2028, 30-NOV-28 (ESR's own form and what spreadsheets turn it into). */
const DAY_MONTH_YEAR = /^(\d{1,2})[-\s/.]([A-Za-z]{3,9})[-\s/.](\d{2}|\d{4})$/;
/** 30/11/2028: the en-GB numeric form, day first. */
const NUMERIC_GB = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;
/** 2028-11-30, optionally with a time part a warehouse extract adds. */
const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/;

function checked(year: number, month: number, day: number, text: string): EsrDate {
  const date = parseLocalDate(fromParts(year, month, day));
  return date ? { kind: 'date', date } : { kind: 'invalid', reason: `${JSON.stringify(text)} is not a day on the calendar` };
}

/** Reads a date as ESR writes it; impossible days (31-Feb-2027) are refused, never rolled over. */
export function parseEsrDate(raw: string | undefined): EsrDate {
  const text = (raw ?? '').trim();
  if (text === '') return { kind: 'empty' };
  if (NEVER.test(text)) return { kind: 'never' };
  let match = DAY_MONTH_YEAR.exec(text);
  if (match) {
    const month = MONTHS[match[2]!.toLowerCase()];
    if (!month) return { kind: 'invalid', reason: `${JSON.stringify(text)} has no month we know` };
    const year = match[3]!.length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
    return checked(year, month, Number(match[1]), text);
  }
  match = NUMERIC_GB.exec(text);
  if (match) return checked(Number(match[3]), Number(match[2]), Number(match[1]), text);
  match = ISO.exec(text);
  if (match) {
    const date = parseLocalDate(match[1]!);
    return date ? { kind: 'date', date } : { kind: 'invalid', reason: `${JSON.stringify(text)} is not a day on the calendar` };
  }
  return { kind: 'invalid', reason: `${JSON.stringify(text.slice(0, 40))} is not a date (expected e.g. 30-Nov-2028 or "no expiry")` };
}
