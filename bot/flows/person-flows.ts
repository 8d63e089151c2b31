import { whatsDue } from '../../core/learning/whats-due.js';
import { choosePersonCard } from '../cards/clarify-card.js';
import { messageCard } from '../cards/message-card.js';
import { personStatusCard } from '../cards/person-status-card.js';
import { typedText } from '../cards/safe-text.js';
import type { Intent, PersonSlot, Slots } from '../language/intents.js';
import type { LearnerTurn } from '../learner-turn.js';
import { sendCard } from '../send-card.js';

/** The same words for anyone outside the asker's team, whether or not they exist: nothing is revealed. */
export function outsideTeamCard(typed: string) {
  return messageCard('I can only answer about your team', [`I can only answer about people in your team, and I can't find “${typedText(typed)}” there.`], { tone: 'warning' });
}

/**
 * Who a message is about, checked against the asker's team on the server: a member (whose id the
 * team index confirms), or an answer that reveals nothing about anyone else.
 */
export async function memberOf(turn: LearnerTurn, person: PersonSlot | undefined, intent: Intent): Promise<{ staffId: string } | undefined> {
  const text = (turn.context.activity.text ?? '').trim();
  if (!person) {
    await sendCard(turn.context, messageCard('Who do you mean?', ['Ask with their name, for example **is Sam Patel compliant?** or **show me Sam’s training**.']));
    return undefined;
  }
  if (person.kind === 'several') {
    await sendCard(turn.context, choosePersonCard(person.people, person.typed, intent, text || person.typed));
    return undefined;
  }
  if (person.kind === 'outside' || !(await turn.services.teams.isInTeam(turn.staffId, person.staffId))) {
    turn.services.logger.info({ event: 'bot.person-outside-team', staffId: turn.staffId }, 'asked about someone outside the team');
    await sendCard(turn.context, outsideTeamCard(person.typed));
    return undefined;
  }
  return { staffId: person.staffId };
}

/** "Is Patti compliant?", "show me Alex's training", "can Alex work?": only about the manager's own team. */
export async function showPersonStatus(turn: LearnerTurn, slots: Slots): Promise<void> {
  const member = await memberOf(turn, slots.person, 'person-status');
  if (!member) return;
  const result = await whatsDue(turn.services.learning, member.staffId);
  if (result.kind !== 'ok') return sendCard(turn.context, outsideTeamCard(slots.person?.typed ?? ''));
  const roles = [...new Set(result.compliance.items.flatMap((i) => i.roleIds))].map((r) => result.catalogue.roleName(r)).join(' and ');
  await sendCard(
    turn.context,
    personStatusCard({ name: result.person.name, category: result.person.category, roles, compliance: result.compliance, catalogue: result.catalogue, subjectIds: slots.subjects.map((s) => s.subjectId) }),
  );
}
