import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startApp, type RunningApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { fixedClock } from '../../core/time/clock.js';
import { generateOrganisation } from '../../core/demo/generate-organisation.js';
import { seedOrganisation } from '../../core/demo/seed-store.js';
import { ALEX, exchange, messageActivity, STRANGER, submitActivity } from '../support/activities.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { azuriteConnectionString, uniquePrefix } from '../support/test-store.js';
import { TEST_TODAY } from '../support/test-app.js';

/** Logs at info level carry ids and events, never tokens, message text, names or control characters from callers. */
const lines: string[] = [];
let app: RunningApp;
let connector: FakeConnector;

const SECRET_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzZWNyZXQiOiJ0b3Atc2VjcmV0LXRva2VuIn0.c2lnbmF0dXJlLXNlY3JldA';
const PRIVATE_TEXT = 'my diagnosis is confidential-illness-xyz';

beforeAll(async () => {
  connector = await startFakeConnector();
  const config = loadConfig({
    STORAGE_CONNECTION_STRING: azuriteConnectionString(),
    TABLE_PREFIX: uniquePrefix(),
    PORT: '0',
    LOG_LEVEL: 'info',
    REMINDER_SCHEDULE: 'off',
    REMINDER_WORKERS: '0',
    // Built only for the browser project; elsewhere the tab's static routes answer 503.
    ...(inject('tabWebDir') ? { TAB_WEB_DIR: inject('tabWebDir') } : {}),
  });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      callback();
    },
  });
  const clock = fixedClock(`${TEST_TODAY}T12:00:00Z`);
  app = await startApp(config, createLogger('info', sink), { clock });
  await seedOrganisation(app.services, generateOrganisation({ staff: 20, today: TEST_TODAY }), { today: TEST_TODAY, rules: config.rules });
});

afterAll(async () => {
  await app?.stop();
  await connector?.close();
});

describe('log hygiene', () => {
  it('when callers send tokens, private text and control characters, then none of it reaches the info log', async () => {
    await fetch(`${app.server.url}/api/me`, { headers: { authorization: `Bearer ${SECRET_TOKEN}` } });
    await fetch(`${app.server.url}/api/me\u001b[31mred`, { headers: { authorization: `Bearer dev:NOBODY` } });
    await exchange(app.server.url, messageActivity(ALEX, `${PRIVATE_TEXT}\u0007\u001b[2J`, connector.serviceUrl));
    await exchange(app.server.url, messageActivity(STRANGER, PRIVATE_TEXT, connector.serviceUrl));
    await exchange(app.server.url, submitActivity(ALEX, { verb: `evil\u001b[31m${PRIVATE_TEXT}` }, connector.serviceUrl));
    await fetch(`${app.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET_TOKEN}` },
      body: JSON.stringify({ type: 'invoke', name: `x\u0000${PRIVATE_TEXT}`, channelId: 'msteams', serviceUrl: connector.serviceUrl, from: { id: '1' }, recipient: { id: '2' }, conversation: { id: '3' } }),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lines.length).toBeGreaterThan(3);
    const all = lines.join('\n');
    expect(all).not.toContain(SECRET_TOKEN);
    expect(all).not.toContain('top-secret');
    expect(all).not.toContain('confidential-illness');
    expect(all).not.toContain('Alex Wilber');
    // JSON-escaped control characters would show as \u001b etc.
    expect(all).not.toMatch(/\\u00(0[0-9a-f]|1[0-9a-f])/i);
  });
});
