import type { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import type { ComplianceResult } from '../../core/learning/compliance.js';
import { formatLocalDate } from '../../core/time/local-date.js';
import { learnerActions } from './action-bar.js';
import { card, heading, text, type AdaptiveCard, type CardElement } from './card-types.js';
import { VERBS } from './verbs.js';

export interface WelcomeView {
  firstName: string;
  organisationName: string;
  newStarter: boolean;
  compliance: ComplianceResult;
  catalogue: CatalogueIndex;
}

/** First contact: a new starter sees their induction deadlines and how to bring certificates; others, where they stand. */
export function welcomeCard(view: WelcomeView): AdaptiveCard {
  const { compliance, catalogue } = view;
  const body: CardElement[] = [heading(`Welcome, ${view.firstName}`)];
  if (view.newStarter) {
    const todo = compliance.items.filter((i) => !i.compliant && i.status !== 'exempt' && i.dueDate);
    body.push(
      text(`Welcome to ${view.organisationName}. I'm Mandatory Learning: I'll keep track of the mandatory training your role needs and remind you before anything is due.`),
      text(todo.length > 0 ? `Your induction learning (${todo.length}):` : 'Your induction learning is all in date. Thank you!', { weight: 'bolder', spacing: 'medium' }),
      { type: 'FactSet', facts: todo.map((i) => ({ title: catalogue.topicLabel(i.subjectId, i.level), value: `by ${formatLocalDate(i.dueDate!)}` })) },
      text('Did some of this for a previous NHS employer? Bring the certificate and you will not have to repeat learning that is still in date.', { spacing: 'medium' }),
      { type: 'ActionSet', actions: [{ type: 'Action.Submit', title: 'Bring a certificate', style: 'positive', data: { verb: VERBS.certificateForm } }] },
    );
  } else {
    const s = compliance.summary;
    body.push(
      text("I'm Mandatory Learning: I keep track of the mandatory training your roles need and remind you before anything is due."),
      text(`Right now: ${s.compliant} of ${s.required} in date${s.overdue ? `, ${s.overdue} overdue` : ''}${s.dueSoon ? `, ${s.dueSoon} due soon` : ''}.`, { weight: 'bolder' }),
    );
  }
  body.push({ type: 'ActionSet', spacing: 'medium', actions: learnerActions() });
  return card(body, [], `Welcome, ${view.firstName}`);
}
