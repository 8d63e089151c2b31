import { card, heading, text, type AdaptiveCard, type InputChoiceSet } from './card-types.js';
import { VERBS } from './verbs.js';

function rating(id: string, label: string): InputChoiceSet {
  return {
    type: 'Input.ChoiceSet',
    id,
    label,
    style: 'expanded',
    isRequired: true,
    errorMessage: 'Choose 1 to 5',
    choices: ['1', '2', '3', '4', '5'].map((v) => ({ title: v, value: v })),
  };
}

/** One tap after a completion: relevance, accessibility, effectiveness (1–5) and an optional comment. */
export function feedbackCard(subjectId: string, subjectName: string): AdaptiveCard {
  return card(
    [
      heading(`How was ${subjectName}?`),
      text('Your ratings go to the subject matter expert, to make the learning better. 1 = poor, 5 = excellent.', { isSubtle: true }),
      rating('relevance', 'Relevant to your work'),
      rating('accessibility', 'Easy to access and complete'),
      rating('effectiveness', 'You learnt something useful'),
      { type: 'Input.Text', id: 'comment', label: 'Anything else? (optional)', isMultiline: true, maxLength: 1000 },
    ],
    [{ type: 'Action.Submit', title: 'Send feedback', data: { verb: VERBS.feedbackSubmit, subjectId } }],
    `Feedback on ${subjectName}`,
  );
}
