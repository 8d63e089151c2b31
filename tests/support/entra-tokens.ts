import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/** A test's stand-in for Entra ID: signing keys, their published JWKS on loopback, and really signed Teams SSO tokens. */
export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const OTHER_TENANT = '0b1f2a3c-4d5e-4f60-8172-93a4b5c6d7e8';
export const CLIENT_ID = '6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';
export const AUDIENCE = `api://tab.example.nhs.uk/${CLIENT_ID}`;

export interface SigningKeys {
  privateKey: CryptoKey;
  jwk: JWK;
}

export async function makeKeys(kid: string): Promise<SigningKeys> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A Teams SSO access token as Entra ID issues it (v2 by default), signed with `keys`; any claim can be overridden. */
export function mintToken(keys: SigningKeys, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}): Promise<string> {
  const body = { tid: TENANT, ver: '2.0', ...claims };
  return new SignJWT(body)
    .setProtectedHeader({ alg: 'RS256', kid: keys.jwk.kid!, typ: 'JWT', ...header })
    .setIssuer((claims.iss as string | undefined) ?? `https://login.microsoftonline.com/${TENANT}/v2.0`)
    .setAudience((claims.aud as string | undefined) ?? AUDIENCE)
    .setIssuedAt((claims.iat as number | undefined) ?? nowSeconds() - 60)
    .setNotBefore((claims.nbf as number | undefined) ?? nowSeconds() - 60)
    .setExpirationTime((claims.exp as number | undefined) ?? nowSeconds() + 3600)
    .sign(keys.privateKey);
}

export interface KeyServer {
  url: string;
  /** The keys published now (a test may rotate them). */
  published: JWK[];
  requests(): number;
  close(): Promise<void>;
}

export async function startKeyServer(published: JWK[]): Promise<KeyServer> {
  let requests = 0;
  const state = { published };
  const server: Server = createServer((_req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: state.published }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/keys`;
  return {
    url,
    get published() {
      return state.published;
    },
    set published(keys: JWK[]) {
      state.published = keys;
    },
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The environment of a production server that accepts these tokens (bot identity set, tenant and audience). */
export function productionSsoEnv(jwksUrl: string): Record<string, string> {
  return {
    APP_MODE: 'production',
    HOST: '127.0.0.1',
    MICROSOFT_APP_ID: CLIENT_ID,
    MICROSOFT_APP_PASSWORD: 'test-secret',
    TAB_SSO_AUDIENCES: `${AUDIENCE},${CLIENT_ID}`,
    TAB_SSO_TENANTS: TENANT,
    TAB_SSO_JWKS_URL: jwksUrl,
  };
}
