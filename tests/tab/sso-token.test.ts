import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRA_ISSUERS, SsoTokenValidator } from '../../tab/api/sso-token.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { localDate } from '../../core/time/local-date.js';
import { AUDIENCE, CLIENT_ID, makeKeys, mintToken, nowSeconds as now, OTHER_TENANT, productionSsoEnv, startKeyServer, TENANT, type KeyServer, type SigningKeys as Keys } from '../support/entra-tokens.js';

const OID = '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a';

let keyServer: KeyServer;
let jwksUrl: string;
let current: Keys;
let stranger: Keys;

const mint = (keys: Keys, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}) =>
  mintToken(keys, { oid: OID, preferred_username: 'sam.sso@example.nhs.uk', name: 'Sam Sso', ...claims }, header);

function unsigned(payload: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`;
}

function validator(): SsoTokenValidator {
  return new SsoTokenValidator({ audiences: [AUDIENCE, CLIENT_ID], allowedTenants: [TENANT], jwksUrl, issuerTemplates: ENTRA_ISSUERS, clockToleranceSeconds: 120 });
}

beforeAll(async () => {
  current = await makeKeys('key-1');
  stranger = await makeKeys('stranger');
  keyServer = await startKeyServer([current.jwk]);
  jwksUrl = keyServer.url;
});

afterAll(async () => {
  await keyServer.close();
});

describe('Teams SSO tokens for the tab API (jose, local JWKS)', () => {
  it('when the token is well signed, for this audience and tenant, and in date, then the caller is known by object id', async () => {
    const result = await validator().validate(await mint(current));
    expect(result).toEqual({ ok: true, identity: { aadObjectId: OID, tenantId: TENANT, upn: 'sam.sso@example.nhs.uk', name: 'Sam Sso' } });
    expect((await validator().validate(await mint(current, { aud: CLIENT_ID }))).ok).toBe(true);
  });

  it.each([
    ['expired', () => mint(current, { exp: now() - 600, iat: now() - 4000, nbf: now() - 4000 })],
    ['not yet valid', () => mint(current, { nbf: now() + 600, iat: now() })],
    ['for another audience', () => mint(current, { aud: 'api://someone-else/abc' })],
    ['from another issuer', () => mint(current, { iss: 'https://evil.example.com/v2.0' })],
    ['from a tenant that is not allowed', () => mint(current, { tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })],
    ['signed by a key that is not published', () => mint(stranger, {}, { kid: 'stranger' })],
    ['signed by an unpublished key claiming a published kid', () => mint(stranger, {}, { kid: 'key-1' })],
    ['unsigned (alg none)', async () => unsigned({ tid: TENANT, oid: OID, aud: AUDIENCE, iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, exp: now() + 3600 })],
    [
      'tampered after signing',
      async () => {
        const [header, payload, signature] = (await mint(current)).split('.');
        const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
        claims.oid = '99999999-9999-4999-8999-999999999999';
        return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
      },
    ],
    ['without an object id', () => mint(current, { oid: undefined })],
    ['garbage', async () => 'not.a.token'],
  ])('when the token is %s, then it is refused', async (_name, make) => {
    expect((await validator().validate(await make())).ok).toBe(false);
  });

  it('when the tenant rotates its keys, then the same validator refetches the key set once and accepts the new key', async () => {
    const v = new SsoTokenValidator({ audiences: [AUDIENCE], allowedTenants: [TENANT], jwksUrl, issuerTemplates: ENTRA_ISSUERS, clockToleranceSeconds: 120, jwksCooldownMs: 0 });
    expect((await v.validate(await mint(current))).ok).toBe(true);
    const rotated = await makeKeys('key-2');
    keyServer.published = [current.jwk, rotated.jwk];
    const before = keyServer.requests();
    expect((await v.validate(await mint(rotated))).ok).toBe(true);
    expect(keyServer.requests()).toBe(before + 1);
    expect((await v.validate(await mint(rotated))).ok).toBe(true);
    expect(keyServer.requests()).toBe(before + 1);
    keyServer.published = [current.jwk];
  });

  it('when many tokens are validated, then the key set is fetched once and cached', async () => {
    const v = validator();
    const before = keyServer.requests();
    for (let i = 0; i < 20; i++) expect((await v.validate(await mint(current))).ok).toBe(true);
    expect(keyServer.requests() - before).toBe(1);
  });
});

describe('the tab API in production', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: productionSsoEnv(jwksUrl) });
    const person = {
      id: 'E7000001',
      name: 'Sam Sso',
      email: 'sam.sso@example.nhs.uk',
      aadObjectId: OID,
      staffGroup: 'Administrative and Clerical',
      category: 'employee' as const,
      orgUnit: 'Severn Vale PCN / Oakfield Surgery',
      startDate: localDate('2020-01-06'),
      roles: [{ roleId: 'receptionist', start: localDate('2020-01-06') }],
      managerIds: [],
      absences: [],
    };
    await app.services.staff.savePerson(person);
    await app.services.directory.index(person);
  });

  afterAll(async () => {
    await app?.stop();
  });

  const me = (authorization?: string) => fetch(`${app.server.url}/api/me`, { headers: authorization ? { authorization } : {} });

  it('when a valid SSO token is sent, then the API answers as the stored person with that object id', async () => {
    const response = await me(`Bearer ${await mint(current)}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ staffId: 'E7000001', name: 'Sam Sso', via: 'sso' });
  });

  it('when an expired, foreign, unsigned or tampered token is sent, or none, then the answer is 401 and says nothing about why', async () => {
    const tokens = [
      await mint(current, { exp: now() - 600, iat: now() - 4000, nbf: now() - 4000 }),
      await mint(current, { aud: 'api://other' }),
      await mint(stranger, {}, { kid: 'key-1' }),
      unsigned({ tid: TENANT, oid: OID, aud: AUDIENCE, exp: now() + 3600 }),
    ];
    for (const token of tokens) {
      const response = await me(`Bearer ${token}`);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    }
    expect((await me()).status).toBe(401);
  });

  it('when a development identity is tried against a production server, then it is refused', async () => {
    expect((await me('Bearer dev:E9000020')).status).toBe(401);
    expect((await fetch(`${app.server.url}/api/dev/people`)).status).toBe(403);
  });

  it('when a valid token belongs to nobody in the staff records, then the answer is 403 with a way forward', async () => {
    const response = await me(`Bearer ${await mint(current, { oid: '12345678-1234-4234-8234-123456789012', preferred_username: 'nobody@example.nhs.uk' })}`);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not-registered');
  });
});
