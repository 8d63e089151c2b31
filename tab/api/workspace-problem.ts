import { WorkspaceProblem } from '../../core/workspace/problem.js';
import { ApiError } from './api-error.js';

/** Core's workspace refusals become the tab API's error body, one to one. */
export async function asApi<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof WorkspaceProblem) throw new ApiError(error.status, error.code, error.message, error.details);
    throw error;
  }
}
