import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALEX, messageActivity, postActivity } from '../support/activities.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('a production-configured bot fails closed', () => {
  let app: TestApp;
  let connector: FakeConnector;

  beforeAll(async () => {
    connector = await startFakeConnector();
    app = await startTestApp({
      env: {
        APP_MODE: 'production',
        HOST: '127.0.0.1',
        MICROSOFT_APP_ID: '6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9',
        MICROSOFT_APP_PASSWORD: 'test-secret',
        TAB_SSO_TENANTS: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      },
    });
  });

  afterAll(async () => {
    await app?.stop();
    await connector?.close();
  });

  it('when an activity comes without an Authorization header, then it gets 401 and no reply is sent', async () => {
    const response = await postActivity(app.server.url, messageActivity(ALEX, "what's due", connector.serviceUrl));
    expect(response.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(connector.messages).toHaveLength(0);
  });

  it('when the bearer token is not a signed Bot Framework token, then it gets 401 and no reply is sent', async () => {
    const response = await postActivity(app.server.url, messageActivity(ALEX, "what's due", connector.serviceUrl), {
      authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiI2ZjFlMmQzYyJ9.',
    });
    expect(response.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(connector.messages).toHaveLength(0);
  });
});
