import { bringCertificate } from '../../core/learning/bring-certificate.js';
import { giveFeedback } from '../../core/learning/feedback-and-concerns.js';
import { recordCompletion } from '../../core/learning/record-completion.js';
import { whatsDue } from '../../core/learning/whats-due.js';
import { todayInLondon } from '../../core/time/clock.js';
import { formatLocalDate } from '../../core/time/local-date.js';
import type { ActionPayloads } from '../action-payloads.js';
import { certificateFormCard } from '../cards/certificate-form-card.js';
import { feedbackCard } from '../cards/feedback-card.js';
import { messageCard, notFoundCard } from '../cards/message-card.js';
import { METHOD_NAMES, recordFormCard, type RecordFormPreselect } from '../cards/record-form-card.js';
import type { LearnerTurn } from '../learner-turn.js';
import { relativeDue } from '../../core/learning/answers/relative-due.js';
import { sendCard } from '../send-card.js';

/** The record form, with what the learner said already filled in. */
export async function showRecordForm(turn: LearnerTurn, preselect: RecordFormPreselect = {}): Promise<void> {
  const result = await whatsDue(turn.services.learning, turn.staffId);
  if (result.kind !== 'ok') return sendCard(turn.context, notFoundCard(turn.services.supportContact));
  await sendCard(turn.context, recordFormCard(result.compliance.items, result.catalogue, result.compliance.asOf, preselect));
}

export async function submitRecord(turn: LearnerTurn, payload: ActionPayloads['record-submit']): Promise<void> {
  const { learning } = turn.services;
  const outcome = await recordCompletion(learning, turn.staffId, payload);
  const catalogue = await learning.catalogue.current();
  const name = catalogue.subjectName(payload.subjectId);
  switch (outcome.kind) {
    case 'recorded': {
      const item = outcome.item;
      const next = item?.dueDate ? `Next due ${formatLocalDate(item.dueDate)} (${relativeDue(item.dueDate, todayInLondon(learning.clock))}).` : 'It does not need renewing.';
      await sendCard(turn.context, messageCard(`Recorded: ${catalogue.topicLabel(outcome.record.subjectId, outcome.record.level)}`, [`${METHOD_NAMES[outcome.record.method]} on ${formatLocalDate(outcome.record.completedOn)}. ${next}`], { tone: 'good' }));
      await sendCard(turn.context, feedbackCard(outcome.record.subjectId, name));
      return;
    }
    case 'method-not-allowed': {
      const ways = outcome.allowed.length > 0 ? `It can be recorded here as: ${outcome.allowed.map((m) => METHOD_NAMES[m]).join(', ')}.` : 'It is completed on the learning platform and shows up here by itself.';
      const link = outcome.topic.link ? ` [How to complete it](${outcome.topic.link}).` : '';
      return sendCard(turn.context, messageCard(`${catalogue.topicLabel(outcome.topic.subjectId, outcome.topic.level)} can't be recorded as ${METHOD_NAMES[payload.method]}`, [`${ways}${link}`], { tone: 'warning' }));
    }
    case 'future-date':
      return sendCard(turn.context, messageCard('That date is in the future', [`A completion can be recorded on or after the day it happened (today is ${formatLocalDate(outcome.today)}). Nothing was saved.`], { tone: 'warning' }));
    case 'too-old':
      return sendCard(turn.context, messageCard('That date is too long ago', [`Completions before ${formatLocalDate(outcome.earliest)} can't be recorded here; ask ${turn.services.supportContact}. Nothing was saved.`], { tone: 'warning' }));
    case 'unknown-subject':
      return sendCard(turn.context, messageCard("I don't know that topic", ['Choose one from the form. Nothing was saved.'], { tone: 'warning' }));
    case 'not-found':
      return sendCard(turn.context, notFoundCard(turn.services.supportContact));
  }
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
  const label = catalogue.topicLabel(topic.subjectId, topic.level);
  switch (outcome.kind) {
    case 'pending-verification':
      return sendCard(
        turn.context,
        messageCard(`Certificate received: ${label}`, [
          `From ${payload.employer}, completed ${formatLocalDate(outcome.record.completedOn)}${outcome.expiresOn ? `, valid until ${formatLocalDate(outcome.expiresOn)}` : ''}.`,
          'Learning and development will verify it; until then it shows as waiting for verification, and it counts as soon as it is verified.',
        ], { tone: 'good' }),
      );
    case 'already-expired':
      return sendCard(turn.context, messageCard(`That certificate has expired`, [`${label} completed on ${formatLocalDate(payload.completedOn)} expired on ${formatLocalDate(outcome.expiredOn)}, so it can't count now: the learning needs doing again. Nothing was saved.`], { tone: 'warning' }));
    case 'future-date':
      return sendCard(turn.context, messageCard('That date is in the future', ['Give the date on the certificate. Nothing was saved.'], { tone: 'warning' }));
    case 'unknown-topic':
      return sendCard(turn.context, messageCard("I don't know that topic", ['Choose one from the form. Nothing was saved.'], { tone: 'warning' }));
    case 'not-found':
      return sendCard(turn.context, notFoundCard(turn.services.supportContact));
  }
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
