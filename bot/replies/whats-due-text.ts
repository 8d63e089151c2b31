import type { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import type { ComplianceItem, ComplianceResult, ComplianceStatus } from '../../core/learning/compliance.js';
import type { Person } from '../../core/people/types.js';
import { formatLocalDate } from '../../core/time/local-date.js';
import { relativeDue } from './relative-due.js';

const HEADINGS: Record<ComplianceStatus, string> = {
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  'not-completed': 'Not yet completed',
  extended: 'Extended',
  'in-date': 'In date',
  exempt: 'Exempt',
};

function line(item: ComplianceItem, catalogue: CatalogueIndex, today: ComplianceResult['asOf']): string {
  const name = catalogue.topicLabel(item.subjectId, item.level);
  if (item.status === 'exempt') return `- ${name}: exempt`;
  if (!item.dueDate) return `- ${name}: in date, no renewal needed`;
  const when = `${formatLocalDate(item.dueDate)} (${relativeDue(item.dueDate, today)})`;
  const away = item.absence ? `, moved for your ${item.absence.kind} leave` : '';
  const extended = item.extension ? `, extended to ${formatLocalDate(item.extension.agreedDate)}` : '';
  return `- ${name}: ${item.status === 'in-date' ? 'renew by' : 'due'} ${when}${extended}${away}`;
}

/** Plain-text "what's due": grouped worst first, each subject once. */
export function whatsDueText(person: Person, result: ComplianceResult, catalogue: CatalogueIndex): string {
  const { summary } = result;
  const firstName = person.name.split(' ')[0] ?? person.name;
  const lines = [
    `Your mandatory learning, ${firstName}, on ${formatLocalDate(result.asOf)}: ${summary.compliant} of ${summary.required} in date (${summary.percent}%).`,
  ];
  if (summary.required === 0 && summary.exempt === 0) {
    lines.push('Nothing is required of your current roles. If that looks wrong, ask your line manager.');
    return lines.join('\n\n');
  }
  for (const status of ['overdue', 'due-soon', 'not-completed', 'extended', 'in-date', 'exempt'] as const) {
    const items = result.items.filter((i) => i.status === status);
    if (items.length === 0) continue;
    lines.push(`**${HEADINGS[status]}** (${items.length})\n${items.map((i) => line(i, catalogue, result.asOf)).join('\n')}`);
  }
  return lines.join('\n\n');
}
