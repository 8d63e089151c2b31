import { Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { Problem } from '../shell/Problem';

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  isFetching: boolean;
}

/**
 * The one busy/error pattern: a labelled spinner until the first answer, the problem in words where
 * the content would be, then the content; a small "Updating" while a newer answer is on its way.
 */
export function QueryState<T>({ query, label, children }: { query: QueryLike<T>; label: string; children: (data: T) => ReactNode }) {
  if (query.data === undefined) {
    if (query.error) return <Problem error={query.error} title={`Could not load ${label}`} />;
    return <Spinner label={`Loading ${label}`} />;
  }
  return (
    <>
      {query.error ? <Problem error={query.error} title={`Could not refresh ${label}; showing what was loaded before`} /> : null}
      {query.isFetching && <Spinner size="tiny" label="Updating" labelPosition="after" />}
      {children(query.data)}
    </>
  );
}
