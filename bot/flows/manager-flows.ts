import { clearedToWork, recordDidNotAttend, teamOverview } from '../../core/learning/team.js';
import type { ExemptionRequest, ExtensionRequest } from '../../core/learning/types.js';
import { todayInLondon } from '../../core/time/clock.js';
import { formatLocalDate, type LocalDate } from '../../core/time/local-date.js';
import { approvalCard } from '../cards/approval-card.js';
import { dnaFormCard } from '../cards/dna-form-card.js';
import { messageCard } from '../cards/message-card.js';
import { teamCard } from '../cards/team-card.js';
import { findPerson } from '../language/find-person.js';
import type { LearnerTurn } from '../learner-turn.js';
import { sendCard } from '../send-card.js';
import { approvalView } from './approval-flows.js';

/** At most this many approval cards are sent in answer to "pending requests". */
const PENDING_CARDS = 5;

const teamDeps = (turn: LearnerTurn) => ({ ...turn.services.learning, teams: turn.services.teams });

async function pendingRequests(turn: LearnerTurn) {
  const inbox = await turn.services.requests.inbox(turn.staffId);
  const found = await Promise.all(
    inbox.map(async (item) => {
      const bundle = await turn.services.learning.staff.getBundle(item.learnerId);
      const list: (ExtensionRequest | ExemptionRequest)[] = (item.kind === 'extension' ? bundle?.extensions : bundle?.exemptions) ?? [];
      const request = list.find((r) => r.id === item.requestId && r.state === 'pending');
      return request ? { ...item, request } : undefined;
    }),
  );
  return found.filter((f) => f !== undefined);
}

/** "my team" / "who is overdue": worst first, 20 a page. */
export async function showTeam(turn: LearnerTurn, filter: 'all' | 'overdue', page = 1): Promise<void> {
  const [members, catalogue, pending] = await Promise.all([teamOverview(teamDeps(turn), turn.staffId), turn.services.learning.catalogue.current(), pendingRequests(turn)]);
  if (members.length === 0) {
    return sendCard(turn.context, messageCard('Your team', ['You have nobody in your team on record. If you manage people, ask the learning and development team to record you as their line manager.']));
  }
  await sendCard(turn.context, teamCard({ members, catalogue, filter, page, pendingRequests: pending.length }));
}

/** "pending requests": the approval cards, each with its buttons. */
export async function showPendingRequests(turn: LearnerTurn): Promise<void> {
  const pending = await pendingRequests(turn);
  if (pending.length === 0) return sendCard(turn.context, messageCard('Pending requests', ['Nothing is waiting for your decision.']));
  if (pending.length > PENDING_CARDS) {
    await sendCard(turn.context, messageCard('Pending requests', [`${pending.length} requests are waiting for you; here are the oldest ${PENDING_CARDS}.`]));
  }
  for (const item of pending.slice(0, PENDING_CARDS)) {
    await sendCard(turn.context, approvalCard(await approvalView(turn.services, item.kind, item.learnerId, item.request)));
  }
}

/** "is Sam Patel cleared to work?": only about people in the manager's own team. */
export async function showClearedToWork(turn: LearnerTurn, name: string): Promise<void> {
  const team = await turn.services.teams.listTeam(turn.staffId);
  const match = findPerson(name, team);
  if (match.kind === 'none') {
    return sendCard(turn.context, messageCard('Cleared to work', [`I can only answer about people in your team, and I can't find “${name}” there.`], { tone: 'warning' }));
  }
  if (match.kind === 'several') {
    return sendCard(turn.context, messageCard('Which one?', [`Several people in your team match “${name}”: ${match.people.map((p) => p.name).join(', ')}. Ask again with the full name.`]));
  }
  const result = await clearedToWork(teamDeps(turn), turn.staffId, match.person.staffId);
  const catalogue = await turn.services.learning.catalogue.current();
  if (result.kind === 'not-in-team') return sendCard(turn.context, messageCard('Cleared to work', [`I can only answer about people in your team.`], { tone: 'warning' }));
  const roles = result.roleIds.map((r) => catalogue.roleName(r)).join(' and ');
  const who = `${result.person.name} (${result.person.category.replace(/-/g, ' ')})`;
  if (result.kind === 'cleared') {
    return sendCard(turn.context, messageCard(`Yes: ${result.person.name} is cleared to work`, [`${who}: all ${result.items.length} mandatory requirements of ${roles || 'their role'} are in date.`], { tone: 'good' }));
  }
  const missing = result.missing.map((i) => `${catalogue.topicLabel(i.subjectId, i.level)}${i.dueDate ? ` (${i.status === 'overdue' ? 'overdue since' : 'due'} ${formatLocalDate(i.dueDate)})` : ''}`);
  await sendCard(
    turn.context,
    messageCard(`No: ${result.person.name} is not cleared to work`, [
      `${who}: ${missing.length} mandatory ${missing.length === 1 ? 'requirement is' : 'requirements are'} not in date for ${roles || 'their role'}:`,
      missing.map((m) => `- ${m}`).join('\n'),
      'The policy: they may not carry out the role until these are completed.',
    ], { tone: 'attention' }),
  );
}

export async function showDnaForm(turn: LearnerTurn, preselect: { name?: string; subjectId?: string; sessionDate?: LocalDate; reason?: string } = {}): Promise<void> {
  const [team, catalogue] = await Promise.all([turn.services.teams.listTeam(turn.staffId), turn.services.learning.catalogue.current()]);
  const match = preselect.name ? findPerson(preselect.name, team) : undefined;
  await sendCard(
    turn.context,
    dnaFormCard(team, catalogue, todayInLondon(turn.services.learning.clock), {
      ...(match?.kind === 'one' ? { staffId: match.person.staffId } : {}),
      ...(preselect.subjectId ? { subjectId: preselect.subjectId } : {}),
      ...(preselect.sessionDate ? { sessionDate: preselect.sessionDate } : {}),
      ...(preselect.reason ? { reason: preselect.reason } : {}),
    }),
  );
}

export async function submitDna(turn: LearnerTurn, input: { staffId: string; subjectId: string; sessionDate: LocalDate; reason: string; plan?: string }): Promise<void> {
  const outcome = await recordDidNotAttend(teamDeps(turn), turn.staffId, input);
  const catalogue = await turn.services.learning.catalogue.current();
  switch (outcome.kind) {
    case 'recorded':
      return sendCard(turn.context, messageCard('Did not attend: recorded', [`${outcome.learner.name}, ${catalogue.subjectName(input.subjectId)} on ${formatLocalDate(input.sessionDate)}: “${outcome.dna.reason}”.`, outcome.dna.plan ? `Plan: ${outcome.dna.plan}` : 'Agree a plan with them to complete it.'], { tone: 'good' }));
    case 'not-in-team':
      return sendCard(turn.context, messageCard("You can't record that", ['You can only record non-attendance for people in your team. Nothing was saved.'], { tone: 'warning' }));
    case 'future-date':
      return sendCard(turn.context, messageCard('That date is in the future', ['Give the date of the session they missed. Nothing was saved.'], { tone: 'warning' }));
    case 'unknown-subject':
      return sendCard(turn.context, messageCard("I don't know that topic", ['Nothing was saved.'], { tone: 'warning' }));
  }
}
