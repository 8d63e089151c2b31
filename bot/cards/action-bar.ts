import type { SubmitAction } from './card-types.js';
import { VERBS } from './verbs.js';

const submit = (title: string, verb: string): SubmitAction => ({ type: 'Action.Submit', title, data: { verb } });

/** The buttons on every learner card, so nobody has to type. */
export function learnerActions(): SubmitAction[] {
  return [
    submit("What's due", VERBS.whatsDue),
    submit('Record a completion', VERBS.recordForm),
    submit('Bring a certificate', VERBS.certificateForm),
    submit('Ask for an extension', VERBS.extensionForm),
    submit('Not relevant to my role', VERBS.exemptionForm),
  ];
}
