import type { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import type { TeamCompliance } from '../../core/learning/team-statuses.js';
import { card, heading, text, type AdaptiveCard, type CardElement } from './card-types.js';
import { VERBS } from './verbs.js';

/** "What's my team's compliance percentage": requirements in date, people fully in date, weakest subjects first. */
export function teamPercentageCard(view: { compliance: TeamCompliance; subjectIds: string[]; catalogue: CatalogueIndex }): AdaptiveCard {
  const c = view.compliance;
  const topics = view.subjectIds.map((id) => view.catalogue.subjectName(id)).join(' and ');
  const title = topics ? `Your team's compliance: ${topics}` : "Your team's compliance";
  const body: CardElement[] = [heading(title)];
  if (c.people === 0) body.push(text(topics ? `Nobody in your team needs ${topics}.` : 'You have nobody in your team on record.'));
  else {
    body.push(
      text(`**${c.percent}%** in date: ${c.compliant} of ${c.required} requirements${topics ? '' : ' (exempt ones left out)'}.`),
      text(`${c.peopleCompliant} of ${c.people} ${c.people === 1 ? 'person has' : 'people have'} everything${topics ? ` for ${topics}` : ''} in date.`, { spacing: 'none' }),
    );
    const shown = view.subjectIds.length === 1 ? [] : c.bySubject.slice(0, 12);
    if (shown.length > 0) body.push({ type: 'FactSet', spacing: 'medium', facts: shown.map((s) => ({ title: view.catalogue.subjectName(s.subjectId), value: `${s.percent}% (${s.compliant} of ${s.required})` })) });
  }
  return card(body, [{ type: 'Action.Submit', title: 'Who is overdue', data: { verb: VERBS.teamPage, page: 1, filter: 'overdue' } }], `${title}: ${c.percent}%`);
}
