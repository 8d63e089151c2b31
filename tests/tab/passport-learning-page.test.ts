import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLocalDate } from '../../core/time/local-date.js';
import type { MyLearningView } from '../../tab/shared/learning-api.js';
import { contextAs, launchBrowser, openTab, seriousAxeViolations } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ADELE, ALEX, call, clearRecords, MEGAN } from '../passport/passport-support.js';

/**
 * My learning's passport panels in a real browser, across two deployments: Alex issues a passport at
 * A (1280 px), then brings it to B (400 px, a phone held upright), where it is checked and counted.
 */
let a: TestApp;
let b: TestApp;
let browser: Browser;

beforeAll(async () => {
  [a, b, browser] = await Promise.all([
    startTestApp({ env: { ORGANISATION_NAME: 'Avon Vale NHS Foundation Trust', PASSPORT_ODS_CODE: 'AAA01' } }),
    startTestApp({ env: { ORGANISATION_NAME: 'Severn Practice', PASSPORT_ODS_CODE: 'BBB02' } }),
    launchBrowser(),
  ]);
  expect((await call(b, ADELE, 'POST', '/api/passport/trust', { issuer: a.server.url, odsCode: 'AAA01', name: 'Avon Vale NHS Foundation Trust' })).status).toBe(201);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([a?.stop(), b?.stop()]);
});

const axe = async (page: Page) => expect(await seriousAxeViolations(page)).toEqual([]);

/** The panel fits its width: nothing inside it scrolls sideways or sticks out of the viewport. */
async function expectReflowed(page: Page, panel: Locator, width: number): Promise<void> {
  const box = await panel.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
  expect(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
}

describe('the training passport on My learning', () => {
  it('when Alex issues a passport of chosen subjects at A and brings its link to B at 400 px, then B counts it and shows where it came from', async () => {
    const context = await contextAs(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: a.server.url });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize({ width: 1280, height: 900 });
    await openTab(page, a.server.url, 'my-learning', ALEX);

    const panel = page.locator('section#training-passport');
    await panel.getByRole('heading', { name: 'Training passport' }).waitFor();
    const mine = await call<MyLearningView>(a, ALEX, 'GET', '/api/learning/me');
    const chosen = mine.body.items.filter((i) => i.compliant && i.heldRecord).slice(0, 2).map((i) => i.label);
    expect(chosen).toHaveLength(2);
    await panel.getByText('Only the subjects I choose').click();
    for (const label of chosen) await panel.getByRole('checkbox', { name: label, exact: true }).check();
    await axe(page);
    await panel.getByRole('button', { name: 'Issue passport' }).click();
    const shown = panel.getByRole('article', { name: 'Your passport' });
    await shown.getByText('Your learning passport').waitFor();
    const link = await shown.getByLabel('Passport link').inputValue();
    expect(link).toMatch(new RegExp(`^${a.server.url}/api/passport/public/p/[0-9a-f-]{36}\\?t=`));
    await expect(shown.getByRole('img', { name: 'QR code of the passport link' }).getAttribute('src')).resolves.toMatch(/^data:image\/png;base64,/);
    const held = await shown.getByRole('listitem').allTextContents();
    expect(held).toHaveLength(chosen.length);
    for (const label of chosen) expect(held.some((h) => h.startsWith(label.split(' · ')[0]!))).toBe(true);
    await shown.getByRole('button', { name: 'Copy link' }).click();
    await shown.getByText('Link copied.').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(link);
    const [download] = await Promise.all([page.waitForEvent('download'), shown.getByRole('button', { name: 'Download the PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^learning-passport-[0-9a-f]{8}\.pdf$/);
    expect(readFileSync((await download.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    const passportId = /\/p\/([0-9a-f-]{36})/.exec(link)![1]!;
    await panel.getByRole('list', { name: 'Passports issued to you' }).locator(`li[data-passport="${passportId}"]`).waitFor();
    await axe(page);

    // The bot's "Get the PDF" opens My learning at that passport.
    await openTab(page, a.server.url, 'my-learning', ALEX, { passport: passportId });
    await panel.getByText(/Here is the passport issued/).waitFor();
    await panel.locator(`article[data-passport-shown="${passportId}"]`).getByRole('img', { name: 'QR code of the passport link' }).waitFor();

    // At B, on a narrow screen: paste the link.
    await clearRecords(b, ALEX);
    await page.setViewportSize({ width: 400, height: 800 });
    await openTab(page, b.server.url, 'my-learning', ALEX);
    const bring = page.getByRole('region', { name: 'Bring a passport from another organisation' });
    await bring.getByRole('textbox', { name: 'Passport link' }).fill(link);
    await bring.getByRole('button', { name: 'Check the link' }).click();
    const result = bring.locator('[data-outcome="transferred"]');
    await result.getByText('Learning transferred').waitFor();
    const provenance = `Learning passport ${passportId.slice(0, 8)} from Avon Vale NHS Foundation Trust (ODS AAA01), verified on ${formatLocalDate(b.today)}`;
    await result.getByText(provenance).waitFor();
    // On a phone the history is a list of cards; on a desktop a table: the same label either way.
    await page.getByLabel('History of records and certificates', { exact: true }).getByText(provenance).first().waitFor();
    await expectReflowed(page, bring, 400);
    await expectReflowed(page, page.locator('section#training-passport'), 400);
    await axe(page);

    // The same passport as a picture of its QR code: read, verified, already recorded.
    const qr = await fetch(`${a.server.url}/api/passport/${passportId}/qr.png`, { headers: { authorization: `Bearer dev:${ALEX}` } });
    await bring.getByLabel(/Or upload the passport PDF/).setInputFiles({ name: 'passport-qr.png', mimeType: 'image/png', buffer: Buffer.from(await qr.arrayBuffer()) });
    await bring.locator('[data-outcome="transferred"]').getByText('Already recorded', { exact: true }).waitFor();

    // A file that is not a passport: refused, nothing recorded.
    const before = JSON.stringify((await b.services.staff.getBundle(ALEX))!.records);
    await bring.getByLabel(/Or upload the passport PDF/).setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n not really') });
    await bring.locator('[data-outcome="refused"]').getByText('That PDF could not be read').waitFor();
    await bring.getByText('Nothing was recorded.').waitFor();
    expect(JSON.stringify((await b.services.staff.getBundle(ALEX))!.records)).toBe(before);
    await axe(page);

    // Alex's manager at B sees, in the team view, which of Alex's learning came in the passport.
    // On the phone, Alex's entry in the team list opens to his learning.
    await openTab(page, b.server.url, 'team', MEGAN);
    const entry = page.locator(`[data-staff="${ALEX}"]`);
    await entry.getByRole('button').first().click();
    const listed = entry.locator('[data-provenance="passport"]').first();
    await listed.waitFor();
    await expect(listed.getAttribute('title')).resolves.toBe(provenance);
    await axe(page);
    // On a desktop, the matrix marks the same cell.
    await page.setViewportSize({ width: 1280, height: 900 });
    await openTab(page, b.server.url, 'team', MEGAN);
    const marker = page.locator(`tr[data-staff="${ALEX}"] [data-provenance="passport"]`).first();
    await marker.waitFor();
    await expect(marker.getAttribute('title')).resolves.toBe(provenance);
    expect(errors).toEqual([]);
    await context.close();
  });
});
