/**
 * A refusal the workspace use cases give on purpose: an HTTP-like status, a stable code (see
 * WORKSPACE_ERROR_CODES in the API contract) and a sentence a person can act on. The tab API maps
 * it one to one onto its error body; core stays free of any web framework.
 */
export class WorkspaceProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'WorkspaceProblem';
  }
}

export const FORBIDDEN = 'You do not have access to this workspace.';
export const forbiddenProblem = () => new WorkspaceProblem(403, 'forbidden', FORBIDDEN);
export const readOnlyProblem = (message: string) => new WorkspaceProblem(403, 'read-only', message);
export const notFoundProblem = (message: string) => new WorkspaceProblem(404, 'not-found', message);
export const badRequestProblem = (message: string, details?: unknown) => new WorkspaceProblem(400, 'bad-request', message, details);
export const wrongStageProblem = (message: string, stage: string) => new WorkspaceProblem(409, 'wrong-stage', message, { stage });
