import type { CompletionMethod } from '../../core/learning/types.js';
import type { LocalDate } from '../../core/time/local-date.js';
import { card, heading, text, type AdaptiveCard, type SubmitAction } from './card-types.js';
import { VERBS } from './verbs.js';

/** What a level answer carries back: the record form for that subject, at that level, with what was said. */
export interface RecordChoice {
  title: string;
  subjectId: string;
  level: number;
  completedOn?: LocalDate;
  method?: CompletionMethod;
  style?: 'positive' | 'default';
}

function recordButton(choice: RecordChoice): SubmitAction {
  return {
    type: 'Action.Submit',
    title: choice.title,
    ...(choice.style === 'positive' ? { style: 'positive' as const } : {}),
    data: {
      verb: VERBS.recordForm,
      subjectId: choice.subjectId,
      level: choice.level,
      ...(choice.completedOn ? { completedOn: choice.completedOn } : {}),
      ...(choice.method ? { method: choice.method } : {}),
    },
  };
}

/**
 * A question before anything is recorded: "Your role needs Level 3. Record Level 2 anyway?", or
 * which of several topics or levels was meant. Each answer opens the record form for exactly that
 * topic and level; nothing is stored until the form is sent.
 */
export function levelQuestionCard(title: string, lines: readonly string[], choices: readonly RecordChoice[]): AdaptiveCard {
  return card(
    [heading(title), ...lines.map((line) => text(line)), { type: 'ActionSet', spacing: 'medium', actions: [...choices.map(recordButton), { type: 'Action.Submit', title: 'Neither', data: { verb: VERBS.help } }] }],
    [],
    [title, ...lines].join(' '),
  );
}
