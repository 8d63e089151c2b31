import type { Countdown, Progress } from './model.js';
import { APPROVAL_DEADLINE } from './model.js';
import { daysBetween, localDate, type LocalDate } from '../time/local-date.js';
import type { ApplicationRecord } from './application.js';

/**
 * Days to the deadline and how likely the application is to be approved in time. The hub needs
 * time after submission to review and to gather a panel: REVIEW_DAYS are kept back for that, so a
 * PCN still drafting with fewer days left is already behind. Between creation and that point,
 * progress (required answers written) is expected to grow evenly.
 */
export const REVIEW_DAYS = 90;
const SUBMITTED_NEEDS_PANEL_DAYS = 45;

export function countdownOf(app: ApplicationRecord, progress: Progress, today: LocalDate, deadline: LocalDate = localDate(APPROVAL_DEADLINE)): Countdown {
  const daysLeft = daysBetween(today, deadline);
  const base = { deadline, daysLeft };
  const { stage, outcome, panel } = app.lifecycle;
  if (outcome && outcome.outcome !== 'not-yet-approved') return { ...base, risk: 'complete', reason: 'Approved as a Learning Organisation.' };
  if (daysLeft < 0) return { ...base, risk: 'missed', reason: 'The deadline has passed without an approval.' };
  if (stage === 'panel-scheduled' && panel) {
    return panel.date <= deadline
      ? { ...base, risk: 'on-track', reason: `Panel on ${panel.date}, before the deadline.` }
      : { ...base, risk: 'at-risk', reason: `The panel (${panel.date}) is after the deadline.` };
  }
  if (stage === 'submitted') {
    return daysLeft >= SUBMITTED_NEEDS_PANEL_DAYS
      ? { ...base, risk: 'on-track', reason: 'Submitted; the panel still has to be scheduled.' }
      : { ...base, risk: 'at-risk', reason: `Submitted, but no panel yet and only ${daysLeft} days left.` };
  }
  const workingDaysLeft = daysLeft - REVIEW_DAYS;
  if (workingDaysLeft < 0) return { ...base, risk: 'behind', reason: `Not submitted, and the hub needs about ${REVIEW_DAYS} days to review and hold a panel.` };
  const created = app.createdAt.slice(0, 10) as LocalDate;
  const span = Math.max(1, daysBetween(created, deadline) - REVIEW_DAYS);
  const expected = Math.min(100, Math.floor((100 * Math.max(0, daysBetween(created, today))) / span));
  const overdue = Object.values(app.sections).filter((s) => s.dueDate && s.dueDate < today && (s.status === 'not-started' || s.status === 'drafting')).length;
  if (progress.percent + 25 < expected) return { ...base, risk: 'behind', reason: `${progress.percent}% written where ${expected}% would be on course.` };
  if (progress.percent < expected) return { ...base, risk: 'at-risk', reason: `${progress.percent}% written where ${expected}% would be on course.` };
  if (overdue > 0) return { ...base, risk: 'at-risk', reason: `${overdue} section${overdue === 1 ? ' is' : 's are'} past the due date.` };
  return { ...base, risk: 'on-track', reason: `${progress.percent}% written; on course to submit in time.` };
}
