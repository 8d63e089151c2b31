import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch, ApiProblem } from '../api';

/**
 * Reads an API path into the shared cache under `key`. The request is given the query's
 * AbortSignal, so leaving a page or changing a filter cancels what is no longer wanted; while a new
 * key loads, the last answer stays on screen (`isPlaceholderData` says it is being refreshed).
 */
export function useApiQuery<T>(key: QueryKey, path: string | undefined, options: { refetchInterval?: number | false | ((data: T | undefined) => number | false) } = {}) {
  return useQuery<T>({
    queryKey: key,
    queryFn: ({ signal }) => apiFetch<T>(path!, { signal }),
    enabled: path !== undefined,
    placeholderData: keepPreviousData,
    ...(options.refetchInterval !== undefined
      ? { refetchInterval: typeof options.refetchInterval === 'function' ? (q: { state: { data: T | undefined } }) => (options.refetchInterval as (d: T | undefined) => number | false)(q.state.data) : options.refetchInterval }
      : {}),
  });
}

export type Outcome = { intent: 'success' | 'error' | 'warning'; text: string };

/** The server's words for a refusal: its list of problems where it gave one, else its message. */
export function problemText(error: unknown): string {
  if (error instanceof ApiProblem) {
    const problems = (error.details as { problems?: string[] } | undefined)?.problems;
    return problems && problems.length > 0 ? problems.join(' ') : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export function outcomeOf(error: unknown): Outcome {
  return { intent: error instanceof ApiProblem && error.status === 409 ? 'warning' : 'error', text: problemText(error) };
}

/**
 * A change sent to the server: on success the queries it names are refreshed (or `update` writes
 * the answer straight into the cache), and the outcome — the server's sentence or its refusal — is
 * kept for the place the click was made to show.
 */
export function useApiMutation<V, R>(
  send: (variables: V) => Promise<R>,
  options: { invalidates?: QueryKey[]; update?: (result: R, variables: V, client: ReturnType<typeof useQueryClient>) => void; success?: (result: R, variables: V) => string | undefined } = {},
) {
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome>();
  const mutation = useMutation<R, unknown, V>({
    mutationFn: send,
    onMutate: () => setOutcome(undefined),
    onSuccess: async (result, variables) => {
      options.update?.(result, variables, client);
      const text = options.success ? options.success(result, variables) : (result as { message?: string } | undefined)?.message;
      setOutcome({ intent: 'success', text: text ?? 'Done.' });
      await Promise.all((options.invalidates ?? []).map((queryKey) => client.invalidateQueries({ queryKey })));
    },
    onError: (error) => setOutcome(outcomeOf(error)),
  });
  return { ...mutation, outcome, clearOutcome: () => setOutcome(undefined) };
}
