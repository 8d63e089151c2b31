import { decodeJwt, decodeProtectedHeader } from 'jose';
import { generateLocalKey, LocalSigner, type LocalKeyStore, type StoredLocalKey } from '../../core/keys/local-signer.js';
import type { SigningKey } from '../../core/keys/signer.js';
import type { PassportCredential } from '../../core/passport/credential.js';
import { signCompact } from '../../core/passport/jws.js';
import type { IssueAnswer, PresentAnswer } from '../../tab/shared/passport-api.js';
import type { TestApp } from '../support/test-app.js';

export const ALEX = 'E9000020';
export const MEGAN = 'E9000021';
export const ADELE = 'E9000022';

export async function call<T = any>(app: TestApp, staffId: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${app.server.url}${path}`, {
    method,
    headers: { authorization: `Bearer dev:${staffId}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T };
}

export async function issue(app: TestApp, staffId = ALEX, subjectIds?: string[]): Promise<IssueAnswer['passport']> {
  const answer = await call<IssueAnswer>(app, staffId, 'POST', '/api/passport', subjectIds ? { subjectIds } : {});
  if (answer.status !== 200) throw new Error(`issue answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body.passport;
}

/** Presents text (a link or a JWT) as JSON, or a file as the raw body. */
export async function present(app: TestApp, staffId: string, what: { text: string } | { file: Buffer; type: string }, learnerId?: string): Promise<{ status: number; body: PresentAnswer; headers: Headers }> {
  const response = await fetch(`${app.server.url}/api/passport/present${learnerId ? `/${learnerId}` : ''}`, {
    method: 'POST',
    headers: { authorization: `Bearer dev:${staffId}`, 'content-type': 'text' in what ? 'application/json' : what.type },
    body: 'text' in what ? JSON.stringify({ text: what.text }) : new Uint8Array(what.file),
  });
  return { status: response.status, body: (await response.json()) as PresentAnswer, headers: response.headers };
}

/** The same passport with its payload changed and re-signed by the issuer's own active key (a genuine signature on chosen content). */
export async function resignedByIssuer(app: TestApp, jwt: string, change: (credential: PassportCredential) => PassportCredential): Promise<string> {
  const key = await app.services.passport.keys!.activeKey();
  return signCompact(change(decodeJwt(jwt) as unknown as PassportCredential), key);
}

/** A key nobody publishes. */
export async function strayKey(): Promise<SigningKey> {
  let stored: StoredLocalKey | undefined = await generateLocalKey(new Date());
  const store: LocalKeyStore = { current: async () => (stored ? { key: stored, etag: '1' } : undefined), create: async (k) => ((stored = k), true), replace: async (k) => ((stored = k), true) };
  return new LocalSigner(store).activeKey();
}

/** The passport with one character of its payload changed and the signature kept. */
export function tampered(jwt: string, change: (credential: PassportCredential) => PassportCredential): string {
  const [header, , signature] = jwt.split('.');
  const payload = Buffer.from(JSON.stringify(change(decodeJwt(jwt) as unknown as PassportCredential))).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

export const kidOf = (jwt: string) => decodeProtectedHeader(jwt).kid;

export async function clearRecords(app: TestApp, staffId: string): Promise<void> {
  await app.services.staff.change(staffId, (bundle) => ({ kind: 'write', bundle: { ...bundle, records: [] }, result: true }));
}
