/**
 * An answer the tab's API gives on purpose: a status, a stable machine-readable code and a sentence
 * a person can act on. Anything else that is thrown is logged in full and answered with a generic 500.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string, details?: unknown) => new ApiError(400, 'bad-request', message, details);
export const unauthorized = (message = 'Sign in again: the request carried no valid token.') => new ApiError(401, 'unauthorized', message);
/** Also used where the answer must not reveal whether the thing exists (someone else's workspace). */
export const forbidden = (message = 'You do not have access to this.') => new ApiError(403, 'forbidden', message);
export const notFound = (message = 'Not found.') => new ApiError(404, 'not-found', message);
export const conflict = (message: string, details?: unknown) => new ApiError(409, 'conflict', message, details);
