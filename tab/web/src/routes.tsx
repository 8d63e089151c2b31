import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * The tab's pages, one per path under /tab/. Each is loaded on demand, so opening one page does not
 * download the others. `nav` pages appear in the standalone navigation (in Teams each is its own tab).
 */
export interface PageRoute {
  path: string;
  title: string;
  nav: boolean;
  component: LazyExoticComponent<ComponentType>;
}

export const ROUTES: PageRoute[] = [
  { path: 'my-learning', title: 'My learning', nav: true, component: lazy(() => import('./learning/MyLearningPage')) },
  { path: 'team', title: 'My team', nav: true, component: lazy(() => import('./learning/TeamPage')) },
  { path: 'reports', title: 'Reports', nav: true, component: lazy(() => import('./reports/ReportsPage')) },
  { path: 'admin', title: 'Administration', nav: true, component: lazy(() => import('./admin/AdminPage')) },
  { path: 'workspace', title: 'Learning Organisation', nav: true, component: lazy(() => import('./workspace/WorkspacePage')) },
  { path: 'hub', title: 'Training hub', nav: true, component: lazy(() => import('./workspace/HubPage')) },
  { path: 'config', title: 'Set up the workspace tab', nav: false, component: lazy(() => import('./workspace/ConfigPage')) },
];

export function routeFor(pathname: string): PageRoute | undefined {
  const segment = pathname.replace(/^\/tab\/?/, '').split('/')[0] ?? '';
  return ROUTES.find((route) => route.path === segment);
}
