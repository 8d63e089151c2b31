import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ staff: 10 });
});

afterAll(async () => {
  await app?.stop();
});

describe('per-user rate limiting on the tab API', () => {
  it('when one person fires far more requests than a browser would, then the excess gets 429 with a way forward, and others are served as usual', async () => {
    const burst = await Promise.all(
      Array.from({ length: 150 }, () => fetch(`${app.server.url}/api/me`, { headers: { authorization: 'Bearer dev:E9000020' } }).then(async (r) => ({ status: r.status, body: await r.json() }))),
    );
    const limited = burst.filter((r) => r.status === 429);
    expect(burst.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(60);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.body).toEqual({ error: { code: 'rate-limited', message: expect.stringMatching(/wait a moment/) } });
    // Someone else is not held back by Alex's burst.
    expect((await fetch(`${app.server.url}/api/me`, { headers: { authorization: 'Bearer dev:E9000021' } })).status).toBe(200);
    // And Alex is served again once the bucket refills.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await fetch(`${app.server.url}/api/me`, { headers: { authorization: 'Bearer dev:E9000020' } })).status).toBe(200);
  });
});
