import { raiseConcern } from '../../core/learning/feedback-and-concerns.js';
import { requestSupport } from '../../core/learning/request-support.js';
import { returnFromAbsence } from '../../core/learning/return-from-absence.js';
import type { SupportKind } from '../../core/learning/types.js';
import type { AbsenceKind } from '../../core/people/types.js';
import { formatLocalDate, londonDateOf } from '../../core/time/local-date.js';
import { absenceReturnCard } from '../cards/absence-return-card.js';
import { messageCard, notFoundCard } from '../cards/message-card.js';
import { supportRequestCard } from '../cards/support-request-card.js';
import type { LearnerTurn } from '../learner-turn.js';
import { sendCard } from '../send-card.js';
import { firstNameOf } from './status-flows.js';

/** "I need help to complete this" / "I need a reasonable adjustment": recorded, and the line managers told by card. */
export async function askForSupport(turn: LearnerTurn, kind: SupportKind, detail: string, subjectId?: string): Promise<void> {
  const { learning, messenger } = turn.services;
  const outcome = await requestSupport(learning, turn.staffId, { kind, detail, ...(subjectId ? { subjectId } : {}) });
  if (outcome.kind === 'not-found') return sendCard(turn.context, notFoundCard(turn.services.supportContact));
  const [learner, catalogue] = await Promise.all([learning.staff.getPerson(turn.staffId), learning.catalogue.current()]);
  const managers = (await Promise.all(outcome.managerIds.map((id) => learning.staff.getPerson(id)))).filter((m) => m !== undefined);
  const card = supportRequestCard({
    learnerName: learner?.name ?? 'A member of your team',
    kind,
    detail: outcome.request.detail,
    requestedOn: formatLocalDate(londonDateOf(new Date(outcome.request.requestedAt))),
    ...(subjectId ? { topic: catalogue.subjectName(subjectId) } : {}),
  });
  const told: string[] = [];
  for (const manager of managers) {
    if ((await messenger.send(manager, card)).status === 'sent') told.push(manager.name);
  }
  const what = kind === 'reasonable-adjustment' ? 'a reasonable adjustment' : 'help to complete your learning';
  const lines = [`Your request for ${what} is recorded.`];
  if (told.length > 0) lines.push(`I've told ${told.join(' and ')} in Teams; they should arrange time with you.`);
  else if (managers.length > 0) lines.push(`I couldn't reach ${managers.map((m) => m.name).join(' or ')} in Teams just now; they will see it on your record. You can also contact ${turn.services.supportContact}.`);
  else lines.push(`You have no line manager on record, so please also contact ${turn.services.supportContact}.`);
  await sendCard(turn.context, messageCard('Request recorded', lines, { tone: 'good' }));
}

/** Freedom to speak up: "this training doesn't cover a real risk". */
export async function speakUp(turn: LearnerTurn, text: string, subjectId?: string): Promise<void> {
  const { learning } = turn.services;
  const concern = await raiseConcern(learning, turn.staffId, { text, ...(subjectId ? { subjectId } : {}) });
  const catalogue = await learning.catalogue.current();
  const topic = concern.subjectId ? ` about ${catalogue.subjectName(concern.subjectId)}` : '';
  await sendCard(
    turn.context,
    messageCard('Thank you for speaking up', [
      `Your concern${topic} is recorded for the subject matter expert, who reviews the learning against the risks it should address.`,
      `If it is urgent or about patient safety, also raise it through your usual reporting route or with ${turn.services.supportContact}.`,
    ], { tone: 'good' }),
  );
}

/** "I'm back from maternity leave": what expired while away and the new due dates. */
export async function backFromAbsence(turn: LearnerTurn, kind?: AbsenceKind): Promise<void> {
  const { learning } = turn.services;
  const outcome = await returnFromAbsence(learning, turn.staffId, kind);
  if (outcome.kind === 'not-found') return sendCard(turn.context, notFoundCard(turn.services.supportContact));
  await sendCard(
    turn.context,
    absenceReturnCard({
      firstName: firstNameOf(outcome.person.name),
      ...(outcome.kind === 'welcome-back' ? { absence: outcome.absence } : {}),
      compliance: outcome.compliance,
      catalogue: outcome.catalogue,
      graceDays: learning.rules.returnFromAbsenceDays,
    }),
  );
}
