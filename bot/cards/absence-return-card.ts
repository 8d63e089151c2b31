import type { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import type { ComplianceResult } from '../../core/learning/compliance.js';
import { formatLocalDate, type LocalDate } from '../../core/time/local-date.js';
import { learnerActions } from './action-bar.js';
import { card, heading, text, type AdaptiveCard, type CardElement } from './card-types.js';

export interface AbsenceReturnView {
  firstName: string;
  absence?: { kind: string; from: LocalDate; to: LocalDate };
  compliance: ComplianceResult;
  catalogue: CatalogueIndex;
  graceDays: number;
}

/** "I'm back from maternity leave": what expired while away, and the new due dates. */
export function absenceReturnCard(view: AbsenceReturnView): AdaptiveCard {
  const { compliance, catalogue } = view;
  const body: CardElement[] = [heading(`Welcome back, ${view.firstName}`)];
  if (!view.absence) {
    body.push(text("I don't have a recent absence on your record, so your due dates have not moved. If you have been away, ask your line manager to record the absence."));
  } else {
    const moved = compliance.items.filter((i) => i.absence && i.dueDate);
    body.push(text(`Your ${view.absence.kind} leave is recorded as ${formatLocalDate(view.absence.from)} to ${formatLocalDate(view.absence.to)}.`));
    if (moved.length === 0) {
      body.push(text('Nothing expired while you were away. You are all set.'));
    } else {
      body.push(
        text(`${moved.length} ${moved.length === 1 ? 'topic' : 'topics'} expired while you were away. You have ${view.graceDays} days from your return to complete ${moved.length === 1 ? 'it' : 'them'}; keeping-in-touch days can be used.`, { spacing: 'medium' }),
        { type: 'FactSet', facts: moved.map((i) => ({ title: catalogue.topicLabel(i.subjectId, i.level), value: `by ${formatLocalDate(i.dueDate!)}` })) },
      );
    }
  }
  const overdue = compliance.items.filter((i) => i.status === 'overdue');
  if (overdue.length > 0) {
    body.push(text(`Also overdue from before: ${overdue.map((i) => catalogue.topicLabel(i.subjectId, i.level)).join(', ')}.`, { color: 'attention', spacing: 'medium' }));
  }
  body.push({ type: 'ActionSet', spacing: 'medium', actions: learnerActions() });
  return card(body, [], `Welcome back, ${view.firstName}`);
}
