import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { apiFetch } from './api';
import { keys } from './data/query-client';

/**
 * The tab's pages, one per path under /tab/. Each is loaded on demand, so opening one page does not
 * download the others. `nav` pages appear in the standalone navigation (in Teams each is its own tab).
 */
export interface PageRoute {
  path: string;
  title: string;
  nav: boolean;
  component: LazyExoticComponent<ComponentType>;
  /** Starts downloading the page's code at once, beside the sign-in, instead of after it. */
  load: () => Promise<unknown>;
  /** Starts the page's first read as soon as the caller's token is known (its answer waits in the cache). */
  prefetch?: (client: QueryClient) => void;
}

function page(path: string, title: string, nav: boolean, load: () => Promise<{ default: ComponentType }>, prefetch?: PageRoute['prefetch']): PageRoute {
  return { path, title, nav, component: lazy(load), load, ...(prefetch ? { prefetch } : {}) };
}

const read = (key: readonly unknown[], path: string) => (client: QueryClient) => void client.prefetchQuery({ queryKey: key, queryFn: ({ signal }) => apiFetch(path, { signal }) });

export const ROUTES: PageRoute[] = [
  page('my-learning', 'My learning', true, () => import('./learning/MyLearningPage'), read(keys.myLearning, '/api/learning/me')),
  page('team', 'My team', true, () => import('./learning/TeamPage'), read(keys.team, '/api/team')),
  page('reports', 'Reports', true, () => import('./reports/ReportsPage')),
  page('admin', 'Administration', true, () => import('./admin/AdminPage')),
  page('workspace', 'Learning Organisation', true, () => import('./workspace/WorkspacePage')),
  page('hub', 'Training hub', true, () => import('./workspace/HubPage')),
  page('config', 'Set up the workspace tab', false, () => import('./workspace/ConfigPage')),
];

export function routeFor(pathname: string): PageRoute | undefined {
  const segment = pathname.replace(/^\/tab\/?/, '').split('/')[0] ?? '';
  return ROUTES.find((route) => route.path === segment);
}
