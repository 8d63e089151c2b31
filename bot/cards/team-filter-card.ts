import type { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import type { MemberItem, MemberStatuses, TeamFilter } from '../../core/learning/team-statuses.js';
import { formatLocalDate } from '../../core/time/local-date.js';
import { card, heading, text, type AdaptiveCard, type CardAction, type CardElement } from './card-types.js';
import { TEAM_PAGE_SIZE } from './team-card.js';
import { VERBS } from './verbs.js';

export interface TeamFilterView {
  matches: Array<{ member: MemberStatuses; items: MemberItem[] }>;
  teamSize: number;
  filter: TeamFilter | undefined;
  subjectIds: string[];
  catalogue: CatalogueIndex;
  page: number;
}

const QUESTION: Record<TeamFilter | 'any', string> = { overdue: 'overdue', 'due-soon': 'due soon', 'not-done': 'not done (not in date)', any: '' };
const STATUS: Record<MemberItem['status'], string> = { overdue: 'overdue', 'due-soon': 'due soon', 'not-completed': 'not yet completed', extended: 'extended', 'in-date': 'in date', exempt: 'exempt' };

/** "Who hasn't done fire safety", "who's due soon", "overdue on safeguarding": the matching people, 20 a page. */
export function teamFilterCard(view: TeamFilterView): AdaptiveCard {
  const topics = view.subjectIds.map((id) => view.catalogue.subjectName(id)).join(' and ');
  const what = view.filter ? QUESTION[view.filter] : '';
  const title = view.filter ? `Who is ${what}${topics ? ` for ${topics}` : ''}` : `Your team: ${topics}`;
  const pages = Math.max(1, Math.ceil(view.matches.length / TEAM_PAGE_SIZE));
  const page = Math.min(Math.max(1, view.page), pages);
  const body: CardElement[] = [heading(title), text(`${view.matches.length} of ${view.teamSize} ${view.teamSize === 1 ? 'person' : 'people'}`, { isSubtle: true, spacing: 'none' })];
  if (view.matches.length === 0) body.push(text(view.filter ? `Nobody in your team is ${what}${topics ? ` for ${topics}` : ''}.` : `Nobody in your team needs ${topics}.`));
  for (const { member, items } of view.matches.slice((page - 1) * TEAM_PAGE_SIZE, page * TEAM_PAGE_SIZE)) {
    const parts = items.map((i) => `${view.catalogue.topicLabel(i.subjectId, i.level)}: ${STATUS[i.status]}${i.dueDate ? ` (${i.status === 'in-date' ? 'renew by' : 'due'} ${formatLocalDate(i.dueDate)})` : ''}`);
    body.push({ type: 'Container', separator: true, spacing: 'small', style: items.some((i) => i.status === 'overdue') ? 'attention' : 'default', items: [text(`**${member.name}**`), text(parts.join('; '), { size: 'small', spacing: 'none' })] });
  }
  const actions: CardAction[] = [];
  const subjects = view.subjectIds.join(',');
  const filter = view.filter ?? 'all';
  if (pages > 1) {
    body.push(text(`Page ${page} of ${pages}`, { isSubtle: true, size: 'small' }));
    if (page < pages) actions.push({ type: 'Action.Submit', title: 'Next page', data: { verb: VERBS.teamPage, page: page + 1, filter, ...(subjects ? { subjects } : {}) } });
    if (page > 1) actions.push({ type: 'Action.Submit', title: 'Previous page', data: { verb: VERBS.teamPage, page: page - 1, filter, ...(subjects ? { subjects } : {}) } });
  }
  actions.push({ type: 'Action.Submit', title: 'Whole team', data: { verb: VERBS.teamPage, page: 1, filter: 'all' } });
  return card(body, actions, `${title}: ${view.matches.map((m) => m.member.name).join(', ') || 'nobody'}`);
}
