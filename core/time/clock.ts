import { londonDateOf, type LocalDate } from './local-date.js';

/** The one source of "now", so tests and benchmarks can fix the date. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(instant: Date | string): Clock {
  const fixed = typeof instant === 'string' ? new Date(instant) : instant;
  return { now: () => new Date(fixed.getTime()) };
}

export function todayInLondon(clock: Clock): LocalDate {
  return londonDateOf(clock.now());
}
