import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextAs, launchBrowser, openTab, seriousAxeViolations } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ADELE, ALEX, call, clearRecords, issue } from '../passport/passport-support.js';

/**
 * Learning and development's Passports section in a real browser, across two deployments: at B the
 * trust list (add, remove after confirming) and presenting A's passport on Alex's behalf; at A revoking
 * one A issued. At 1280 px and at 400 px.
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
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([a?.stop(), b?.stop()]);
});

const axe = async (page: Page) => expect(await seriousAxeViolations(page)).toEqual([]);

async function openPassports(page: Page, app: TestApp): Promise<void> {
  await openTab(page, app.server.url, 'admin', ADELE);
  await page.getByRole('tablist', { name: 'Administration sections' }).waitFor();
  // On a phone the sections that do not fit are in the "More" menu.
  if ((page.viewportSize()?.width ?? 1280) < 600) {
    await page.getByRole('tab', { name: /more sections/ }).click();
    await page.getByRole('menuitem', { name: 'Passports' }).click();
  } else {
    await page.getByRole('tab', { name: 'Passports' }).click();
  }
  await page.getByRole('heading', { name: 'Trust list' }).waitFor();
}

async function findAlex(page: Page, finder: string): Promise<void> {
  const search = page.getByRole('search', { name: finder });
  await search.getByRole('textbox').fill('Alex Wilber');
  await search.getByRole('button', { name: 'Find' }).click();
  await page.getByRole('list', { name: `${finder}: people found` }).getByRole('button', { name: /^Alex Wilber \(E9000020\)/ }).click();
}

describe('the Passports section of administration', () => {
  it('when Adele at B trusts A, presents A’s passport for Alex, removes A after confirming, and presents again, then it is transferred, then queued with the failed check', async () => {
    const passport = await issue(a, ALEX);
    await clearRecords(b, ALEX);
    const context = await contextAs(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize({ width: 1280, height: 900 });
    await openPassports(page, b);
    await page.getByText('Nobody is on the trust list yet.').waitFor();
    await axe(page);

    const add = page.getByRole('form', { name: 'Add an issuer to the trust list' });
    await add.getByLabel('Issuer address').fill(a.server.url);
    await add.getByLabel('ODS code').fill('aaa01');
    await add.getByLabel('Organisation name').fill('Avon Vale NHS Foundation Trust');
    await add.getByRole('button', { name: 'Add to the trust list' }).click();
    await page.getByRole('status').getByText(/Issuer trusted\. Passports from Avon Vale NHS Foundation Trust .* ODS AAA01/).waitFor();
    await page.getByRole('list', { name: 'Trusted issuers' }).getByText(a.server.url).waitFor();
    expect((await call(b, ADELE, 'GET', '/api/passport/trust')).body.entries).toMatchObject([{ issuer: a.server.url, odsCode: 'AAA01' }]);

    await findAlex(page, 'For whom');
    const onBehalf = page.getByRole('region', { name: 'Present a passport for Alex Wilber' });
    await onBehalf.getByRole('textbox', { name: 'Passport link' }).fill(passport.link);
    await onBehalf.getByRole('button', { name: 'Check the link' }).click();
    await onBehalf.locator('[data-outcome="transferred"]').getByText('Learning transferred').waitFor();
    expect((await b.services.staff.getBundle(ALEX))!.records.filter((r) => r.provenance?.passportId === passport.id && r.verification.state === 'verified').length).toBe(passport.learning.length);
    await axe(page);

    // Removing asks first; "Keep it" changes nothing.
    await page.getByRole('button', { name: 'Remove Avon Vale NHS Foundation Trust from the trust list' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove Avon Vale NHS Foundation Trust from the trust list?' });
    await axe(page);
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    expect((await call(b, ADELE, 'GET', '/api/passport/trust')).body.entries).toHaveLength(1);
    await page.getByRole('button', { name: 'Remove Avon Vale NHS Foundation Trust from the trust list' }).click();
    await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
    await page.getByRole('status').getByText(/Issuer removed/).waitFor();
    await page.getByText('Nobody is on the trust list yet.').waitFor();

    // A fresh passport from A, now untrusted: it waits for L&D, with the failed check shown.
    const second = await issue(a, ALEX);
    await onBehalf.getByRole('textbox', { name: 'Passport link' }).fill(second.link);
    await onBehalf.getByRole('button', { name: 'Check the link' }).click();
    const queued = onBehalf.locator('[data-outcome="queued"]');
    await queued.getByText('Waiting for learning and development', { exact: true }).waitFor();
    await queued.getByText(/Trust list: failed\./).waitFor();
    await queued.getByText(/Signature: passed\./).waitFor();
    await axe(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('when Adele at A revokes a passport A issued, on a 400 px screen, then she confirms with a reason and B refuses it afterwards', async () => {
    expect((await call(b, ADELE, 'POST', '/api/passport/trust', { issuer: a.server.url, odsCode: 'AAA01', name: 'Avon Vale NHS Foundation Trust' })).status).toBeLessThan(410);
    const passport = await issue(a, ALEX);
    const context = await contextAs(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.setViewportSize({ width: 400, height: 800 });
    await openPassports(page, a);
    await findAlex(page, 'Whose passport');
    const list = page.getByRole('list', { name: 'Passports issued to Alex Wilber' });
    const row = list.locator(`li[data-passport="${passport.id}"]`);
    await row.getByRole('button', { name: /^Revoke the passport issued/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke this passport?' });
    await expect(dialog.getByRole('button', { name: 'Revoke it' }).isDisabled()).resolves.toBe(true); // a reason first
    await dialog.getByLabel(/Why it is revoked/).fill('Fire safety record corrected');
    await axe(page);
    await dialog.getByRole('button', { name: 'Revoke it' }).click();
    await page.getByRole('status').getByText(/Passport revoked\./).waitFor();
    await row.getByText(/Revoked on .*: Fire safety record corrected/).waitFor();
    for (const name of ['Trust list', 'Present a passport on a learner’s behalf', 'Revoke a passport we issued']) {
      const section = page.getByRole('region', { name });
      const box = await section.boundingBox();
      expect(box!.x + box!.width, name).toBeLessThanOrEqual(400);
      expect(await section.evaluate((el) => el.scrollWidth <= el.clientWidth), name).toBe(true);
    }
    await axe(page);

    const refused = await call(b, ALEX, 'POST', '/api/passport/present', { text: passport.link });
    expect(refused.body).toMatchObject({ outcome: 'refused', reason: 'revoked' });
    await context.close();
  });
});
