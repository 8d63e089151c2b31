import type { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import type { ReminderJob, RequirementChange } from '../../core/reminders/reminder-job.js';
import { todayInLondon, type Clock } from '../../core/time/clock.js';
import { formatLocalDate } from '../../core/time/local-date.js';
import { relativeDue } from '../../core/learning/answers/relative-due.js';
import { learnerActions } from './action-bar.js';
import { card, heading, text, type AdaptiveCard, type CardElement } from './card-types.js';
import { VERBS } from './verbs.js';

function changeLine(change: RequirementChange, catalogue: CatalogueIndex): string {
  switch (change.kind) {
    case 'added':
      return `New: ${catalogue.topicLabel(change.subjectId, change.level)} is now required.`;
    case 'level-raised':
      return `${catalogue.subjectName(change.subjectId)} is now required at ${catalogue.topicLabel(change.subjectId, change.to)} (was ${catalogue.levelsOf(change.subjectId).find((t) => t.level === change.from)?.levelName ?? `level ${change.from}`}).`;
    case 'renewal-shortened':
      return `${catalogue.topicLabel(change.subjectId, change.level)} now needs renewing every ${change.toMonths} months${change.fromMonths ? ` (was ${change.fromMonths})` : ''}.`;
  }
}

/** The card a queued reminder becomes, from what the job carries plus the catalogue's names. */
export function reminderCard(job: ReminderJob, catalogue: CatalogueIndex, clock: Clock): AdaptiveCard {
  const today = todayInLondon(clock);
  switch (job.kind) {
    case 'due': {
      const topic = catalogue.topicFor(job.subjectId, job.level);
      const name = catalogue.topicLabel(job.subjectId, job.level);
      const overdue = job.dueDate < today;
      const body: CardElement[] = [
        { ...heading(overdue ? `${name} is overdue` : `${name} is due ${relativeDue(job.dueDate, today).replace(/^due /, '')}`), color: overdue ? 'attention' : 'warning' },
        text(`Hello ${job.firstName}: ${name} ${overdue ? 'was' : 'is'} due on ${formatLocalDate(job.dueDate)}${overdue ? ` (${relativeDue(job.dueDate, today)})` : ''}.`),
        ...(topic?.link ? [text(`[How to complete it](${topic.link})`)] : []),
        text("Can't complete it in time? Ask for an extension. Think it doesn't apply to your role? Tell us.", { isSubtle: true, size: 'small' }),
        { type: 'ActionSet', spacing: 'medium', actions: learnerActions() },
      ];
      return card(body, [], `${name}: due ${formatLocalDate(job.dueDate)}`);
    }
    case 'digest': {
      const body: CardElement[] = [
        heading(`Your team this week, ${job.firstName}`),
        text(`${job.teamSize} people · ${job.overdue.length} with something overdue · ${job.dueSoon.length} due in the next 30 days · ${job.pendingRequests} requests waiting for you`, { isSubtle: true }),
      ];
      if (job.overdue.length > 0) {
        body.push(text('Overdue', { weight: 'bolder', spacing: 'medium' }), { type: 'FactSet', facts: job.overdue.slice(0, 15).map((o) => ({ title: o.name, value: o.subjects.map((s) => catalogue.subjectName(s)).join('; ') })) });
      }
      if (job.dueSoon.length > 0) {
        body.push(text('Due soon', { weight: 'bolder', spacing: 'medium' }), { type: 'FactSet', facts: job.dueSoon.slice(0, 15).map((d) => ({ title: d.name, value: `${catalogue.subjectName(d.subjectId)}, ${formatLocalDate(d.dueDate)}` })) });
      }
      return card(
        body,
        [
          { type: 'Action.Submit', title: 'Whole team', data: { verb: VERBS.teamPage, page: 1, filter: 'all' } },
          { type: 'Action.Submit', title: 'Pending requests', data: { verb: VERBS.pendingRequests } },
        ],
        `Your team this week: ${job.overdue.length} overdue`,
      );
    }
    case 'requirement-change': {
      const lines = job.changes.slice(0, 20).map((c) => `- ${changeLine(c, catalogue)}`).join('\n');
      const body: CardElement[] = job.forTeam
        ? [
            heading('Mandatory learning has changed for your team'),
            text(lines),
            text(`Affected: ${job.forTeam.slice(0, 30).map((m) => m.name).join(', ')}${job.forTeam.length > 30 ? ` and ${job.forTeam.length - 30} more` : ''}.`, { isSubtle: true }),
          ]
        : [heading(`Your mandatory learning has changed, ${job.firstName}`), text(lines), { type: 'ActionSet', spacing: 'medium', actions: learnerActions() }];
      return card(body, [], 'Mandatory learning has changed');
    }
  }
}
