import { formatLocalDate, type LocalDate } from '../../time/local-date.js';
import type { CatalogueIndex } from '../catalogue-index.js';
import { METHOD_LABELS, methodInSentence } from '../method-names.js';
import type { RecordCompletionResult } from '../record-completion.js';
import { done, notInRecords, NOTHING_SAVED, refused, type Answer } from './answer.js';
import { relativeDue } from './relative-due.js';

export interface AnswerContext {
  catalogue: CatalogueIndex;
  supportContact: string;
  today: LocalDate;
}

/** A learner recorded a completion (bot form or My learning). */
export function completionAnswer(outcome: RecordCompletionResult, ctx: AnswerContext, asked: { method: string }): Answer {
  switch (outcome.kind) {
    case 'recorded': {
      const due = outcome.item?.dueDate;
      const next = due ? `Next due ${formatLocalDate(due)} (${relativeDue(due, ctx.today)}).` : 'It does not need renewing.';
      return done(`Recorded: ${ctx.catalogue.topicLabel(outcome.record.subjectId, outcome.record.level)}`, `${sentenceCase(methodInSentence(outcome.record.method))} on ${formatLocalDate(outcome.record.completedOn)}. ${next}`);
    }
    case 'method-not-allowed': {
      const label = ctx.catalogue.topicLabel(outcome.topic.subjectId, outcome.topic.level);
      const ways = outcome.allowed.length > 0 ? `It can be recorded here as: ${outcome.allowed.map((m) => METHOD_LABELS[m]).join(', ')}.` : 'It is completed on the learning platform and shows up here by itself.';
      const link = outcome.topic.link ? ` [How to complete it](${outcome.topic.link}).` : '';
      return refused('invalid', 'method-not-allowed', `${label} can't be recorded as ${methodInSentence(asked.method)}`, [`${ways}${link}`, NOTHING_SAVED]);
    }
    case 'future-date':
      return refused('invalid', 'future-date', 'That date is in the future', [`A completion can be recorded on or after the day it happened (today is ${formatLocalDate(outcome.today)}).`, NOTHING_SAVED]);
    case 'too-old':
      return refused('invalid', 'too-old', 'That date is too long ago', [`Completions before ${formatLocalDate(outcome.earliest)} can't be recorded here; ask ${ctx.supportContact}.`, NOTHING_SAVED]);
    case 'unknown-subject':
      return refused('invalid', 'unknown-subject', "I don't know that topic", ['Choose one from the list.', NOTHING_SAVED]);
    case 'not-found':
      return notInRecords(ctx.supportContact);
  }
}

export const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
