/**
 * What a use case's outcome means to the person who asked, in words, the same whichever door they
 * came through: the bot turns an Answer into a card (bot/cards/answer-card.ts), the tab into a JSON
 * message or an error with a status (tab/api/answer-http.ts). Each use case has one function that
 * turns its outcome into an Answer (this folder); the sentences live only there.
 */
export type Problem =
  /** The input breaks a rule (a date in the future, a reason missing): say which, change nothing. */
  | 'invalid'
  /** The caller may not do this. */
  | 'forbidden'
  /** What it is about does not exist (or the caller is not in the records). */
  | 'not-found'
  /** Someone else got there first, or it is already so. */
  | 'conflict';

export type Answer =
  | { ok: true; title: string; lines: string[] }
  | { ok: false; problem: Problem; code: string; title: string; lines: string[]; details?: unknown };

export const done = (title: string, ...lines: string[]): Answer => ({ ok: true, title, lines });

export const refused = (problem: Problem, code: string, title: string, lines: string[], details?: unknown): Answer => ({ ok: false, problem, code, title, lines, ...(details !== undefined ? { details } : {}) });

/** The one sentence every refused write ends with: nothing was written. */
export const NOTHING_SAVED = 'Nothing was saved.';
export const NOTHING_SENT = 'Nothing was sent.';

/** Someone not (or no longer) in the staff records. */
export function notInRecords(supportContact: string): Answer {
  return refused('not-found', 'not-found', "I can't find you in the staff records", [`So I can't show or change your learning yet. Please contact ${supportContact} and ask them to link your Teams account to your staff record.`]);
}
