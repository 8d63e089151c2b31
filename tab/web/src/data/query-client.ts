import { QueryClient } from '@tanstack/react-query';
import { ApiProblem } from '../api';

/**
 * The tab's one data cache (TanStack Query). Answers are kept 30 s before a page asks again; a
 * refusal (4xx) is never retried (the server said no, asking again will not change it), a network
 * failure or 5xx twice; a page's requests are cancelled when it unmounts or its key changes.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      gcTime: 5 * 60_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => !(error instanceof ApiProblem && error.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});

/** Every query's key, in one place, so a mutation names exactly what it changed. */
export const keys = {
  myLearning: ['learning', 'me'] as const,
  team: ['team'] as const,
  catalogue: ['admin', 'catalogue'] as const,
  refreshJob: ['admin', 'summary-refresh'] as const,
  evidence: ['admin', 'evidence'] as const,
  exemptions: ['admin', 'exemptions'] as const,
  proposals: ['proposals'] as const,
  esrMappings: ['esr', 'mappings'] as const,
  esrRuns: ['esr', 'runs'] as const,
  reports: ['reports'] as const,
  report: (name: string, query: string) => ['reports', name, query] as const,
  workspace: (appId: string) => ['workspace', appId] as const,
};
