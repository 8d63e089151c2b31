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

export function formatDate(iso: string | undefined | null): string {
  if (!iso) return '—';
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The server's today (Europe/London), recovered from its countdown, so the page and the server agree on dates. */
export function todayFromCountdown(deadline: string, daysLeft: number): string {
  return new Date(Date.parse(`${deadline}T00:00:00Z`) - daysLeft * 86_400_000).toISOString().slice(0, 10);
}
