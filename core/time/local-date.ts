/**
 * Calendar dates ("2026-11-21") as the NHS means them: a day in Europe/London, with no time and
 * no zone. All arithmetic is done on the calendar (year, month, day) through UTC midnights, so a
 * clock change can never move a date by one.
 */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Parses "YYYY-MM-DD", refusing impossible dates such as 2026-02-30. */
export function parseLocalDate(text: string): LocalDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return text as LocalDate;
}

export function localDate(text: string): LocalDate {
  const parsed = parseLocalDate(text);
  if (!parsed) throw new RangeError(`Not a calendar date: ${JSON.stringify(text)}`);
  return parsed;
}

export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && parseLocalDate(value) !== undefined;
}

export function fromParts(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as LocalDate;
}

function parts(date: LocalDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

function toEpochDays(date: LocalDate): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromEpochDays(days: number): LocalDate {
  const utc = new Date(days * DAY_MS);
  return fromParts(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDays(toEpochDays(date) + days);
}

/**
 * Adds calendar months. When the day does not exist in the target month it is clamped to the
 * month's last day: 29 Feb 2024 + 12 months = 28 Feb 2025; 31 Jan + 1 month = 28/29 Feb.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = parts(date);
  const zeroBased = y * 12 + (m - 1) + months;
  const year = Math.floor(zeroBased / 12);
  const month = (zeroBased % 12) + 1;
  return fromParts(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDays(to) - toEpochDays(from);
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}

export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a <= b ? a : b;
}

const londonFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Europe/London at an instant (23:30 UTC on 30 June is 1 July in London). */
export function londonDateOf(instant: Date): LocalDate {
  return londonFormatter.format(instant) as LocalDate;
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(toEpochDays(date) * DAY_MS).getUTCDay();
}

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "21 Nov 2026": the en-GB short form people read on cards. */
export function formatLocalDate(date: LocalDate): string {
  const [y, m, d] = parts(date);
  return `${d} ${MONTHS_SHORT[m - 1]} ${y}`;
}

/** A moment as people in England read it: "22 Oct 2026 at 14:05" (Europe/London). */
export function formatMoment(iso: string): string {
  const date = new Date(iso);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(date);
  return `${formatLocalDate(londonDateOf(date))} at ${time}`;
}
