import type { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import type { ComplianceItem, ComplianceResult, ComplianceStatus } from '../../core/learning/compliance.js';
import type { LearningRecord } from '../../core/learning/types.js';
import { formatLocalDate } from '../../core/time/local-date.js';
import { relativeDue } from '../../core/learning/answers/relative-due.js';
import { provenanceLine } from '../../core/passport/passport-messages.js';
import { learnerActions } from './action-bar.js';
import { card, heading, text, type AdaptiveCard, type CardAction, type CardElement, type ContainerStyle } from './card-types.js';
import { VERBS } from './verbs.js';

export interface WhatsDueView {
  firstName: string;
  compliance: ComplianceResult;
  catalogue: CatalogueIndex;
  /** Certificates brought from elsewhere, waiting for learning and development to verify. */
  pendingEvidence: LearningRecord[];
  page: number;
}

/** Items needing action shown per page; in-date ones are listed collapsed after them. */
export const ACTION_ITEMS_PER_PAGE = 12;
export const IN_DATE_ITEMS_PER_PAGE = 30;

const SECTIONS: { status: ComplianceStatus; title: string; style: ContainerStyle }[] = [
  { status: 'overdue', title: 'Overdue', style: 'attention' },
  { status: 'due-soon', title: 'Due soon', style: 'warning' },
  { status: 'not-completed', title: 'Not yet completed', style: 'emphasis' },
  { status: 'extended', title: 'Extended', style: 'accent' },
];

function itemLines(item: ComplianceItem, view: WhatsDueView): CardElement[] {
  const { catalogue, compliance } = view;
  const topic = catalogue.topicFor(item.subjectId, item.level);
  const name = catalogue.subjectName(item.subjectId);
  const level = topic && catalogue.levelsOf(item.subjectId).length > 1 ? ` · ${topic.levelName}` : '';
  const parts: string[] = [];
  if (item.dueDate) parts.push(`${item.status === 'in-date' ? 'Renew by' : 'Due'} ${formatLocalDate(item.dueDate)} (${relativeDue(item.dueDate, compliance.asOf)})`);
  else if (item.status === 'exempt') parts.push('Exempt');
  else parts.push('In date, no renewal needed');
  if (item.extension) parts.push(`extended to ${formatLocalDate(item.extension.agreedDate)}`);
  if (item.absence) parts.push(`moved for your ${item.absence.kind} leave`);
  const roles = item.roleIds.map((id) => catalogue.roleName(id)).join(', ');
  const how = topic?.link && item.status !== 'in-date' && item.status !== 'exempt' ? ` · [How to complete](${topic.link})` : '';
  const provenance = item.compliant && item.record?.provenance ? [text(provenanceLine(item.record.provenance, item.record.verification), { isSubtle: true, spacing: 'none', size: 'small' })] : [];
  return [
    text(`**${name}**${level}`, { spacing: 'small' }),
    text(`${parts.join(' · ')}${how}`, { isSubtle: true, spacing: 'none', size: 'small' }),
    ...provenance,
    text(`Required by: ${roles}`, { isSubtle: true, spacing: 'none', size: 'small' }),
  ];
}

function summaryLine(compliance: ComplianceResult): string {
  const s = compliance.summary;
  const parts = [`${s.compliant} of ${s.required} in date (${s.percent}%)`];
  if (s.overdue) parts.push(`${s.overdue} overdue`);
  if (s.dueSoon) parts.push(`${s.dueSoon} due soon`);
  if (s.exempt) parts.push(`${s.exempt} exempt`);
  return parts.join(' · ');
}

/** "What's due": worst first, each subject once, in-date collapsed, paginated, under 28 KB. */
export function whatsDueCard(view: WhatsDueView): AdaptiveCard {
  const { compliance } = view;
  const needsAction = compliance.items.filter((i) => SECTIONS.some((s) => s.status === i.status));
  const settled = compliance.items.filter((i) => i.status === 'in-date' || i.status === 'exempt');
  const pages = Math.max(1, Math.ceil(needsAction.length / ACTION_ITEMS_PER_PAGE), Math.ceil(settled.length / IN_DATE_ITEMS_PER_PAGE));
  const page = Math.min(Math.max(1, view.page), pages);
  const actionSlice = needsAction.slice((page - 1) * ACTION_ITEMS_PER_PAGE, page * ACTION_ITEMS_PER_PAGE);
  const settledSlice = settled.slice((page - 1) * IN_DATE_ITEMS_PER_PAGE, page * IN_DATE_ITEMS_PER_PAGE);

  const body: CardElement[] = [
    heading(`Your mandatory learning, ${view.firstName}`),
    text(`${summaryLine(compliance)} · ${formatLocalDate(compliance.asOf)}`, { isSubtle: true, spacing: 'none' }),
  ];
  if (compliance.items.length === 0) {
    body.push(text('Nothing is required of your current roles. If that looks wrong, ask your line manager.'));
  }
  for (const section of SECTIONS) {
    const items = actionSlice.filter((i) => i.status === section.status);
    if (items.length === 0) continue;
    body.push({
      type: 'Container',
      style: section.style,
      spacing: 'medium',
      items: [text(`${section.title} (${items.length})`, { weight: 'bolder' }), ...items.flatMap((i) => itemLines(i, view))],
    });
  }
  if (view.pendingEvidence.length > 0 && page === 1) {
    body.push({
      type: 'Container',
      spacing: 'medium',
      items: [
        text(`Waiting for verification (${view.pendingEvidence.length})`, { weight: 'bolder' }),
        ...view.pendingEvidence.map((r) =>
          text(
            r.provenance
              ? `${view.catalogue.topicLabel(r.subjectId, r.level)}: ${provenanceLine(r.provenance, r.verification)}, completed ${formatLocalDate(r.completedOn)}`
              : `${view.catalogue.topicLabel(r.subjectId, r.level)}: certificate from ${r.source.kind === 'transferred' ? r.source.employer : 'elsewhere'}, completed ${formatLocalDate(r.completedOn)}`,
            { isSubtle: true, size: 'small', spacing: 'none' },
          ),
        ),
      ],
    });
  }
  const actions: CardAction[] = [];
  if (settledSlice.length > 0) {
    body.push({ type: 'Container', id: 'in-date', isVisible: false, spacing: 'medium', items: [text(`In date (${settled.length})`, { weight: 'bolder' }), ...settledSlice.flatMap((i) => itemLines(i, view))] });
    actions.push({ type: 'Action.ToggleVisibility', title: `Show ${settled.length} in date`, targetElements: ['in-date'] });
  }
  actions.push({ type: 'Action.Submit', title: 'Training passport', data: { verb: VERBS.passport } });
  if (pages > 1) {
    body.push(text(`Page ${page} of ${pages}`, { isSubtle: true, size: 'small' }));
    if (page < pages) actions.push({ type: 'Action.Submit', title: 'Next page', data: { verb: VERBS.whatsDue, page: page + 1 } });
    if (page > 1) actions.push({ type: 'Action.Submit', title: 'Previous page', data: { verb: VERBS.whatsDue, page: page - 1 } });
  }
  body.push({ type: 'ActionSet', spacing: 'medium', actions: learnerActions() });
  return card(body, actions, `Your mandatory learning: ${summaryLine(compliance)}`);
}
