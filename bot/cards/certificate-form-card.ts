import type { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import type { LocalDate } from '../../core/time/local-date.js';
import { card, heading, text, type AdaptiveCard } from './card-types.js';
import { VERBS } from './verbs.js';

/** "Bring a certificate": learning done for a previous NHS employer, counted once L&D verify it. */
export function certificateFormCard(catalogue: CatalogueIndex, today: LocalDate, preselectTopicId?: string): AdaptiveCard {
  const choices = catalogue.catalogue.topics
    .filter((t) => t.methods.includes('transferred'))
    .map((t) => ({ title: catalogue.topicLabel(t.subjectId, t.level), value: t.id }))
    .sort((a, b) => a.title.localeCompare(b.title));
  return card(
    [
      heading('Bring a certificate'),
      text("Learning you did for a previous NHS employer counts here while it is in date, so you don't repeat it. Learning and development check the certificate; until then it shows as waiting for verification.", { isSubtle: true }),
      text('Got a **learning passport** from an organisation that uses Mandatory Learning? Paste its link here instead: it is checked in seconds.', { isSubtle: true }),
      { type: 'Input.ChoiceSet', id: 'topicId', label: 'Topic and level', isRequired: true, errorMessage: 'Choose the topic', style: 'compact', choices, ...(preselectTopicId ? { value: preselectTopicId } : {}) },
      { type: 'Input.Date', id: 'completedOn', label: 'Date completed', isRequired: true, errorMessage: 'Give the date on the certificate', max: today },
      { type: 'Input.Text', id: 'employer', label: 'Previous employer', isRequired: true, errorMessage: 'Name the previous employer', maxLength: 200, placeholder: 'e.g. North Bristol NHS Trust' },
      { type: 'Input.Text', id: 'reference', label: 'Certificate reference (optional)', maxLength: 100 },
      { type: 'Input.Text', id: 'fileUrl', label: 'Link to the certificate file (optional)', style: 'url', maxLength: 2000, placeholder: 'https://…' },
    ],
    [{ type: 'Action.Submit', title: 'Send for verification', style: 'positive', data: { verb: VERBS.certificateSubmit } }],
    'Bring a certificate',
  );
}
