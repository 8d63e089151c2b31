import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALEX, messageActivity, postActivity } from '../support/activities.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The bot's front door in production, with the channel's key server played locally (the same
 * settings a sovereign cloud uses): a token Microsoft's channel would send is accepted; an expired,
 * forged, mis-addressed or unsigned one gets 401 and nothing is processed.
 */
const APP_ID = '6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';
const ISSUER = 'https://api.botframework.test';

let keyServer: Server;
let baseUrl: string;
let channelKey: { privateKey: CryptoKey; jwk: JWK };
let strangerKey: { privateKey: CryptoKey };
let app: TestApp;
let connector: FakeConnector;

const now = () => Math.floor(Date.now() / 1000);

function token(key: CryptoKey, claims: { exp?: number; nbf?: number; aud?: string; iss?: string; serviceurl?: string } = {}, kid = 'channel-1'): Promise<string> {
  return new SignJWT({ serviceurl: claims.serviceurl ?? connector.serviceUrl })
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
    .setIssuer(claims.iss ?? ISSUER)
    .setAudience(claims.aud ?? APP_ID)
    .setIssuedAt(now() - 60)
    .setNotBefore(claims.nbf ?? now() - 60)
    .setExpirationTime(claims.exp ?? now() + 3600)
    .sign(key);
}

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  channelKey = { privateKey: pair.privateKey, jwk: { ...(await exportJWK(pair.publicKey)), kid: 'channel-1', alg: 'RS256', use: 'sig' } };
  strangerKey = { privateKey: (await generateKeyPair('RS256')).privateKey };
  keyServer = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    if (req.url === '/openid') res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${baseUrl}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    else res.end(JSON.stringify({ keys: [{ ...channelKey.jwk, endorsements: ['msteams'] }] }));
  });
  await new Promise<void>((resolve) => keyServer.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(keyServer.address() as AddressInfo).port}`;
  connector = await startFakeConnector();
  app = await startTestApp({
    env: {
      APP_MODE: 'production',
      HOST: '127.0.0.1',
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'test-secret',
      TAB_SSO_TENANTS: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      BOT_OPENID_METADATA_URL: `${baseUrl}/openid`,
      BOT_TOKEN_ISSUER: ISSUER,
    },
  });
});

afterAll(async () => {
  await app?.stop();
  await connector?.close();
  await new Promise((resolve) => keyServer?.close(resolve));
});

const send = (authorization: string) => postActivity(app.server.url, { ...messageActivity(ALEX, "what's due", connector.serviceUrl), deliveryMode: 'expectReplies' }, { authorization });

describe('Bot Framework tokens on a production server', () => {
  it('when the channel sends a well-signed, current token for this bot, then the turn runs', async () => {
    const response = await send(`Bearer ${await token(channelKey.privateKey)}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { activities?: unknown[] };
    expect(body.activities?.length).toBeGreaterThan(0);
  });

  it.each([
    ['expired', () => token(channelKey.privateKey, { exp: now() - 600, nbf: now() - 4000 })],
    ['not yet valid', () => token(channelKey.privateKey, { nbf: now() + 3600 })],
    ['for another bot', () => token(channelKey.privateKey, { aud: '0b1f2a3c-4d5e-4f60-8172-93a4b5c6d7e8' })],
    ['from another issuer', () => token(channelKey.privateKey, { iss: 'https://evil.example.com' })],
    ['forged with a key the channel never published', () => token(strangerKey.privateKey)],
    ['forged with an unpublished key claiming the published kid', () => token(strangerKey.privateKey, {}, 'channel-1')],
    ['for another service URL', () => token(channelKey.privateKey, { serviceurl: 'https://evil.example.com/' })],
  ])('when the token is %s, then it gets 401 and nothing is processed', async (_what, make) => {
    const before = connector.messages.length;
    const response = await send(`Bearer ${await make()}`);
    expect(response.status).toBe(401);
    expect(connector.messages.length).toBe(before);
  });

  it('when the token is unsigned (alg none), then it gets 401', async () => {
    const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ iss: ISSUER, aud: APP_ID, exp: now() + 3600, serviceurl: connector.serviceUrl })}.`;
    expect((await send(`Bearer ${unsigned}`)).status).toBe(401);
  });
});
