import type { SupportKind } from '../../core/learning/types.js';
import { card, heading, text, type AdaptiveCard } from './card-types.js';

export interface SupportRequestView {
  learnerName: string;
  kind: SupportKind;
  topic?: string;
  detail: string;
  requestedOn: string;
}

/** To the line manager: a learner needs help or a reasonable adjustment (the policy: protected time, adjustments). */
export function supportRequestCard(view: SupportRequestView): AdaptiveCard {
  const what = view.kind === 'reasonable-adjustment' ? 'a reasonable adjustment' : 'help to complete their mandatory learning';
  return card(
    [
      heading(`${view.learnerName} has asked for ${what}`),
      {
        type: 'FactSet',
        facts: [
          ...(view.topic ? [{ title: 'Topic', value: view.topic }] : []),
          { title: 'Asked on', value: view.requestedOn },
        ],
      },
      text(`“${view.detail}”`, { isSubtle: true }),
      text('Please arrange a conversation and protected time; agreed adjustments can be recorded in their reasonable adjustments passport.', { size: 'small' }),
    ],
    [],
    `${view.learnerName} has asked for ${what}`,
  );
}
