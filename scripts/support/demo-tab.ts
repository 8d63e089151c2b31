import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateOrganisation } from '../../core/demo/generate-organisation.js';
import { seedOrganisation } from '../../core/demo/seed-store.js';
import { fixedClock } from '../../core/time/clock.js';
import { localDate } from '../../core/time/local-date.js';
import { startApp, type RunningApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { startAzurite } from '../../server/dev/azurite.js';
import { createLogger } from '../../server/logger.js';

export const DEMO_TODAY = localDate('2026-11-21');
export const PEOPLE = { alex: 'E9000020', megan: 'E9000021', adele: 'E9000022', nestor: 'E9000026' } as const;

/** The project's folder, whether this runs from source (scripts/support) or compiled (dist/scripts/support). */
export function projectRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return here.endsWith(`${sep}${join('dist', 'scripts', 'support')}`) ? resolve(here, '../../..') : resolve(here, '../..');
}

export interface DemoTab {
  url: string;
  app: RunningApp;
  /** The demo PCN's application, for the workspace page. */
  workspaceId: string;
  stop(): Promise<void>;
}

/** The built tab (dist/tab-web from `npm run build`) on the real server, a demo organisation seeded, on a private in-memory Azurite. */
export async function startDemoTab(options: { staff?: number; tabWebDir?: string } = {}): Promise<DemoTab> {
  const azurite = await startAzurite();
  const tabWebDir = options.tabWebDir ?? join(projectRoot(), 'dist', 'tab-web');
  const config = loadConfig({ STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: 'demotab', PORT: '0', LOG_LEVEL: 'silent', REMINDER_SCHEDULE: 'off', REMINDER_WORKERS: '0', TAB_WEB_DIR: tabWebDir });
  const app = await startApp(config, createLogger('silent'), { clock: fixedClock(`${DEMO_TODAY}T12:00:00Z`) });
  await seedOrganisation(app.services, generateOrganisation({ staff: options.staff ?? 200, today: DEMO_TODAY }), { today: DEMO_TODAY, rules: config.rules });
  const call = (staffId: string, method: string, path: string, body?: unknown) =>
    fetch(`${app.server.url}${path}`, { method, headers: { authorization: `Bearer dev:${staffId}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  // Something for Megan to decide, as in the demo script.
  await call(PEOPLE.alex, 'POST', '/api/learning/me/extensions', { subjectId: 'ig', requestedDate: '2027-01-20', reason: 'Annual leave over Christmas' });
  const list = (await (await call(PEOPLE.alex, 'GET', '/api/workspaces')).json()) as { applications: { id: string }[] };
  return {
    url: app.server.url,
    app,
    workspaceId: list.applications[0]?.id ?? '',
    stop: async () => {
      await app.stop();
      await azurite.stop();
    },
  };
}
