import type { AdaptiveCard } from '../../bot/cards/card-types.js';
import { decodeJwt, importJWK, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CARD_BYTES, cardBytes } from '../../bot/cards/card-types.js';
import { issuePassport } from '../../core/passport/issue-passport.js';
import { decodeStatusList, statusBit } from '../../core/passport/status-list.js';
import { expectValidCard } from '../support/card-validator.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ADELE, ALEX, call, clearRecords, issue, present } from './passport-support.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ env: { PASSPORT_ODS_CODE: 'AAA01' } });
});
afterAll(async () => {
  await app?.stop();
});

describe('the public routes other organisations call', () => {
  it('when the JWKS is fetched, then it lists public EC keys only, as a JWK set', async () => {
    await issue(app);
    const response = await fetch(`${app.server.url}/.well-known/jwks.json`);
    expect(response.headers.get('content-type')).toBe('application/jwk-set+json');
    const jwks = (await response.json()) as { keys: Record<string, string>[] };
    expect(jwks.keys.length).toBeGreaterThan(0);
    for (const key of jwks.keys) {
      expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
      expect(key).not.toHaveProperty('d');
    }
  });

  it("when a passport's status list is fetched, then it is a signed Bitstring Status List in which the passport's entry is not set", async () => {
    const passport = await issue(app);
    const status = (decodeJwt(passport.jwt) as { credentialStatus: { statusListCredential: string; statusListIndex: string } }).credentialStatus;
    const response = await fetch(status.statusListCredential);
    expect(response.headers.get('content-type')).toBe('application/vc+jwt');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const jwt = await response.text();
    const jwks = (await (await fetch(`${app.server.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    const kid = JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString()).kid as string;
    const { payload } = await jwtVerify(jwt, await importJWK(jwks.keys.find((k) => k.kid === kid)!, 'ES256'), { currentDate: app.services.clock.now() });
    const bits = decodeStatusList((payload as { credentialSubject: { encodedList: string } }).credentialSubject.encodedList);
    if (!bits.ok) throw new Error(bits.reason);
    expect(statusBit(bits.bytes, Number(status.statusListIndex))).toBe(0);
    expect((await fetch(`${app.server.url}/api/passport/public/status/999`)).status).toBe(404);
  });

  it("when the link is opened with a wrong or missing secret, then it answers 404 as for a passport that does not exist", async () => {
    const passport = await issue(app);
    const url = new URL(passport.link);
    expect((await fetch(url)).status).toBe(200);
    url.searchParams.set('t', 'x'.repeat(32));
    expect((await fetch(url)).status).toBe(404);
    url.searchParams.delete('t');
    expect((await fetch(url)).status).toBe(404);
  });
});

describe('issuing', () => {
  it('when a passport is issued, then its card is a valid Adaptive Card under 28 KB and it is listed in my passports', async () => {
    const passport = await issue(app);
    const card = passport.card as AdaptiveCard;
    expectValidCard(card);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    expect(passport.qrPng).toMatch(/^data:image\/png;base64,/);
    const mine = await call<{ passports: { id: string; link: string }[] }>(app, ALEX, 'GET', '/api/passport/mine');
    expect(mine.body.passports.find((p) => p.id === passport.id)?.link).toBe(passport.link);
  });

  it('when the learner has nothing in date, then no passport is issued and they are told why', async () => {
    await clearRecords(app, 'E9000023');
    const answer = await call<{ error: { code: string; message: string } }>(app, 'E9000023', 'POST', '/api/passport', {});
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatchObject({ code: 'nothing-in-date' });
  });

  it('when there is no signing key (production without Key Vault), then issuing says what is missing and signs nothing', async () => {
    const result = await issuePassport({ ...app.services, keys: undefined, passports: app.services.passport.passports, statusLists: app.services.passport.statusLists, settings: app.services.passport.settings }, (await app.services.staff.getPerson(ALEX))!);
    expect(result).toEqual({ kind: 'not-set-up', missing: ['signing key'] });
  });

  it("when a learner presents this organisation's own passport here, then it is refused: nothing to bring", async () => {
    const passport = await issue(app);
    const answer = await present(app, ALEX, { text: passport.link });
    expect(answer.body).toMatchObject({ outcome: 'refused', reason: 'issued-here' });
  });
});

describe('the trust list and revocation, for learning and development only', () => {
  it('when L&D add and remove an issuer, then each change is audited; learners may not; bad addresses and ODS codes are refused', async () => {
    const issuer = 'https://learning.other-trust.nhs.uk';
    expect((await call(app, ALEX, 'POST', '/api/passport/trust', { issuer, odsCode: 'RVJ', name: 'Other Trust' })).status).toBe(403);
    expect((await call(app, ALEX, 'GET', '/api/passport/trust')).status).toBe(403);
    expect((await call(app, ADELE, 'POST', '/api/passport/trust', { issuer: 'http://learning.other-trust.nhs.uk', odsCode: 'RVJ', name: 'Other Trust' })).status).toBe(400);
    expect((await call(app, ADELE, 'POST', '/api/passport/trust', { issuer: `${issuer}/some/path`, odsCode: 'RVJ', name: 'Other Trust' })).status).toBe(400);
    expect((await call(app, ADELE, 'POST', '/api/passport/trust', { issuer, odsCode: 'r v j', name: 'Other Trust' })).status).toBe(400);
    const seq = (await app.services.auditLog.head()).seq;

    expect((await call(app, ADELE, 'POST', '/api/passport/trust', { issuer, odsCode: 'rvj', name: 'Other Trust' })).status).toBe(201);
    expect((await call(app, ADELE, 'POST', '/api/passport/trust', { issuer, odsCode: 'RVJ', name: 'Other Trust' })).status).toBe(409);
    const list = await call<{ entries: { issuer: string; odsCode: string }[] }>(app, ADELE, 'GET', '/api/passport/trust');
    expect(list.body.entries).toEqual([expect.objectContaining({ issuer, odsCode: 'RVJ', addedBy: ADELE })]);
    expect((await call(app, ADELE, 'DELETE', `/api/passport/trust?issuer=${encodeURIComponent(issuer)}`)).status).toBe(200);
    expect((await call(app, ADELE, 'DELETE', `/api/passport/trust?issuer=${encodeURIComponent(issuer)}`)).status).toBe(404);

    const audit = await app.services.auditLog.list({ fromSeq: seq + 1 });
    expect(audit.map((e) => `${e.actorId} ${e.action} ${e.target}`)).toEqual([`${ADELE} passport.issuer-trusted ${issuer}`, `${ADELE} passport.issuer-distrusted ${issuer}`]);
  });

  it("when L&D list a learner's passports and revoke one, then a reason is required and the learner may neither list nor revoke", async () => {
    const passport = await issue(app);
    expect((await call(app, ALEX, 'GET', `/api/passport/issued/${ALEX}`)).status).toBe(403);
    const listed = await call<{ passports: { id: string }[] }>(app, ADELE, 'GET', `/api/passport/issued/${ALEX}`);
    expect(listed.body.passports.map((p) => p.id)).toContain(passport.id);
    expect((await call(app, ADELE, 'POST', `/api/passport/${passport.id}/revoke`, { reason: '' })).status).toBe(422);
    const revoked = await call<{ passport: { revoked?: { reason: string } } }>(app, ADELE, 'POST', `/api/passport/${passport.id}/revoke`, { reason: 'record corrected' });
    expect(revoked.body.passport.revoked?.reason).toBe('record corrected');
    const audit = await app.services.auditLog.list();
    expect(audit.some((e) => e.action === 'passport.revoked' && e.actorId === ADELE && e.target === ALEX)).toBe(true);
  });
});
