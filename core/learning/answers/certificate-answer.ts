import { formatLocalDate, type LocalDate } from '../../time/local-date.js';
import type { CertificateResult } from '../bring-certificate.js';
import { done, notInRecords, NOTHING_SAVED, refused, type Answer } from './answer.js';
import type { AnswerContext } from './completion-answer.js';

/** A learner brought a certificate from a previous employer (bot form or My learning). */
export function certificateAnswer(outcome: CertificateResult, ctx: AnswerContext, asked: { employer: string; completedOn: LocalDate; topicLabel: string }): Answer {
  switch (outcome.kind) {
    case 'pending-verification':
      return done(
        `Certificate received: ${asked.topicLabel}`,
        `From ${asked.employer}, completed ${formatLocalDate(outcome.record.completedOn)}${outcome.expiresOn ? `, valid until ${formatLocalDate(outcome.expiresOn)}` : ''}.`,
        'Learning and development will verify it; until then it shows as waiting for verification, and it counts as soon as it is verified.',
      );
    case 'already-expired':
      return refused('invalid', 'already-expired', 'That certificate has expired', [`${asked.topicLabel} completed on ${formatLocalDate(asked.completedOn)} expired on ${formatLocalDate(outcome.expiredOn)}, so it can't count now: the learning needs doing again.`, NOTHING_SAVED]);
    case 'future-date':
      return refused('invalid', 'future-date', 'That date is in the future', ['Give the date on the certificate.', NOTHING_SAVED]);
    case 'unknown-topic':
      return refused('invalid', 'unknown-topic', "I don't know that topic", ['Choose one from the list.', NOTHING_SAVED]);
    case 'not-found':
      return notInRecords(ctx.supportContact);
  }
}
