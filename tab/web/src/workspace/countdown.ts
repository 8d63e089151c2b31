import { formatInstant } from '../../../shared/dates';

/** Whole days from `today` to `deadline` (both YYYY-MM-DD), negative once the deadline has passed. */
export function daysUntil(deadline: string, today: string): number {
  const ms = Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** "1 year, 4 months left", "12 days left", "3 days overdue": for the countdown and the hub's risk column. */
export function describeCountdown(deadline: string, today: string): string {
  const days = daysUntil(deadline, today);
  if (days < 0) return `${-days} day${days === -1 ? '' : 's'} past the deadline`;
  if (days === 0) return 'due today';
  if (days < 62) return `${days} day${days === 1 ? '' : 's'} left`;
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const [dy, dm, dd] = deadline.split('-').map(Number) as [number, number, number];
  let months = (dy - ty) * 12 + (dm - tm) - (dd < td ? 1 : 0);
  const years = Math.floor(months / 12);
  months -= years * 12;
  const parts = [];
  if (years) parts.push(`${years} year${years === 1 ? '' : 's'}`);
  if (months) parts.push(`${months} month${months === 1 ? '' : 's'}`);
  return `${parts.join(', ')} left`;
}

// One date format across the tab (tab/shared/dates.ts): "2 Dec 2026"; instants in Europe/London.
export { formatDate } from '../../../shared/dates';

export function formatDateTime(iso: string): string {
  return formatInstant(iso);
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The server's today (Europe/London), recovered from its countdown, so the page and the server agree on dates. */
export function todayFromCountdown(deadline: string, daysLeft: number): string {
  return new Date(Date.parse(`${deadline}T00:00:00Z`) - daysLeft * 86_400_000).toISOString().slice(0, 10);
}
