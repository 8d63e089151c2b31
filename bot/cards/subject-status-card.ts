import type { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import type { ComplianceResult } from '../../core/learning/compliance.js';
import { formatLocalDate } from '../../core/time/local-date.js';
import { relativeDue } from '../../core/learning/answers/relative-due.js';
import { learnerActions } from './action-bar.js';
import { card, heading, text, type AdaptiveCard, type CardElement } from './card-types.js';

export interface SubjectQuestion {
  subjectId: string;
  level?: number;
}

const STATUS_WORDS = {
  overdue: 'is overdue',
  'due-soon': 'is due soon',
  'not-completed': 'is not yet completed',
  extended: 'has an extension',
  'in-date': 'is in date',
  exempt: 'is exempt for you',
} as const;

/** Answers "when does my fire safety expire" and "do I need safeguarding level 3", one line per subject asked. */
export function subjectStatusCard(questions: readonly SubjectQuestion[], compliance: ComplianceResult, catalogue: CatalogueIndex): AdaptiveCard {
  const body: CardElement[] = [];
  for (const q of questions) {
    const name = catalogue.subjectName(q.subjectId);
    const item = compliance.items.find((i) => i.subjectId === q.subjectId);
    const asked = q.level !== undefined ? catalogue.topicLabel(q.subjectId, q.level) : name;
    if (!item) {
      body.push(text(`**${asked}**: not required for your current roles.`));
      continue;
    }
    const needed = catalogue.topicLabel(item.subjectId, item.level);
    const lines: string[] = [];
    const levelExists = q.level === undefined || catalogue.levelsOf(q.subjectId).some((t) => t.level === q.level);
    if (!levelExists) lines.push(`${name} has no level ${q.level}: your roles need ${needed}.`);
    else if (q.level !== undefined && q.level > item.level) lines.push(`You don't need ${asked}: your roles need ${needed}.`);
    else if (q.level !== undefined && q.level < item.level) lines.push(`Yes, and more: your roles need ${needed}.`);
    else if (q.level !== undefined) lines.push(`Yes, your roles need ${needed}.`);
    const due = item.dueDate ? ` ${item.status === 'in-date' ? 'Renew by' : 'Due'} ${formatLocalDate(item.dueDate)} (${relativeDue(item.dueDate, compliance.asOf)}).` : '';
    const held = item.record ? ` Last completed ${formatLocalDate(item.record.completedOn)}.` : '';
    lines.push(`${needed} ${STATUS_WORDS[item.status]}.${due}${held}`);
    const roles = item.roleIds.map((r) => catalogue.roleName(r)).join(', ');
    body.push(text(`**${name}**`), ...lines.map((l) => text(l, { spacing: 'none' })), text(`Required by: ${roles}`, { isSubtle: true, size: 'small', spacing: 'none' }));
  }
  body.push({ type: 'ActionSet', spacing: 'medium', actions: learnerActions() });
  return card([heading('Your learning'), ...body], [], 'Your learning');
}
