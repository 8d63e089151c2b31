import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

const APP_ID = '6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

describe('configuration', () => {
  it('when nothing is set, then it runs in development mode on loopback against Azurite', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('development');
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3978);
    expect(config.bot).toBeUndefined();
    expect(config.storage.connection).toMatchObject({ kind: 'connection-string' });
    expect(config.rules).toEqual({ dueSoonDays: 30, newStarterWeeks: 12, returnFromAbsenceDays: 28 });
  });

  it('when production has no Microsoft App Id, then start-up stops with a message saying why', () => {
    expect(() => loadConfig({ APP_MODE: 'production', STORAGE_TABLE_URL: 'https://acct.table.core.windows.net' })).toThrow(/MICROSOFT_APP_ID is required in production/);
  });

  it('when development mode is asked to listen beyond loopback, then it is refused', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/loopback only/);
  });

  it('when development mode would run in production (NODE_ENV or App Service), then it is refused', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/cannot run in production/);
    expect(() => loadConfig({ WEBSITE_SITE_NAME: 'ml-prod' })).toThrow(/cannot run in production/);
  });

  it('when several settings are wrong, then every problem is listed at once', () => {
    try {
      loadConfig({ APP_MODE: 'production', MICROSOFT_APP_TYPE: 'SingleTenant', MICROSOFT_APP_ID: APP_ID });
      expect.fail('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toEqual(
        expect.arrayContaining([expect.stringMatching(/MICROSOFT_APP_PASSWORD/), expect.stringMatching(/MICROSOFT_APP_TENANT_ID/), expect.stringMatching(/storage is not configured/)]),
      );
    }
  });

  it('when production does not say whose staff may sign in to the tab, then start-up stops and says so', () => {
    expect(() =>
      loadConfig({ APP_MODE: 'production', MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'secret', STORAGE_TABLE_URL: 'https://acct.table.core.windows.net' }),
    ).toThrow(/TAB_SSO_TENANTS/);
  });

  it('when a value has the wrong shape, then its name is in the message', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ MICROSOFT_APP_ID: 'not-a-guid', APP_MODE: 'production' })).toThrow(/MICROSOFT_APP_ID/);
  });

  it('when production is fully configured with managed identity storage, then it binds all interfaces', () => {
    const config = loadConfig({
      APP_MODE: 'production',
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'secret',
      STORAGE_TABLE_URL: 'https://acct.table.core.windows.net',
      TAB_SSO_TENANTS: TENANT_ID,
    });
    expect(config.host).toBe('0.0.0.0');
    expect(config.sso).toMatchObject({ audiences: [APP_ID], allowedTenants: [TENANT_ID] });
    expect(config.bot).toMatchObject({ appId: APP_ID, appType: 'MultiTenant' });
    expect(config.storage.connection).toEqual({ kind: 'account-url', tableUrl: 'https://acct.table.core.windows.net' });
  });
});
