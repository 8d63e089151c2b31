import { Refused, type WorkspaceRefusal, type WorkspaceResult } from '../../core/workspace/problem.js';
import { ApiError } from './api-error.js';

/**
 * The one mapping from a workspace use case's outcome to HTTP: its value, or its refusal as the
 * tab's error body with one status per kind (the sentence is the use case's, written once in core).
 */
const STATUS: Record<WorkspaceRefusal['kind'], number> = {
  forbidden: 403,
  'read-only': 403,
  'not-found': 404,
  'bad-request': 400,
  'too-long': 400,
  'wrong-stage': 409,
  'checklist-incomplete': 409,
};

export function refusalError(refusal: WorkspaceRefusal): ApiError {
  const details = refusal.kind === 'wrong-stage' ? { stage: refusal.stage } : refusal.kind === 'checklist-incomplete' ? { missing: refusal.missing } : refusal.kind === 'bad-request' ? refusal.details : undefined;
  return new ApiError(STATUS[refusal.kind], refusal.kind === 'too-long' ? 'bad-request' : refusal.kind, refusal.message, details);
}

/** A use case's result as the route's answer. */
export function answer<T>(result: WorkspaceResult<T>): T {
  if (result.kind === 'done') return result.value;
  throw refusalError(result);
}

/** For the use cases whose decisions stop with a refusal inside (`throw refusal(…)`): the same mapping. */
export async function asApi<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) throw refusalError(error.refusal);
    throw error;
  }
}
