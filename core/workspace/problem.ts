import type { ChecklistItemResult } from './model.js';

/**
 * How a workspace use case says no: a refusal in its result (a discriminated union, as the learning
 * use cases do), never an exception and never after it has written anything. Inside a use case a
 * decision may stop early with `throw refusal(…)`; the exported function turns that into its result
 * with `resultOf`, so nothing thrown on purpose crosses a use case's boundary. The tab maps each kind
 * to one HTTP status (tab/api/workspace-answer.ts); the sentences are written here, once.
 */
export type WorkspaceRefusal =
  /** Not a member, not a hub reviewer, or no such application: the same answer for all three. */
  | { kind: 'forbidden'; message: string }
  | { kind: 'read-only'; message: string }
  | { kind: 'not-found'; message: string }
  | { kind: 'bad-request'; message: string; details?: unknown }
  | { kind: 'too-long'; message: string }
  | { kind: 'wrong-stage'; message: string; stage: string }
  | { kind: 'checklist-incomplete'; message: string; missing: ChecklistItemResult[] };

export type WorkspaceResult<T> = { kind: 'done'; value: T } | WorkspaceRefusal;

/** Carries a refusal from inside a decision to the use case's boundary. */
export class Refused extends Error {
  constructor(readonly refusal: WorkspaceRefusal) {
    super(refusal.message);
    this.name = 'Refused';
  }
}

export const FORBIDDEN = 'You do not have access to this workspace.';
export const forbiddenProblem = () => new Refused({ kind: 'forbidden', message: FORBIDDEN });
export const readOnlyProblem = (message: string) => new Refused({ kind: 'read-only', message });
export const notFoundProblem = (message: string) => new Refused({ kind: 'not-found', message });
export const badRequestProblem = (message: string, details?: unknown) => new Refused({ kind: 'bad-request', message, ...(details !== undefined ? { details } : {}) });
export const wrongStageProblem = (message: string, stage: string) => new Refused({ kind: 'wrong-stage', message, stage });
export const tooLongProblem = (max: number) => new Refused({ kind: 'too-long', message: `A field holds at most ${max.toLocaleString('en-GB')} characters.` });
export const checklistProblem = (missing: ChecklistItemResult[]) =>
  new Refused({ kind: 'checklist-incomplete', message: `${missing.length} checklist item${missing.length === 1 ? ' is' : 's are'} still missing: ${missing.map((m) => m.label).join('; ')}.`, missing });

/** Runs a use case's body and returns what it decided: its value, or the refusal it stopped with. */
export async function resultOf<T>(work: () => Promise<T>): Promise<WorkspaceResult<T>> {
  try {
    return { kind: 'done', value: await work() };
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    throw error;
  }
}
