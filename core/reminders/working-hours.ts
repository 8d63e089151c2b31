import type { ReminderSettings } from './reminder-settings.js';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function londonClock(instant: Date): { day: number; minutes: number } {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return { day: WEEKDAYS.indexOf(p.weekday ?? ''), minutes: Number(p.hour) * 60 + Number(p.minute) };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Is this instant inside the working window, in Europe/London (clock changes included)? */
export function isWorkingTime(instant: Date, hours: ReminderSettings['workingHours']): boolean {
  const { day, minutes } = londonClock(instant);
  return hours.days.includes(day) && minutes >= toMinutes(hours.start) && minutes < toMinutes(hours.end);
}

/** The next instant at or after `from` inside the window (searched minute by minute over a week, then by the hour). */
export function nextWorkingTime(from: Date, hours: ReminderSettings['workingHours']): Date {
  if (hours.days.length === 0) throw new Error('the working window has no days');
  if (isWorkingTime(from, hours)) return from;
  // Step to the next whole minute, then walk minute by minute (a week at most).
  let t = new Date(Math.ceil(from.getTime() / 60_000) * 60_000);
  for (let i = 0; i < 7 * 24 * 60; i++) {
    if (isWorkingTime(t, hours)) return t;
    t = new Date(t.getTime() + 60_000);
  }
  throw new Error('no working time within a week');
}
