import { isAbsentOn, summaryStatusOn, type PersonSummary, type SummaryItem } from '../learning/person-summary.js';
import { addDays, daysBetween, dayOfWeek, type LocalDate } from '../time/local-date.js';
import { jobId, type ReminderJob } from './reminder-job.js';
import type { ReminderSettings } from './reminder-settings.js';

/**
 * Which reminder, if any, a requirement is due today: the most urgent threshold already crossed
 * ("14" when 10 days are left), "0" from the due date until a week overdue, then "overdue-N" each
 * week. Because the label names the threshold, not the day, a planner that runs every hour, or
 * missed a day, still plans each reminder once.
 */
export function reminderThreshold(item: SummaryItem, today: LocalDate, settings: ReminderSettings, dueSoonDays: number): string | undefined {
  if (item.exempt || item.dueDate === null) return undefined;
  const { status } = summaryStatusOn(item, today, dueSoonDays);
  if (status === 'exempt') return undefined;
  const daysLeft = daysBetween(today, item.dueDate);
  if (daysLeft > 0) {
    const crossed = [...settings.thresholds].sort((a, b) => a - b).find((t) => daysLeft <= t);
    return crossed === undefined ? undefined : String(crossed);
  }
  const overdueDays = -daysLeft;
  const every = settings.overdueEveryDays;
  const weeks = every > 0 ? Math.floor(overdueDays / every) : 0;
  if (weeks === 0) return settings.onDueDate ? '0' : undefined;
  return `overdue-${weeks}`;
}

const firstName = (name: string) => name.split(' ')[0] ?? name;

/** Reminders for one learner today: one per requirement at its current threshold; none while away. */
export function learnerReminders(summary: PersonSummary, today: LocalDate, settings: ReminderSettings, dueSoonDays: number): ReminderJob[] {
  if (!summary.aadObjectId || isAbsentOn(summary, today)) return [];
  const jobs: ReminderJob[] = [];
  for (const item of summary.items) {
    const threshold = reminderThreshold(item, today, settings, dueSoonDays);
    if (!threshold || !item.dueDate) continue;
    jobs.push({
      kind: 'due',
      id: jobId('due', summary.staffId, item.subjectId, item.dueDate, threshold),
      staffId: summary.staffId,
      aadObjectId: summary.aadObjectId,
      firstName: firstName(summary.name),
      subjectId: item.subjectId,
      level: item.level,
      dueDate: item.dueDate,
      threshold,
    });
  }
  return jobs;
}

/** ISO week, e.g. "2026-W47", for the once-a-week digest's id. */
export function isoWeek(date: LocalDate): string {
  const weekday = (dayOfWeek(date) + 6) % 7; // Monday = 0
  const thursday = addDays(date, 3 - weekday);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01` as LocalDate, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Managers' weekly digests (on the configured day): who is overdue, what falls due in the look-ahead,
 * and how many requests wait for them. One card per manager per week.
 */
export function managerDigests(
  summaries: readonly PersonSummary[],
  today: LocalDate,
  settings: ReminderSettings,
  dueSoonDays: number,
  pendingFor: (managerId: string) => number,
): ReminderJob[] {
  if (dayOfWeek(today) !== settings.digestDay) return [];
  const byId = new Map(summaries.map((s) => [s.staffId, s]));
  const teams = new Map<string, PersonSummary[]>();
  for (const summary of summaries) {
    for (const managerId of summary.managerIds) {
      const team = teams.get(managerId) ?? [];
      team.push(summary);
      teams.set(managerId, team);
    }
  }
  const horizon = addDays(today, settings.digestLookaheadDays);
  const week = isoWeek(today);
  const jobs: ReminderJob[] = [];
  for (const [managerId, team] of teams) {
    const manager = byId.get(managerId);
    if (!manager?.aadObjectId || isAbsentOn(manager, today)) continue;
    const overdue: { name: string; subjects: string[] }[] = [];
    const dueSoon: { name: string; subjectId: string; dueDate: LocalDate }[] = [];
    for (const member of team) {
      const late: string[] = [];
      for (const item of member.items) {
        const { status } = summaryStatusOn(item, today, dueSoonDays);
        if (status === 'overdue') late.push(item.subjectId);
        else if (item.dueDate && status !== 'exempt' && item.dueDate <= horizon) dueSoon.push({ name: member.name, subjectId: item.subjectId, dueDate: item.dueDate });
      }
      if (late.length > 0) overdue.push({ name: member.name, subjects: late });
    }
    dueSoon.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    jobs.push({
      kind: 'digest',
      id: jobId('digest', managerId, week),
      staffId: managerId,
      aadObjectId: manager.aadObjectId,
      firstName: firstName(manager.name),
      week,
      overdue: overdue.sort((a, b) => b.subjects.length - a.subjects.length).slice(0, 40),
      dueSoon: dueSoon.slice(0, 40),
      pendingRequests: pendingFor(managerId),
      teamSize: team.length,
    });
  }
  return jobs;
}
