import { daysBetween, type LocalDate } from '../../time/local-date.js';

/** "today", "tomorrow", "in 12 days", "in 3 weeks", "yesterday", "3 weeks overdue", "2 months overdue". */
export function relativeDue(due: LocalDate, today: LocalDate): string {
  const days = daysBetween(today, due);
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  if (days === -1) return '1 day overdue';
  const span = Math.abs(days);
  const words =
    span < 14 ? `${span} days` : span < 60 ? `${Math.floor(span / 7)} weeks` : span < 730 ? `${Math.floor(span / 30.4)} months` : `${Math.floor(span / 365)} years`;
  return days > 0 ? `in ${words}` : `${words} overdue`;
}
