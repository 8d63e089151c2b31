import { createServer, type Server } from 'node:net';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveCard, CardAction } from '../../bot/cards/card-types.js';
import { whatsDue } from '../../core/learning/whats-due.js';
import type { PassportCredential } from '../../core/passport/credential.js';
import { signCompact } from '../../core/passport/jws.js';
import { REFUSAL_SENTENCES } from '../../core/passport/passport-messages.js';
import { formatLocalDate } from '../../core/time/local-date.js';
import { ALEX, exchange, MEGAN, messageActivity, submitActivity, type TeamsUser } from '../support/activities.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ADELE, ALEX as ALEX_ID, call, clearRecords, issue, resignedByIssuer, strayKey, tampered } from '../passport/passport-support.js';
import { button, firstCard, words } from './conversation-support.js';

/**
 * The passport in chat, across two deployments (separate storage and keys): A (Avon Vale, ODS AAA01)
 * issues, B (Severn Practice, ODS BBB02) trusts A. Every turn is a real Bot Framework activity over HTTP.
 */
let a: TestApp;
let b: TestApp;
let connector: FakeConnector;
let hanging: Server;
let hangingUrl: string;

const say = (app: TestApp, user: TeamsUser, text: string) => exchange(app.server.url, messageActivity(user, text, connector.serviceUrl));
const press = (app: TestApp, user: TeamsUser, value: Record<string, unknown>) => exchange(app.server.url, submitActivity(user, value, connector.serviceUrl));

function openUrl(card: AdaptiveCard, title: string): string {
  const action = (card.actions ?? []).find((x): x is Extract<CardAction, { type: 'Action.OpenUrl' }> => x.type === 'Action.OpenUrl' && x.title === title);
  if (!action) throw new Error(`no link "${title}" on the card`);
  return action.url;
}

beforeAll(async () => {
  [a, b, connector] = await Promise.all([
    startTestApp({ env: { ORGANISATION_NAME: 'Avon Vale NHS Foundation Trust', PASSPORT_ODS_CODE: 'AAA01' } }),
    startTestApp({ env: { ORGANISATION_NAME: 'Severn Practice', PASSPORT_ODS_CODE: 'BBB02', PASSPORT_FETCH_TIMEOUT_MS: '600' } }),
    startFakeConnector(),
  ]);
  expect((await call(b, ADELE, 'POST', '/api/passport/trust', { issuer: a.server.url, odsCode: 'AAA01', name: 'Avon Vale NHS Foundation Trust' })).status).toBe(201);
  hanging = createServer(() => undefined);
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  hangingUrl = `http://127.0.0.1:${(hanging.address() as { port: number }).port}`;
}, 90_000);

afterAll(async () => {
  hanging?.close();
  await Promise.all([a?.stop(), b?.stop(), connector?.close()]);
});

describe('a learner moves from A to B and brings their passport in chat', () => {
  it('when Alex asks A for "my training passport", presents its link in chat at B, then B transfers it with provenance and what’s due at B counts the items', async () => {
    // Arrange: none of the passports other tests had issued may be reused, so this one is new.
    const before = await a.services.passport.passports.listFor(ALEX_ID);
    for (const p of before.filter((p) => !p.revoked)) await a.services.passport.passports.markRevoked(p.id, { at: new Date().toISOString(), by: ADELE, reason: 'a fresh start for this test' });
    const asked = firstCard(await say(a, ALEX, 'my training passport'));
    const text = words([{ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: asked }] }]);
    expect(text).toContain('Your learning passport');
    expect(text).toContain('signed by Avon Vale NHS Foundation Trust');
    const link = openUrl(asked, 'Open the link');
    expect(link).toMatch(new RegExp(`^${a.server.url}/api/passport/public/p/[0-9a-f-]{36}\\?t=`));
    expect(text).toContain(link); // the link as text, to copy
    const passportId = /\/p\/([0-9a-f-]{36})/.exec(link)![1]!;
    expect(openUrl(asked, 'Get the PDF')).toBe(`${a.server.url}/tab/my-learning?passport=${passportId}`);
    const held = (decodeJwt((await a.services.passport.passports.get(passportId))!.jwt) as unknown as PassportCredential).credentialSubject.learning;
    for (const item of held) expect(text).toContain(`${item.subject} (${item.levelName})`);

    // Asking again (or pressing the button on what's due) shows the same passport: nothing new is minted.
    const due = firstCard(await say(a, ALEX, "what's due"));
    expect(openUrl(firstCard(await press(a, ALEX, button(due, 'Training passport').data)), 'Open the link')).toBe(link);
    expect(openUrl(firstCard(await say(a, ALEX, 'can I have a copy of my training record for my new job')), 'Open the link')).toBe(link);
    expect(await a.services.passport.passports.listFor(ALEX_ID)).toHaveLength(before.length + 1);

    // Share: a card of its own, to forward to a chat.
    const shared = await press(a, ALEX, button(asked, 'Share in a chat').data);
    expect(shared[0]!.text).toContain('Forward the card below');
    expect(words(shared)).toContain('Learning passport: Alex Wilber');
    expect(openUrl(firstCard(shared), 'Open the passport link')).toBe(link);

    await clearRecords(b, ALEX_ID);
    const answer = words(await say(b, ALEX, `here is my passport from my last trust: ${link}`));
    expect(answer).toContain('Learning transferred');
    expect(answer).toContain(`from Avon Vale NHS Foundation Trust (ODS AAA01) now count here, verified automatically`);
    expect(answer).toContain(`Learning passport ${passportId.slice(0, 8)} from Avon Vale NHS Foundation Trust (ODS AAA01), verified on ${formatLocalDate(b.today)}`);
    expect(answer).not.toContain('What was checked'); // everything passed

    const after = await whatsDue(b.services.learning, ALEX_ID);
    if (after.kind !== 'ok') throw new Error('Alex is not at B');
    const transferred = after.compliance.items.filter((i) => i.record?.provenance?.passportId === passportId);
    expect(transferred.length).toBeGreaterThan(0);
    expect(transferred.every((i) => i.compliant)).toBe(true);
    const dueAtB = words(await say(b, ALEX, "what's due"));
    expect(dueAtB).toContain(`${after.compliance.summary.compliant} of ${after.compliance.summary.required} in date`);
    expect(dueAtB).toContain(`Learning passport ${passportId.slice(0, 8)} from Avon Vale NHS Foundation Trust (ODS AAA01), verified on ${formatLocalDate(b.today)}`);

    // The same link again: already recorded, nothing changes.
    const records = JSON.stringify((await b.services.staff.getBundle(ALEX_ID))!.records);
    expect(words(await say(b, ALEX, link))).toContain('Already recorded');
    expect(JSON.stringify((await b.services.staff.getBundle(ALEX_ID))!.records)).toBe(records);
  });

  it('when Alex asks for a passport of only some subjects, then it holds only those, and the PDF link opens the tab at it', async () => {
    const card = firstCard(await say(a, ALEX, 'can I have a passport for my fire safety and IG'));
    const link = openUrl(card, 'Open the link');
    const id = /\/p\/([0-9a-f-]{36})/.exec(link)![1]!;
    const subjects = new Set((decodeJwt((await a.services.passport.passports.get(id))!.jwt) as unknown as PassportCredential).credentialSubject.learning.map((i) => i.subjectId));
    expect([...subjects].every((s) => s === 'fire-safety' || s === 'ig')).toBe(true);
  });

  it('when B presents its own passport at A, which does not trust B, then it waits for learning and development, with every check in plain words', async () => {
    const atB = await issue(b, ALEX_ID);
    const answer = words(await say(a, ALEX, atB.link));
    expect(answer).toContain('Waiting for learning and development');
    expect(answer).toContain('not on our trust list');
    expect(answer).toContain('What was checked');
    expect(answer).toContain("Trust list\nFailed: Severn Practice");
    expect(answer).toContain('Signature\nPassed');
    expect(answer).toContain('waiting for learning and development to verify it');
    const pending = (await a.services.staff.getBundle(ALEX_ID))!.records.filter((r) => r.provenance?.passportId === atB.id);
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((r) => r.verification.state === 'pending')).toBe(true);
  });
});

describe('bad passports in chat: a clear answer each, and nothing changes', () => {
  async function expectNothingChanged(user: TeamsUser, staffId: string, text: string, ...expected: string[]): Promise<AdaptiveCard> {
    const records = JSON.stringify((await b.services.staff.getBundle(staffId))!.records);
    const auditSeq = (await b.services.auditLog.head()).seq;
    const queue = (await b.services.evidence.pending()).length;
    const replies = await say(b, user, text);
    const answer = words(replies);
    for (const sentence of expected) expect(answer).toContain(sentence);
    expect(JSON.stringify((await b.services.staff.getBundle(staffId))!.records)).toBe(records);
    expect((await b.services.auditLog.head()).seq).toBe(auditSeq);
    expect((await b.services.evidence.pending()).length).toBe(queue);
    return firstCard(replies);
  }

  it('when the passport pasted was changed after signing, has expired, or is someone else’s, then each is refused with its reason', async () => {
    const passport = await issue(a);
    const forged = tampered(passport.jwt, (c) => ({ ...c, credentialSubject: { ...c.credentialSubject, learning: c.credentialSubject.learning.map((l) => ({ ...l, expiresOn: '2035-01-01' as never })) } }));
    await expectNothingChanged(ALEX, ALEX_ID, forged, 'Passport not accepted', REFUSAL_SENTENCES['bad-signature'], 'Nothing was recorded.', 'Signature\nFailed');
    const old = await resignedByIssuer(a, passport.jwt, (c) => ({ ...c, validUntil: '2026-01-01T00:00:00.000Z', exp: Date.parse('2026-01-01T00:00:00.000Z') / 1000 }));
    await expectNothingChanged(ALEX, ALEX_ID, `my passport: ${old}`, REFUSAL_SENTENCES.expired, 'Nothing was recorded.');
    await expectNothingChanged(MEGAN, 'E9000021', `here's my passport ${passport.link}`, REFUSAL_SENTENCES['someone-else'], 'Nothing was recorded.', 'Identity\nFailed');
  });

  it('when a link that is not a passport is pasted, or one the issuer does not know, then each is refused without effect', async () => {
    await expectNothingChanged(ALEX, ALEX_ID, 'here is my passport https://example.com/my-passport.pdf', REFUSAL_SENTENCES['not-a-passport'], 'Nothing was recorded.');
    await expectNothingChanged(ALEX, ALEX_ID, `${a.server.url}/api/passport/public/p/00000000-0000-4000-8000-000000000000?t=${'x'.repeat(32)}`, REFUSAL_SENTENCES['link-not-found']);
    // A passport B issued itself is not evidence to bring to B.
    const own = await issue(b, ALEX_ID);
    await expectNothingChanged(ALEX, ALEX_ID, own.link, REFUSAL_SENTENCES['issued-here']);
  });

  it('when A has revoked the passport, then B refuses it and says it was revoked', async () => {
    const passport = await issue(a);
    expect((await call(a, ADELE, 'POST', `/api/passport/${passport.id}/revoke`, { reason: 'fire safety record corrected' })).status).toBe(200);
    await expectNothingChanged(ALEX, ALEX_ID, passport.link, REFUSAL_SENTENCES.revoked, 'Nothing was recorded.', 'Revocation\nFailed');
  });

  it('when the issuer does not answer, then "try again" is a button, and pressing it checks again, still recording nothing', async () => {
    const passport = await issue(a);
    const elsewhere = await signCompact(
      { ...(decodeJwt(passport.jwt) as unknown as PassportCredential), issuer: { id: hangingUrl, name: 'Slow Trust', odsCode: 'SLO01' }, iss: hangingUrl, credentialStatus: { id: `${hangingUrl}/api/passport/public/status/1#5`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '5', statusListCredential: `${hangingUrl}/api/passport/public/status/1` } },
      await strayKey(),
    );
    const card = await expectNothingChanged(ALEX, ALEX_ID, elsewhere, 'The issuing organisation could not be reached', 'Try again in a few minutes.');
    const retry = button(card, 'Try again');
    expect(retry.data).toEqual({ verb: 'passport-retry', text: elsewhere });
    const records = JSON.stringify((await b.services.staff.getBundle(ALEX_ID))!.records);
    expect(words(await press(b, ALEX, retry.data))).toContain('The issuing organisation could not be reached');
    expect(JSON.stringify((await b.services.staff.getBundle(ALEX_ID))!.records)).toBe(records);
  });

  it('when a card sends someone else’s passport id to share, or a forged retry, then it is refused', async () => {
    const megans = await issue(b, 'E9000021');
    expect(words(await press(b, ALEX, { verb: 'passport-share', passportId: megans.id }))).toContain('No such passport of yours');
    expect(words(await press(b, ALEX, { verb: 'passport-retry', text: '' }))).toContain('Some of the form was not right');
  });
});
