import type { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import type { ComplianceItem, ComplianceResult } from '../../core/learning/compliance.js';
import { formatLocalDate } from '../../core/time/local-date.js';
import { relativeDue } from '../../core/learning/answers/relative-due.js';
import { card, heading, text, type AdaptiveCard, type CardElement } from './card-types.js';
import { VERBS } from './verbs.js';

export interface PersonStatusView {
  name: string;
  category: string;
  roles: string;
  compliance: ComplianceResult;
  catalogue: CatalogueIndex;
  /** The subjects asked about ("has Patti done her fire safety"); empty = everything. */
  subjectIds: string[];
}

const WORDS: Record<ComplianceItem['status'], string> = {
  overdue: 'overdue',
  'due-soon': 'due soon',
  'not-completed': 'not yet completed',
  extended: 'extended',
  'in-date': 'in date',
  exempt: 'exempt',
};

function line(item: ComplianceItem, view: PersonStatusView): string {
  const label = view.catalogue.topicLabel(item.subjectId, item.level);
  const due = item.dueDate ? ` · ${item.status === 'in-date' ? 'renew by' : 'due'} ${formatLocalDate(item.dueDate)} (${relativeDue(item.dueDate, view.compliance.asOf)})` : '';
  return `${label}: **${WORDS[item.status]}**${due}`;
}

/**
 * A manager's answer about one person of their team: cleared to work or not (the policy: every
 * mandatory requirement in date), what is overdue or due, or just the subjects asked about.
 */
export function personStatusCard(view: PersonStatusView): AdaptiveCard {
  const items = view.compliance.items.filter((i) => i.status !== 'exempt');
  const missing = items.filter((i) => !i.compliant);
  const cleared = missing.length === 0;
  const s = view.compliance.summary;
  const who = `${view.name} (${view.category.replace(/-/g, ' ')}${view.roles ? `, ${view.roles}` : ''})`;
  const body: CardElement[] = [];
  if (view.subjectIds.length > 0) {
    body.push(heading(`${view.name}: ${view.subjectIds.map((id) => view.catalogue.subjectName(id)).join(' and ')}`));
    for (const subjectId of view.subjectIds) {
      const item = view.compliance.items.find((i) => i.subjectId === subjectId);
      body.push(text(item ? line(item, view) : `${view.catalogue.subjectName(subjectId)}: not required by their roles.`));
    }
  } else {
    body.push({ ...heading(cleared ? `Yes: ${view.name} is cleared to work` : `No: ${view.name} is not cleared to work`), color: cleared ? 'good' : 'attention' });
    body.push(text(`${who}: ${s.compliant} of ${s.required} in date (${s.percent}%).`));
    if (cleared) body.push(text(`All ${items.length} mandatory requirements are in date.`));
    else {
      body.push(text(`${missing.length} mandatory ${missing.length === 1 ? 'requirement is' : 'requirements are'} not in date:`), ...missing.map((i) => text(`- ${line(i, view)}`, { spacing: 'none' })));
      body.push(text('The policy: they may not carry out the role until these are completed.', { isSubtle: true, size: 'small' }));
    }
    const soon = items.filter((i) => i.compliant && i.status === 'due-soon');
    if (soon.length > 0) body.push(text(`Due soon: ${soon.map((i) => line(i, view)).join('; ')}`, { size: 'small' }));
  }
  body.push({ type: 'ActionSet', spacing: 'medium', actions: [{ type: 'Action.Submit', title: 'My team', data: { verb: VERBS.teamPage, page: 1, filter: 'all' } }] });
  return card(body, [], cleared ? `${view.name} is cleared to work` : `${view.name} is not cleared to work: ${missing.length} not in date`);
}
