/**
 * en-GB dates, the same on every page, chart and export whatever the browser's or server's locale:
 * shown as "2 Dec 2026", entered as dd/mm/yyyy. Calendar dates are ISO strings (YYYY-MM-DD,
 * Europe/London); nothing here goes through the Date constructor's local time zone.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "2 Dec 2026" from "2026-12-02"; an em dash for nothing. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const match = ISO.exec(date.slice(0, 10));
  if (!match) return date;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

/** "Nov 2026" from "2026-11". */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/** "2 Dec 2026, 14:05" for an instant, in Europe/London. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(when)
      .map((p) => [p.type, p.value]),
  );
  return `${formatDate(`${parts.year}-${parts.month}-${parts.day}`)}, ${parts.hour}:${parts.minute}`;
}

/** "02/12/2026" from "2026-12-02" (what a date input shows). */
export function toInputDate(date: string | null | undefined): string {
  const match = date ? ISO.exec(date) : null;
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}

/**
 * A typed date, read the British way: day, month, year (dd/mm/yyyy; also d/m/yy, with - or . between),
 * or "2 Dec 2026". Undefined when it is not a real calendar date (31/02/2026 is refused, never rolled over).
 */
export function parseUkDate(text: string): string | undefined {
  const value = text.trim();
  let day: number;
  let month: number;
  let year: number;
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(value);
  const worded = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(value);
  if (numeric) {
    day = Number(numeric[1]);
    month = Number(numeric[2]);
    year = Number(numeric[3]);
    if (numeric[3]!.length === 2) year += 2000;
  } else if (worded) {
    day = Number(worded[1]);
    month = MONTHS.findIndex((m) => m.toLowerCase() === worded[2]!.slice(0, 3).toLowerCase()) + 1;
    year = Number(worded[3]);
  } else if (ISO.test(value)) {
    return parseUkDate(toInputDate(value));
  } else return undefined;
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2200 || day > daysInMonth(year, month)) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
