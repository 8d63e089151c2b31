import { Culture, DateTimeRecognizer } from '@microsoft/recognizers-text-date-time';
import { addDays, compareDates, dayOfWeek, isLocalDate, type LocalDate } from '../../core/time/local-date.js';

/** How long, as people say it: "a couple more weeks" is 2 weeks, "another month" 1 month. */
export interface Duration {
  months: number;
  weeks: number;
  days: number;
}

/**
 * A date or a length of time found in a message, where it is (in the rewritten text `DateScan.text`)
 * and what it can mean. A day without a year ("the 5th", "3rd March", "02/03") has a past and a
 * future reading; the intent decides which is meant (a completion happened, an extension is ahead).
 */
export type DateMention =
  | { kind: 'date'; start: number; end: number; text: string; past?: LocalDate; future?: LocalDate }
  | { kind: 'duration'; start: number; end: number; text: string; duration: Duration; fromToday: boolean }
  /** A range with no single day ("last week", "this month"): worth knowing, never a date to write. */
  | { kind: 'range'; start: number; end: number; text: string }
  /** Looks like a date but is none ("31/02"): never silently replaced by another day. */
  | { kind: 'unreadable'; start: number; end: number; text: string };

export interface DateScan {
  /** The message with the spellings Recognizers-Text does not know rewritten ("fortnight" → "2 weeks"). */
  text: string;
  mentions: DateMention[];
}

/** Spellings rewritten before recognition; each keeps the words around it where they were. */
const REWRITES: ReadonlyArray<[RegExp, string]> = [
  [/\ba\s+fortnight\b/gi, '2 weeks'],
  [/\b(?:one|1)\s+fortnight\b/gi, '2 weeks'],
  [/\bfortnight\b/gi, '2 weeks'],
  [/\ba\s+couple\s+(?:of\s+)?(?:more\s+|extra\s+)?(days|weeks|months)\b/gi, '2 $1'],
  [/\ba\s+few\s+more\s+(days|weeks|months)\b/gi, 'a few $1'],
  // "2 more weeks", "3 extra days": the length, which the reader below takes from the due date.
  [/\b(\d{1,2}|one|two|three|four|five|six|eight|ten|twelve|an?)\s+(?:more|extra|further)\s+(days?|weeks?|months?)\b/gi, '$1 $2'],
  [/\b(an?|one)\s+(?:extra|more|further)\s+(day|week|month)\b/gi, '$1 $2'],
  // "a 2 week extension": the unit in the singular is still a length of time.
  [/\b(\d{1,2})[\s-]+(day|week|month)\s+(extension|delay)\b/gi, '$1 $2s $3'],
];

/**
 * Only messages with one of these can hold a date ("until", "next", "end of" come with one of them):
 * the recogniser is not even asked otherwise.
 */
const DATE_CUE =
  /\d|\b(?:jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december|mon|monday|tue|tues|tuesday|wed|weds|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday|today|tonight|tomorrow|yesterday|weeks?|months?|years?|days?|morning|afternoon|evening|christmas|easter|weekend|fortnight)\b/i;

/** Single words the recogniser reads as dates that people rarely mean as one: "I sat my BLS", "may I". */
const AMBIGUOUS_ALONE = new Set(['sat', 'sun', 'may', 'mar', 'second', 'mon', 'wed', 'fri', 'march']);

const WEEKDAY_AFTER_LAST = /^last\s+(mon|tue|wed|thu|fri|sat|sun)[a-z]*$/i;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Recognizers-Text answers in its own shape; only what is read here is typed. */
interface RecognizerValue {
  timex?: string;
  type?: string;
  value?: string;
  start?: string;
  end?: string;
}
interface RecognizerResult {
  start: number;
  end: number;
  text: string;
  typeName: string;
  resolution?: { values?: RecognizerValue[] };
}
interface DateTimeModel {
  parse(query: string, referenceDate?: Date): RecognizerResult[];
}

/** How far into a message dates are looked for: a date phrase is near the request it belongs to. */
const MAX_SCAN_CHARS = 400;

/**
 * en-GB dates and durations, read by Microsoft's Recognizers-Text (the Bot Framework's own
 * recognisers, British culture: "02/03" is 2 March). One model per reader, built once at start-up.
 */
export class DateReader {
  private readonly model: DateTimeModel;

  constructor() {
    this.model = new DateTimeRecognizer(Culture.EnglishOthers).getDateTimeModel() as unknown as DateTimeModel;
  }

  /** Runs once so the recogniser's patterns are compiled before the first message (about 150 ms). */
  warm(today: LocalDate): void {
    this.scan('I did it on the 5th, can I have 2 more weeks until 15 January?', today);
  }

  scan(message: string, today: LocalDate): DateScan {
    let text = message;
    for (const [pattern, replacement] of REWRITES) text = text.replace(pattern, replacement);
    if (!DATE_CUE.test(text)) return { text, mentions: [] };
    const reference = new Date(`${today}T12:00:00`);
    const scanned = text.slice(0, MAX_SCAN_CHARS);
    const mentions: DateMention[] = [];
    for (const result of this.model.parse(scanned, reference)) {
      const mention = this.readResult(result, text, today, reference);
      if (mention) mentions.push(mention);
    }
    // "from the 2nd", "till the 30th": a day of the month alone, which the recogniser leaves out after some words.
    for (const match of scanned.matchAll(ORDINAL_DAY)) {
      const start = match.index;
      const end = start + match[0].length;
      if (mentions.some((m) => m.start < end && start < m.end)) continue;
      const day = Number(match[1]);
      if (day < 1 || day > 31) continue;
      mentions.push({ kind: 'date', start, end, text: match[0], ...dayOfMonth(day, today) });
    }
    mentions.sort((a, b) => a.start - b.start);
    return { text, mentions };
  }

  private readResult(result: RecognizerResult, text: string, today: LocalDate, reference: Date): DateMention | undefined {
    const mention = readResult(result, text, today);
    if (mention?.kind !== 'range' && mention?.kind !== 'date') return mention;
    // "until Friday", "till 20/12", "by the end of January": the day named after the word.
    const until = UNTIL.exec(mention.text);
    if (!until || result.typeName !== 'datetimeV2.daterange') return mention;
    const rest = mention.text.slice(until[0].length);
    const inner = this.model.parse(rest, reference).find((r) => r.start === 0 && r.end === rest.length - 1);
    const read = inner ? readResult(inner, rest, today) : undefined;
    return read?.kind === 'date' ? { ...read, start: mention.start, end: mention.end, text: mention.text } : mention;
  }
}

const UNTIL = /^(?:until|untill|till|til|up to|upto|by|to)\s+/i;
const ORDINAL_DAY = /\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/gi;

/** The 5th: the latest 5th not after today and the earliest not before it (months without that day skipped). */
function dayOfMonth(day: number, today: LocalDate): { past?: LocalDate; future?: LocalDate } {
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const candidates: LocalDate[] = [];
  for (let offset = -2; offset <= 2; offset++) {
    const m = ((month - 1 + offset + 12) % 12) + 1;
    const y = year + Math.floor((month - 1 + offset) / 12);
    const text = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (isLocalDate(text)) candidates.push(text);
  }
  return pastAndFuture(candidates, today);
}

function isoDate(value: string | undefined): LocalDate | undefined {
  const day = value?.slice(0, 10);
  return day && isLocalDate(day) ? day : undefined;
}

function readResult(result: RecognizerResult, text: string, today: LocalDate): DateMention | undefined {
  const span = { start: result.start, end: result.end + 1, text: text.slice(result.start, result.end + 1) };
  const phrase = span.text.trim().toLowerCase();
  const before = text.slice(Math.max(0, span.start - 4), span.start).toLowerCase();
  if (AMBIGUOUS_ALONE.has(phrase) && !/\bon\s$/.test(before)) return undefined;
  const values = result.resolution?.values ?? [];
  const type = result.typeName.replace(/^datetimeV2\./, '');

  if (type === 'duration') {
    // "a few more days", "some weeks": no number was said, so none is made up.
    if (/\b(?:few|several|some|couple of)\b/.test(phrase) && !/\bcouple of (?:days|weeks|months)\b/.test(phrase)) return { kind: 'range', ...span };
    const duration = durationOf(values[0]?.timex, values[0]?.value);
    if (!duration) return undefined;
    return { kind: 'duration', ...span, duration, fromToday: /\b(?:in|within)\s+$/.test(text.slice(Math.max(0, span.start - 8), span.start).toLowerCase()) };
  }
  if (type === 'date' || type === 'datetime') {
    const readings = values.map((v) => isoDate(v.value)).filter((d): d is LocalDate => d !== undefined);
    if (readings.length === 0) return { kind: 'unreadable', ...span };
    const lastWeekday = WEEKDAY_AFTER_LAST.exec(phrase);
    if (lastWeekday) {
      // "last Tuesday" on a Saturday is the Tuesday just gone, as people in the UK mostly mean it.
      return { kind: 'date', ...span, past: mostRecent(WEEKDAYS.indexOf(lastWeekday[1]!.slice(0, 3)), today) };
    }
    return { kind: 'date', ...span, ...pastAndFuture(readings, today) };
  }
  if (type === 'daterange') {
    const value = values[values.length - 1];
    const timex = value?.timex ?? '';
    // "the next two weeks": how long, not until when.
    const length = /,(P\d+[DWM])\)$/.exec(timex);
    if (length && /^(?:for\s+)?(?:the\s+)?next\b/.test(phrase)) {
      const duration = durationOf(length[1], undefined);
      if (duration) return { kind: 'duration', ...span, duration, fromToday: true };
    }
    // "until 15 January": the day itself; "end of January", "till the end of next month": its last day.
    const ends = values.map((v) => v.end).filter((e): e is string => e !== undefined);
    const readings = ends
      .map((end) => isoDate(end))
      .filter((d): d is LocalDate => d !== undefined)
      .map((end) => (/^(?:XXXX|\d{4})-\d{2}-\d{2}$/.test(timex) && !/\bend\b/.test(phrase) ? end : addDays(end, -1)));
    // "until next month" says no day: it stays a range, to be asked about.
    const namesDay = /^(?:XXXX|\d{4})-\d{2}-\d{2}$/.test(timex);
    if ((/\bend of\b/.test(phrase) || (namesDay && /^(?:until|till|til|untill|up to|by|to)\b/.test(phrase))) && readings.length > 0) {
      return { kind: 'date', ...span, ...pastAndFuture(readings, today) };
    }
    return { kind: 'range', ...span };
  }
  if (type === 'time' || type === 'timerange' || type === 'datetimerange') {
    // "this morning": today.
    const day = values.map((v) => isoDate(v.value ?? v.start)).find((d) => d !== undefined);
    return day ? { kind: 'date', ...span, past: day, future: day } : { kind: 'range', ...span };
  }
  return undefined;
}

function mostRecent(weekday: number, today: LocalDate): LocalDate {
  let day = addDays(today, -1);
  while (dayOfWeek(day) !== weekday) day = addDays(day, -1);
  return day;
}

/** Of the readings, the latest not after today and the earliest not before it. */
function pastAndFuture(readings: LocalDate[], today: LocalDate): { past?: LocalDate; future?: LocalDate } {
  const sorted = [...readings].sort(compareDates);
  const past = [...sorted].reverse().find((d) => compareDates(d, today) <= 0);
  const future = sorted.find((d) => compareDates(d, today) >= 0);
  if (sorted.length === 1) return { past: sorted[0], future: sorted[0] };
  return { ...(past ? { past } : {}), ...(future ? { future } : {}) };
}

function durationOf(timex: string | undefined, seconds: string | undefined): Duration | undefined {
  const match = /^P(\d+(?:\.\d+)?)([DWMY])$/.exec(timex ?? '');
  if (match) {
    const n = Number(match[1]);
    if (!Number.isInteger(n) || n <= 0 || n > 366) return undefined;
    switch (match[2]) {
      case 'D':
        return n % 7 === 0 ? { months: 0, weeks: n / 7, days: 0 } : { months: 0, weeks: 0, days: n };
      case 'W':
        return { months: 0, weeks: n, days: 0 };
      case 'M':
        return { months: n, weeks: 0, days: 0 };
      case 'Y':
        return n <= 2 ? { months: 12 * n, weeks: 0, days: 0 } : undefined;
    }
  }
  const total = Number(seconds);
  if (Number.isFinite(total) && total > 0 && total % 86_400 === 0) {
    const days = total / 86_400;
    return days % 7 === 0 ? { months: 0, weeks: days / 7, days: 0 } : { months: 0, weeks: 0, days };
  }
  return undefined;
}

/** "P2W", "P1M", "P10D": the duration in ISO 8601, one unit, as the corpus writes it. */
export function durationText(duration: Duration): string {
  if (duration.months) return `P${duration.months}M`;
  if (duration.weeks) return `P${duration.weeks}W`;
  return `P${duration.days}D`;
}
