import type { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import type { ComplianceItem } from '../../core/learning/compliance.js';
import { addDays, formatLocalDate, type LocalDate } from '../../core/time/local-date.js';
import { card, heading, text, type AdaptiveCard } from './card-types.js';
import { VERBS } from './verbs.js';

/** "Ask for an extension": a topic that has a due date, the new date, and why. */
export function extensionFormCard(items: readonly ComplianceItem[], catalogue: CatalogueIndex, today: LocalDate, maxMonths: number, preselect: { subjectId?: string; requestedDate?: LocalDate; reason?: string; note?: string } = {}): AdaptiveCard {
  const choices = items
    .filter((i) => i.status !== 'exempt' && i.dueDate)
    .map((i) => ({ title: `${catalogue.topicLabel(i.subjectId, i.level)} (due ${formatLocalDate(i.dueDate!)})`, value: i.subjectId }));
  if (choices.length === 0) return card([heading('Ask for an extension'), text('Nothing of yours has a due date to extend.')]);
  const subject = choices.some((c) => c.value === preselect.subjectId) ? preselect.subjectId : undefined;
  return card(
    [
      heading('Ask for an extension'),
      ...(preselect.note ? [text(preselect.note, { weight: 'bolder' as const })] : []),
      text(`Your line manager decides. An extension can be up to ${maxMonths} months past the current due date.`, { isSubtle: true }),
      { type: 'Input.ChoiceSet', id: 'subjectId', label: 'Topic', isRequired: true, errorMessage: 'Choose a topic', style: 'compact', choices, ...(subject ? { value: subject } : {}) },
      { type: 'Input.Date', id: 'requestedDate', label: 'New completion date', isRequired: true, errorMessage: 'Give the date you can complete it by', min: addDays(today, 1), ...(preselect.requestedDate ? { value: preselect.requestedDate } : {}) },
      { type: 'Input.Text', id: 'reason', label: 'Why you need more time', isRequired: true, errorMessage: 'Give a reason', isMultiline: true, maxLength: 500, ...(preselect.reason ? { value: preselect.reason } : {}) },
    ],
    [{ type: 'Action.Submit', title: 'Send to my manager', style: 'positive', data: { verb: VERBS.extensionSubmit } }],
    'Ask for an extension',
  );
}

/** "Not relevant to my role": a topic and why; the mandatory learning oversight group decides. */
export function exemptionFormCard(items: readonly ComplianceItem[], catalogue: CatalogueIndex, preselect: { subjectId?: string; reason?: string } = {}): AdaptiveCard {
  const choices = items.filter((i) => i.status !== 'exempt').map((i) => ({ title: catalogue.topicLabel(i.subjectId, i.level), value: i.subjectId }));
  const subject = choices.some((c) => c.value === preselect.subjectId) ? preselect.subjectId : undefined;
  return card(
    [
      heading('Not relevant to my role'),
      text('If a topic does not apply to what you do, the mandatory learning oversight group (MLOG) can agree an exemption. It is not automatic: say why.', { isSubtle: true }),
      { type: 'Input.ChoiceSet', id: 'subjectId', label: 'Topic', isRequired: true, errorMessage: 'Choose a topic', style: 'compact', choices, ...(subject ? { value: subject } : {}) },
      { type: 'Input.Text', id: 'reason', label: 'Why it is not relevant to your role', isRequired: true, errorMessage: 'Give a reason', isMultiline: true, maxLength: 1000, ...(preselect.reason ? { value: preselect.reason } : {}) },
    ],
    [{ type: 'Action.Submit', title: 'Send to the MLOG', style: 'positive', data: { verb: VERBS.exemptionSubmit } }],
    'Not relevant to my role',
  );
}
