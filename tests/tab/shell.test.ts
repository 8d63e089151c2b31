import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { contextAs, launchBrowser, openTab, seriousAxeViolations } from '../support/browser.js';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the tab shell', () => {
  it('when the API is called without a token, with a malformed one or as an unknown demo person, then it answers 401 and says nothing more', async () => {
    for (const authorization of [undefined, 'Basic abc', 'Bearer dev:NOBODY', 'Bearer not-a-token']) {
      const response = await fetch(`${app.server.url}/api/me`, { headers: authorization ? { authorization } : {} });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
  });

  it('when a demo person calls /api/me in development mode, then the server answers from their stored record', async () => {
    const response = await fetch(`${app.server.url}/api/me`, { headers: { authorization: 'Bearer dev:E9000021' } });
    expect(response.status).toBe(200);
    const me = (await response.json()) as { name: string; manages: number; via: string };
    expect(me).toMatchObject({ name: 'Megan Bowen', via: 'development' });
    expect(me.manages).toBeGreaterThan(0);
  });

  it('when a page is served, then it carries the security headers and frame-ancestors allows only Teams and Microsoft 365', async () => {
    const response = await fetch(`${app.server.url}/tab/my-learning`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const html = await response.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('when a path tries to climb out of the build folder, then the page is served instead of the file', async () => {
    const response = await fetch(`${app.server.url}/tab/..%2f..%2fpackage.json`);
    expect(await response.text()).not.toContain('"dependencies"');
  });

  it('when opened outside Teams without a person, then the picker is shown at once (no teams-js wait), and choosing someone signs them in', async () => {
    const context = await contextAs(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const started = Date.now();
    await page.goto(`${app.server.url}/tab/my-learning`);
    await page.getByRole('heading', { name: /choose a demo person/i }).waitFor();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Continue as Megan Bowen' }).click();
    await page.getByText('Development mode: you are').waitFor();
    await expect(page.getByText('Megan Bowen', { exact: true }).first().isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('when framed by a page that is not Teams, then it gives up on teams-js within seconds and runs standalone', async () => {
    const context = await contextAs(browser);
    const page = await context.newPage();
    await page.goto(`${app.server.url}/healthz`);
    const started = Date.now();
    await page.setContent(`<iframe title="tab" src="${app.server.url}/tab/my-learning?as=E9000020" style="width:1000px;height:700px"></iframe>`);
    const frame = page.frameLocator('iframe');
    await frame.getByText('Development mode: you are').waitFor({ timeout: 15_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    await context.close();
  });

  it('when the theme is dark or high contrast, then the Fluent theme follows', async () => {
    const context = await contextAs(browser);
    const page = await context.newPage();
    for (const theme of ['dark', 'contrast'] as const) {
      await openTab(page, app.server.url, 'my-learning', 'E9000020', { theme });
      await page.getByText('Development mode: you are').waitFor();
      expect(await page.locator('[data-theme]').first().getAttribute('data-theme')).toBe(theme);
      expect(await seriousAxeViolations(page)).toEqual([]);
    }
    await context.close();
  });
});
