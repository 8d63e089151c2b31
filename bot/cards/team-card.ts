import type { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import type { TeamMemberStatus } from '../../core/learning/team.js';
import { card, heading, text, type AdaptiveCard, type CardAction, type CardElement } from './card-types.js';
import { VERBS } from './verbs.js';

export const TEAM_PAGE_SIZE = 20;

export interface TeamView {
  members: TeamMemberStatus[];
  catalogue: CatalogueIndex;
  filter: 'all' | 'overdue';
  page: number;
  pendingRequests: number;
}

/** A manager's team, worst first: each person's % in date and what is overdue; 20 a page. */
export function teamCard(view: TeamView): AdaptiveCard {
  const shown = view.filter === 'overdue' ? view.members.filter((m) => m.overdue.length > 0) : view.members;
  const pages = Math.max(1, Math.ceil(shown.length / TEAM_PAGE_SIZE));
  const page = Math.min(Math.max(1, view.page), pages);
  const slice = shown.slice((page - 1) * TEAM_PAGE_SIZE, page * TEAM_PAGE_SIZE);
  const overdueCount = view.members.filter((m) => m.overdue.length > 0).length;
  const body: CardElement[] = [
    heading(view.filter === 'overdue' ? 'Who is overdue' : 'Your team'),
    text(`${view.members.length} people · ${overdueCount} with something overdue · ${view.pendingRequests} pending ${view.pendingRequests === 1 ? 'request' : 'requests'}`, { isSubtle: true, spacing: 'none' }),
  ];
  if (shown.length === 0) body.push(text(view.filter === 'overdue' ? 'Nobody in your team is overdue. Well done, all.' : 'You have nobody in your team on record.'));
  for (const member of slice) {
    const overdue = member.overdue.map((o) => view.catalogue.topicLabel(o.subjectId, o.level));
    body.push({
      type: 'Container',
      spacing: 'small',
      separator: true,
      style: member.overdue.length > 0 ? 'attention' : 'default',
      items: [
        text(`**${member.name}** · ${member.percent}% in date${member.dueSoon ? ` · ${member.dueSoon} due soon` : ''}`),
        ...(overdue.length > 0 ? [text(`Overdue: ${overdue.join('; ')}`, { size: 'small', spacing: 'none' })] : []),
      ],
    });
  }
  const actions: CardAction[] = [];
  if (pages > 1) {
    body.push(text(`Page ${page} of ${pages}`, { isSubtle: true, size: 'small' }));
    if (page < pages) actions.push({ type: 'Action.Submit', title: 'Next page', data: { verb: VERBS.teamPage, page: page + 1, filter: view.filter } });
    if (page > 1) actions.push({ type: 'Action.Submit', title: 'Previous page', data: { verb: VERBS.teamPage, page: page - 1, filter: view.filter } });
  }
  if (view.filter === 'all') actions.push({ type: 'Action.Submit', title: 'Who is overdue', data: { verb: VERBS.teamPage, page: 1, filter: 'overdue' } });
  else actions.push({ type: 'Action.Submit', title: 'Whole team', data: { verb: VERBS.teamPage, page: 1, filter: 'all' } });
  actions.push({ type: 'Action.Submit', title: 'Pending requests', data: { verb: VERBS.pendingRequests } });
  actions.push({ type: 'Action.Submit', title: 'Record did not attend', data: { verb: VERBS.dnaForm } });
  return card(body, actions, view.filter === 'overdue' ? 'Who is overdue' : 'Your team');
}
