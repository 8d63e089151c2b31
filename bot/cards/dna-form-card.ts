import type { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import type { TeamMemberRef } from '../../core/learning/team.js';
import type { LocalDate } from '../../core/time/local-date.js';
import { card, heading, text, type AdaptiveCard } from './card-types.js';
import { VERBS } from './verbs.js';

/** A manager records that someone did not attend a booked session, with the reason and the plan agreed. */
export function dnaFormCard(team: readonly TeamMemberRef[], catalogue: CatalogueIndex, today: LocalDate, preselect: { staffId?: string; subjectId?: string; sessionDate?: LocalDate; reason?: string } = {}): AdaptiveCard {
  if (team.length === 0) return card([heading('Record did not attend'), text('You have nobody in your team on record.')]);
  return card(
    [
      heading('Record did not attend'),
      text('The record goes on their learning record and into the DNA report for senior managers.', { isSubtle: true }),
      { type: 'Input.ChoiceSet', id: 'staffId', label: 'Who', isRequired: true, errorMessage: 'Choose the person', style: 'compact', choices: team.map((m) => ({ title: m.name, value: m.staffId })), ...(preselect.staffId ? { value: preselect.staffId } : {}) },
      { type: 'Input.ChoiceSet', id: 'subjectId', label: 'Topic', isRequired: true, errorMessage: 'Choose the topic', style: 'compact', choices: catalogue.catalogue.subjects.map((s) => ({ title: s.name, value: s.id })), ...(preselect.subjectId ? { value: preselect.subjectId } : {}) },
      { type: 'Input.Date', id: 'sessionDate', label: 'Session date', isRequired: true, errorMessage: 'Give the session date', max: today, ...(preselect.sessionDate ? { value: preselect.sessionDate } : {}) },
      { type: 'Input.Text', id: 'reason', label: 'Reason', isRequired: true, errorMessage: 'Give the reason', maxLength: 500, ...(preselect.reason ? { value: preselect.reason } : {}) },
      { type: 'Input.Text', id: 'plan', label: 'Plan agreed (optional)', isMultiline: true, maxLength: 500 },
    ],
    [{ type: 'Action.Submit', title: 'Record it', style: 'positive', data: { verb: VERBS.dnaSubmit } }],
    'Record did not attend',
  );
}
