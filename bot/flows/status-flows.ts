import { DEFAULT_COMPLIANCE_RULES } from '../../core/learning/compliance.js';
import { whatsDue } from '../../core/learning/whats-due.js';
import { daysBetween } from '../../core/time/local-date.js';
import { subjectStatusCard, type SubjectQuestion } from '../cards/subject-status-card.js';
import { welcomeCard } from '../cards/welcome-card.js';
import { whatsDueCard } from '../cards/whats-due-card.js';
import { notFoundCard } from '../cards/message-card.js';
import type { LearnerTurn } from '../learner-turn.js';
import { sendCard } from '../send-card.js';

export function firstNameOf(name: string): string {
  return name.split(' ')[0] ?? name;
}

async function load(turn: LearnerTurn) {
  const result = await whatsDue(turn.services.learning, turn.staffId);
  if (result.kind === 'not-found') await sendCard(turn.context, notFoundCard(turn.services.supportContact));
  return result.kind === 'ok' ? result : undefined;
}

/** "What's due": the whole picture, worst first. */
export async function showWhatsDue(turn: LearnerTurn, page = 1): Promise<void> {
  const result = await load(turn);
  if (!result) return;
  const pendingEvidence = result.bundle.records.filter((r) => r.verification.state === 'pending');
  await sendCard(turn.context, whatsDueCard({ firstName: firstNameOf(result.person.name), compliance: result.compliance, catalogue: result.catalogue, pendingEvidence, page }));
}

/** "When does my fire safety expire", "do I need safeguarding level 3". */
export async function showSubjectStatus(turn: LearnerTurn, questions: SubjectQuestion[]): Promise<void> {
  const result = await load(turn);
  if (!result) return;
  await sendCard(turn.context, subjectStatusCard(questions, result.compliance, result.catalogue));
}

/** First contact: a new starter's induction deadlines, or where an existing learner stands. */
export async function showWelcome(turn: LearnerTurn): Promise<void> {
  const result = await load(turn);
  if (!result) return;
  const rules = turn.services.learning.rules ?? DEFAULT_COMPLIANCE_RULES;
  const newStarter = daysBetween(result.person.startDate, result.compliance.asOf) <= rules.newStarterWeeks * 7;
  await sendCard(
    turn.context,
    welcomeCard({ firstName: firstNameOf(result.person.name), organisationName: turn.services.organisationName, newStarter, compliance: result.compliance, catalogue: result.catalogue }),
  );
}
