import { bringCertificate } from '../../core/learning/bring-certificate.js';
import { giveFeedback } from '../../core/learning/feedback-and-concerns.js';
import { recordCompletion } from '../../core/learning/record-completion.js';
import { whatsDue } from '../../core/learning/whats-due.js';
import { todayInLondon } from '../../core/time/clock.js';
import type { ActionPayloads } from '../action-payloads.js';
import { certificateFormCard } from '../cards/certificate-form-card.js';
import { feedbackCard } from '../cards/feedback-card.js';
import { messageCard, notFoundCard } from '../cards/message-card.js';
import { recordFormCard, type RecordFormPreselect } from '../cards/record-form-card.js';
import type { LearnerTurn } from '../learner-turn.js';
import { sendCard } from '../send-card.js';
import { answerCard } from '../cards/answer-card.js';
import { completionAnswer } from '../../core/learning/answers/completion-answer.js';
import { certificateAnswer } from '../../core/learning/answers/certificate-answer.js';

/** The record form, with what the learner said already filled in. */
export async function showRecordForm(turn: LearnerTurn, preselect: RecordFormPreselect = {}): Promise<void> {
  const result = await whatsDue(turn.services.learning, turn.staffId);
  if (result.kind !== 'ok') return sendCard(turn.context, notFoundCard(turn.services.supportContact));
  await sendCard(turn.context, recordFormCard(result.compliance.items, result.catalogue, result.compliance.asOf, preselect));
}

export async function submitRecord(turn: LearnerTurn, payload: ActionPayloads['record-submit']): Promise<void> {
  const { learning, supportContact } = turn.services;
  const outcome = await recordCompletion(learning, turn.staffId, payload);
  const catalogue = await learning.catalogue.current();
  await sendCard(turn.context, answerCard(completionAnswer(outcome, { catalogue, supportContact, today: todayInLondon(learning.clock) }, { method: payload.method }), supportContact));
  // A recorded completion is followed by the feedback card for its topic.
  if (outcome.kind === 'recorded') await sendCard(turn.context, feedbackCard(outcome.record.subjectId, catalogue.subjectName(payload.subjectId)));
}

export async function showCertificateForm(turn: LearnerTurn, preselectTopicId?: string): Promise<void> {
  const { learning } = turn.services;
  const catalogue = await learning.catalogue.current();
  await sendCard(turn.context, certificateFormCard(catalogue, todayInLondon(learning.clock), preselectTopicId));
}

export async function submitCertificate(turn: LearnerTurn, payload: ActionPayloads['certificate-submit']): Promise<void> {
  const { learning } = turn.services;
  const catalogue = await learning.catalogue.current();
  const topic = catalogue.topic(payload.topicId);
  if (!topic) return sendCard(turn.context, messageCard("I don't know that topic", ['Choose one from the form. Nothing was saved.'], { tone: 'warning' }));
  const outcome = await bringCertificate(learning, turn.staffId, {
    subjectId: topic.subjectId,
    level: topic.level,
    completedOn: payload.completedOn,
    employer: payload.employer,
    ...(payload.reference ? { reference: payload.reference } : {}),
    ...(payload.fileUrl ? { fileUrl: payload.fileUrl } : {}),
  });
  const { supportContact } = turn.services;
  const asked = { employer: payload.employer, completedOn: payload.completedOn, topicLabel: catalogue.topicLabel(topic.subjectId, topic.level) };
  await sendCard(turn.context, answerCard(certificateAnswer(outcome, { catalogue, supportContact, today: todayInLondon(learning.clock) }, asked), supportContact));
}

export async function submitFeedback(turn: LearnerTurn, payload: ActionPayloads['feedback-submit']): Promise<void> {
  const outcome = await giveFeedback(turn.services.learning, turn.staffId, {
    subjectId: payload.subjectId,
    relevance: payload.relevance,
    accessibility: payload.accessibility,
    effectiveness: payload.effectiveness,
    ...(payload.comment ? { comment: payload.comment } : {}),
  });
  if (outcome.kind === 'unknown-subject') return sendCard(turn.context, messageCard("I don't know that topic", ['Nothing was saved.'], { tone: 'warning' }));
  await sendCard(turn.context, messageCard('Thank you for your feedback', ['It goes to the subject matter expert for this topic.'], { tone: 'good' }));
}
