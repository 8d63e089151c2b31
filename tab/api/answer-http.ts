import type { Answer, Problem } from '../../core/learning/answers/answer.js';
import { ApiError } from './api-error.js';

/** The one mapping from a use case's Answer to HTTP: a refusal's kind decides the status. */
const STATUS: Record<Problem, number> = { invalid: 422, forbidden: 403, 'not-found': 404, conflict: 409 };

/** The sentence the tab shows: the title, then the lines. */
export function answerText(answer: Answer): string {
  const title = answer.title.replace(/[.!?]$/, '');
  const lines = answer.lines.join(' ');
  return lines.startsWith(title) ? lines : `${title}. ${lines}`;
}

/** A successful Answer as `{ message }`; a refused one thrown as the ApiError its problem maps to. */
export function answerHttp(answer: Answer): { message: string } {
  if (answer.ok) return { message: answerText(answer) };
  throw new ApiError(STATUS[answer.problem], answer.code, answer.lines.join(' '), answer.details);
}
