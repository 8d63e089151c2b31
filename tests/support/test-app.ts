import { generateOrganisation } from '../../core/demo/generate-organisation.js';
import { seedOrganisation } from '../../core/demo/seed-store.js';
import { fixedClock } from '../../core/time/clock.js';
import { localDate, type LocalDate } from '../../core/time/local-date.js';
import { startApp, type RunningApp } from '../../server/app.js';
import { loadConfig, type AppConfig, type Env } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { azuriteConnectionString, uniquePrefix } from './test-store.js';
import { inject } from 'vitest';

export const TEST_TODAY: LocalDate = localDate('2026-11-21');

export interface TestApp extends RunningApp {
  config: AppConfig;
  today: LocalDate;
}

/**
 * The real server, started in-process on a free port in development mode, on the run's Azurite with
 * a table prefix of its own, the clock fixed at noon on TEST_TODAY, and (unless told otherwise) a
 * small seeded organisation that includes the named demo people.
 */
export async function startTestApp(options: { env?: Env; staff?: number; seed?: boolean } = {}): Promise<TestApp> {
  const config = loadConfig({
    STORAGE_CONNECTION_STRING: azuriteConnectionString(),
    TABLE_PREFIX: uniquePrefix(),
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SUPPORT_CONTACT: 'the Learning and Development team (ext. 4321)',
    REMINDER_SCHEDULE: 'off',
    REMINDER_WORKERS: '0',
    // Built only for the browser project; elsewhere the tab's static routes answer 503.
    ...(inject('tabWebDir') ? { TAB_WEB_DIR: inject('tabWebDir') } : {}),
    ...options.env,
  });
  const app = await startApp(config, createLogger(config.logLevel), { clock: fixedClock(`${TEST_TODAY}T12:00:00Z`) });
  if (options.seed !== false) {
    const organisation = generateOrganisation({ staff: options.staff ?? 40, today: TEST_TODAY });
    await seedOrganisation(app.services, organisation, { today: TEST_TODAY, rules: config.rules });
  }
  return { ...app, config, today: TEST_TODAY };
}
