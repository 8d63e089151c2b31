import { formatLocalDate, type LocalDate } from '../../time/local-date.js';
import type { DnaResult } from '../team.js';
import { done, NOTHING_SAVED, refused, type Answer } from './answer.js';

/** A manager recorded that someone did not attend a booked session (bot or My team). */
export function dnaAnswer(outcome: DnaResult, asked: { subject: string; sessionDate: LocalDate }): Answer {
  switch (outcome.kind) {
    case 'recorded':
      return done(
        'Did not attend: recorded',
        `${outcome.learner.name}, ${asked.subject} on ${formatLocalDate(asked.sessionDate)}: “${outcome.dna.reason}”.`,
        outcome.dna.plan ? `Plan: ${outcome.dna.plan}` : 'Agree a plan with them to complete it.',
      );
    case 'not-in-team':
      return refused('forbidden', 'not-in-team', "You can't record that", ['You can only record non-attendance for people in your team.', NOTHING_SAVED]);
    case 'future-date':
      return refused('invalid', 'future-date', 'That date is in the future', ['Give the date of the session they missed: it cannot be in the future.', NOTHING_SAVED]);
    case 'unknown-subject':
      return refused('invalid', 'unknown-subject', "I don't know that topic", ['That topic is not in the catalogue.', NOTHING_SAVED]);
  }
}
