import { whatsDue } from '../../core/learning/whats-due.js';
import { addDays, addMonths, compareDates, formatLocalDate, type LocalDate } from '../../core/time/local-date.js';
import { extensionFormCard } from '../cards/request-forms.js';
import { notFoundCard } from '../cards/message-card.js';
import { typedText } from '../cards/safe-text.js';
import type { Duration } from '../language/find-dates.js';
import type { Slots } from '../language/intents.js';
import type { LearnerTurn } from '../learner-turn.js';
import { sendCard } from '../send-card.js';
import { submitExtension } from './approval-flows.js';

function after(date: LocalDate, d: Duration): LocalDate {
  return addDays(addMonths(date, d.months), d.weeks * 7 + d.days);
}

function spoken(d: Duration): string {
  const [n, unit] = d.months ? [d.months, 'month'] : d.weeks ? [d.weeks, 'week'] : [d.days, 'day'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * "My IG is due soon, can I have a couple more weeks": an extension request for exactly the topic
 * and date stated. A length of time counts from the item's current due date. Sent straight away
 * only when the topic, an exact date and the reason were all said; otherwise the form comes back
 * filled in, with the date worked out shown, for the learner to check and send.
 */
export async function extensionFromChat(turn: LearnerTurn, slots: Slots): Promise<void> {
  const due = await whatsDue(turn.services.learning, turn.staffId);
  if (due.kind !== 'ok') return sendCard(turn.context, notFoundCard(turn.services.supportContact));
  const today = due.compliance.asOf;
  const withDue = slots.subjects.map((s) => due.compliance.items.find((i) => i.subjectId === s.subjectId && i.dueDate)).filter((i) => i !== undefined);
  const item = slots.subjects.length === 1 || withDue.length === 1 ? withDue[0] : undefined;
  const subjectId = item?.subjectId ?? (slots.subjects.length === 1 ? slots.subjects[0]!.subjectId : undefined);

  if (subjectId && slots.date && slots.reason && !slots.duration) {
    return submitExtension(turn, { subjectId, requestedDate: slots.date, reason: slots.reason });
  }
  let requestedDate = slots.date;
  let note: string | undefined;
  if (slots.duration) {
    const name = item ? due.catalogue.subjectName(item.subjectId) : undefined;
    if (slots.duration.fromToday) {
      requestedDate = after(today, slots.duration);
      note = `${spoken(slots.duration)} from today is ${formatLocalDate(requestedDate)}.`;
    } else if (item?.dueDate) {
      requestedDate = after(item.dueDate, slots.duration);
      note = `${name} is due ${formatLocalDate(item.dueDate)}; ${spoken(slots.duration)} more is ${formatLocalDate(requestedDate)}.`;
    } else {
      note = `Choose the topic and the new date: ${spoken(slots.duration)} more counts from its current due date.`;
    }
    if (requestedDate && compareDates(requestedDate, today) <= 0) {
      note = `${note} That date has already passed: choose a later one.`;
      requestedDate = undefined;
    }
  } else if (slots.unreadableDate) {
    note = `I couldn't read “${typedText(slots.unreadableDate)}” as a date: give the new date below.`;
  }
  await sendCard(
    turn.context,
    extensionFormCard(due.compliance.items, due.catalogue, today, turn.services.approvals.policy.extensionMaxMonths, {
      ...(subjectId ? { subjectId } : {}),
      ...(requestedDate ? { requestedDate } : {}),
      ...(slots.reason ? { reason: slots.reason } : {}),
      ...(note ? { note } : {}),
    }),
  );
}
