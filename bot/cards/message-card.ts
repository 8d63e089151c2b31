import { learnerActions } from './action-bar.js';
import { card, heading, text, type AdaptiveCard, type CardElement } from './card-types.js';

/** A short answer (a confirmation, an explanation, an honest "not yet") that still leads somewhere. */
export function messageCard(title: string, lines: string[], options: { tone?: 'default' | 'good' | 'attention' | 'warning'; extra?: CardElement[] } = {}): AdaptiveCard {
  const body: CardElement[] = [
    { ...heading(title), ...(options.tone && options.tone !== 'default' ? { color: options.tone } : {}) },
    ...lines.map((line) => text(line)),
    ...(options.extra ?? []),
    { type: 'ActionSet', spacing: 'medium', actions: learnerActions() },
  ];
  return card(body, [], [title, ...lines].join(' '));
}

export function helpCard(): AdaptiveCard {
  return messageCard("Hello! I'm Mandatory Learning", [
    'I keep track of the mandatory training your roles need, and help you keep it in date.',
    "Ask me things like **what's due**, **when does my fire safety expire**, **do I need safeguarding level 3**, **I did a fire drill yesterday**, **I'm back from maternity leave**, or **my training passport** (to take your in-date learning to a new job).",
    'Or use the buttons below.',
  ]);
}

export function unknownCard(): AdaptiveCard {
  return messageCard("Sorry, I didn't understand that", [
    "Try **what's due**, **when does my IG expire**, or **I need help to complete my training**, or pick one of these:",
  ]);
}

export function notFoundCard(supportContact: string): AdaptiveCard {
  return card(
    [
      heading("I can't find you in the staff records"),
      text(`So I can't show your learning yet. Please contact ${supportContact} and ask them to link your Teams account to your staff record.`),
    ],
    [],
    `I can't find you in the staff records. Please contact ${supportContact}.`,
  );
}
