import { METHOD_LABELS, methodInSentence } from '../../core/learning/method-names.js';
import type { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import type { ComplianceItem } from '../../core/learning/compliance.js';
import { selfRecordableMethods } from '../../core/learning/record-completion.js';
import type { CompletionMethod } from '../../core/learning/types.js';
import type { LocalDate } from '../../core/time/local-date.js';
import { card, heading, text, type AdaptiveCard, type Choice } from './card-types.js';
import { VERBS } from './verbs.js';

/** Each method as it reads inside a sentence ("a drill or simulation"): from the one table in core. */
export const METHOD_NAMES = Object.fromEntries(Object.keys(METHOD_LABELS).map((m) => [m, methodInSentence(m)])) as Record<CompletionMethod, string>;

export interface RecordFormPreselect {
  subjectId?: string;
  /** A level the learner chose: the form is then for that one topic at that level. */
  level?: number;
  completedOn?: LocalDate;
  method?: CompletionMethod;
  /** Said above the form ("I couldn't read “31/02” as a date"). */
  note?: string;
  /** Leave the date empty instead of today (a date was given but could not be read). */
  noDate?: boolean;
}

/**
 * "Record a completion": only topics the learner's roles require and that allow a self-recorded way;
 * the date defaults to today and cannot be later. The server checks it all again on submit. With a
 * chosen level, only that topic at that level is offered, and the level travels with the form.
 */
export function recordFormCard(items: readonly ComplianceItem[], catalogue: CatalogueIndex, today: LocalDate, preselect: RecordFormPreselect = {}): AdaptiveCard {
  const choices: Choice[] = [];
  const methods = new Set<CompletionMethod>();
  const chosen = preselect.subjectId !== undefined && preselect.level !== undefined ? catalogue.topicFor(preselect.subjectId, preselect.level) : undefined;
  const offered = chosen && chosen.level === preselect.level ? [{ subjectId: chosen.subjectId, level: chosen.level }] : items.map((i) => ({ subjectId: i.subjectId, level: i.level }));
  for (const item of offered) {
    const topic = catalogue.topicFor(item.subjectId, item.level);
    if (!topic) continue;
    const allowed = selfRecordableMethods(topic);
    if (allowed.length === 0) continue;
    allowed.forEach((m) => methods.add(m));
    choices.push({ title: `${catalogue.topicLabel(item.subjectId, item.level)} (${allowed.map((m) => METHOD_NAMES[m]).join(', ')})`, value: item.subjectId });
  }
  if (choices.length === 0) {
    return card([heading('Record a completion'), text('None of your required topics can be recorded here: they are completed on the learning platform, and show up here automatically.')]);
  }
  const preselected = choices.some((c) => c.value === preselect.subjectId) ? preselect.subjectId : undefined;
  const date = preselect.noDate ? undefined : (preselect.completedOn ?? today);
  return card(
    [
      heading('Record a completion'),
      ...(preselect.note ? [text(preselect.note, { color: 'warning' as const })] : []),
      text('For learning done in person: a drill, a face-to-face session, a practical assessment, or a self-declaration where the topic allows it. E-learning is recorded by the learning platform.', { isSubtle: true }),
      { type: 'Input.ChoiceSet', id: 'subjectId', label: 'Topic', isRequired: true, errorMessage: 'Choose a topic', choices, style: 'compact', ...(preselected ? { value: preselected } : {}) },
      {
        type: 'Input.ChoiceSet',
        id: 'method',
        label: 'How you completed it',
        isRequired: true,
        errorMessage: 'Choose how you completed it',
        style: 'compact',
        choices: [...methods].map((m) => ({ title: METHOD_NAMES[m], value: m })),
        ...(preselect.method && methods.has(preselect.method) ? { value: preselect.method } : {}),
      },
      { type: 'Input.Date', id: 'completedOn', label: 'Date completed', isRequired: true, errorMessage: 'Give the date you completed it', max: today, ...(date ? { value: date } : {}) },
    ],
    [{ type: 'Action.Submit', title: 'Record it', style: 'positive', data: { verb: VERBS.recordSubmit, ...(chosen && chosen.level === preselect.level ? { level: chosen.level } : {}) } }],
    'Record a completion',
  );
}
