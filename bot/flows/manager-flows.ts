import { recordDidNotAttend, teamOverview } from '../../core/learning/team.js';
import { filterTeam, teamCompliance, teamStatuses, type TeamFilter } from '../../core/learning/team-statuses.js';
import type { ExemptionRequest, ExtensionRequest } from '../../core/learning/types.js';
import { todayInLondon } from '../../core/time/clock.js';
import type { LocalDate } from '../../core/time/local-date.js';
import { approvalCard } from '../cards/approval-card.js';
import { dnaFormCard } from '../cards/dna-form-card.js';
import { messageCard } from '../cards/message-card.js';
import { teamCard } from '../cards/team-card.js';
import { findPerson } from '../language/find-people.js';
import { SHORT_NAMES } from '../language/corpus.js';
import { teamFilterCard } from '../cards/team-filter-card.js';
import { teamPercentageCard } from '../cards/team-percentage-card.js';
import type { LearnerTurn } from '../learner-turn.js';
import { sendCard } from '../send-card.js';
import { answerCard } from '../cards/answer-card.js';
import { dnaAnswer } from '../../core/learning/answers/dna-answer.js';
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

const NO_TEAM = ['You have nobody in your team on record. If you manage people, ask the learning and development team to record you as their line manager.'];

/**
 * "my team", "who is overdue": worst first, 20 a page. With a subject or another status ("who
 * hasn't done fire safety", "who's due soon", "overdue on safeguarding"): exactly the people and
 * requirements that answer it.
 */
export async function showTeam(turn: LearnerTurn, filter: 'all' | TeamFilter, page = 1, subjectIds: readonly string[] = []): Promise<void> {
  if ((filter === 'all' || filter === 'overdue') && subjectIds.length === 0) {
    const [members, catalogue, pending] = await Promise.all([teamOverview(teamDeps(turn), turn.staffId), turn.services.learning.catalogue.current(), pendingRequests(turn)]);
    if (members.length === 0) return sendCard(turn.context, messageCard('Your team', NO_TEAM));
    return sendCard(turn.context, teamCard({ members, catalogue, filter, page, pendingRequests: pending.length }));
  }
  const [members, catalogue] = await Promise.all([teamStatuses(teamDeps(turn), turn.staffId), turn.services.learning.catalogue.current()]);
  if (members.length === 0) return sendCard(turn.context, messageCard('Your team', NO_TEAM));
  const status = filter === 'all' ? undefined : filter;
  await sendCard(turn.context, teamFilterCard({ matches: filterTeam(members, status, subjectIds), teamSize: members.length, filter: status, subjectIds: [...subjectIds], catalogue, page }));
}

/** "What's my team's compliance percentage?": overall, and for the subjects asked about. */
export async function showTeamPercentage(turn: LearnerTurn, subjectIds: readonly string[]): Promise<void> {
  const [members, catalogue] = await Promise.all([teamStatuses(teamDeps(turn), turn.staffId), turn.services.learning.catalogue.current()]);
  if (members.length === 0) return sendCard(turn.context, messageCard("Your team's compliance", NO_TEAM));
  await sendCard(turn.context, teamPercentageCard({ compliance: teamCompliance(members, subjectIds), subjectIds: [...subjectIds], catalogue }));
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

export async function showDnaForm(turn: LearnerTurn, preselect: { name?: string; staffId?: string; subjectId?: string; sessionDate?: LocalDate; reason?: string } = {}): Promise<void> {
  const [team, catalogue] = await Promise.all([turn.services.teams.listTeam(turn.staffId), turn.services.learning.catalogue.current()]);
  const match = preselect.staffId ? undefined : preselect.name ? findPerson(preselect.name, team, SHORT_NAMES) : undefined;
  const staffId = preselect.staffId && team.some((m) => m.staffId === preselect.staffId) ? preselect.staffId : match?.kind === 'one' ? match.person.staffId : undefined;
  await sendCard(
    turn.context,
    dnaFormCard(team, catalogue, todayInLondon(turn.services.learning.clock), {
      ...(staffId ? { staffId } : {}),
      ...(preselect.subjectId ? { subjectId: preselect.subjectId } : {}),
      ...(preselect.sessionDate ? { sessionDate: preselect.sessionDate } : {}),
      ...(preselect.reason ? { reason: preselect.reason } : {}),
    }),
  );
}

export async function submitDna(turn: LearnerTurn, input: { staffId: string; subjectId: string; sessionDate: LocalDate; reason: string; plan?: string }): Promise<void> {
  const outcome = await recordDidNotAttend(teamDeps(turn), turn.staffId, input);
  const catalogue = await turn.services.learning.catalogue.current();
  await sendCard(turn.context, answerCard(dnaAnswer(outcome, { subject: catalogue.subjectName(input.subjectId), sessionDate: input.sessionDate }), turn.services.supportContact));
}
