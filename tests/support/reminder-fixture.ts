import { loadConfig, type AppConfig, type Env } from '../../server/config.js';
import { azuriteConnectionString, uniquePrefix } from './test-store.js';

/** Configuration for reminder tests: always working hours, this run's Azurite and table prefix. */
export function reminderConfig(env: Env = {}): AppConfig {
  return loadConfig({
    STORAGE_CONNECTION_STRING: azuriteConnectionString(),
    TABLE_PREFIX: uniquePrefix(),
    LOG_LEVEL: 'silent',
    REMINDER_SCHEDULE: 'off',
    REMINDER_WORKERS: '0',
    WORKING_HOURS: '00:00-24:00',
    WORKING_DAYS: '0,1,2,3,4,5,6',
    REMINDER_VISIBILITY_SECONDS: '30',
    ...env,
  });
}

export function configEnv(config: AppConfig, env: Env = {}): Env {
  if (config.storage.connection.kind !== 'connection-string') throw new Error('tests use a connection string');
  return {
    STORAGE_CONNECTION_STRING: config.storage.connection.connectionString,
    TABLE_PREFIX: config.storage.tablePrefix,
    LOG_LEVEL: 'silent',
    REMINDER_SCHEDULE: 'off',
    WORKING_HOURS: '00:00-24:00',
    WORKING_DAYS: '0,1,2,3,4,5,6',
    ...env,
  };
}

export { aadOf, conversationIdOf, seedReminderPeople } from '../../scripts/support/reminder-seed.js';
