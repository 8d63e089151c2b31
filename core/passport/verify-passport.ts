import { compactVerify, decodeJwt, decodeProtectedHeader, errors, importJWK, type JWK } from 'jose';
import { PASSPORT_ALGORITHM } from './algorithm.js';
import type { Clock } from '../time/clock.js';
import { CheckList, type PassportCheck } from './checks.js';
import { credentialSchema, normaliseIssuer, PASSPORT_TYPE, statusListCredentialSchema, VC_JWT_TYPE, type PassportCredential } from './credential.js';
import type { IssuerFetcher } from './issuer-fetch.js';
import type { IssuerKeys } from './issuer-keys.js';
import type { TrustedIssuer, TrustListStore } from './ports.js';
import { decodeStatusList, statusBit } from './status-list.js';

export interface VerifyDeps {
  keys: Pick<IssuerKeys, 'keyFor'>;
  fetcher: IssuerFetcher;
  trust: Pick<TrustListStore, 'find'>;
  clock: Clock;
  allowLoopbackIssuers: boolean;
}

export type InvalidReason =
  | 'malformed'
  | 'not-a-passport'
  | 'wrong-algorithm'
  | 'issuer-not-allowed'
  | 'issuer-keys-unusable'
  | 'unknown-key'
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'revoked'
  | 'status-unusable';

export type VerifyResult =
  | { kind: 'valid'; credential: PassportCredential; trust: TrustedIssuer | undefined; checks: PassportCheck[] }
  | { kind: 'invalid'; reason: InvalidReason; checks: PassportCheck[]; credential?: PassportCredential }
  | { kind: 'unreachable'; issuer: string; what: 'keys' | 'status list'; checks: PassportCheck[] };

const SKEW_SECONDS = 120;
const MAX_STATUS_LIST_BYTES = 256 * 1024;

function decode(jwt: string): { header: ReturnType<typeof decodeProtectedHeader>; payload: unknown } | undefined {
  if (jwt.length > 64 * 1024 || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(jwt)) return undefined;
  try {
    return { header: decodeProtectedHeader(jwt), payload: decodeJwt(jwt) };
  } catch {
    return undefined;
  }
}

async function signatureValid(jwt: string, jwk: JWK): Promise<boolean> {
  try {
    await compactVerify(jwt, await importJWK(jwk, PASSPORT_ALGORITHM), { algorithms: [PASSPORT_ALGORITHM] });
    return true;
  } catch (error) {
    if (error instanceof errors.JOSEError) return false;
    throw error;
  }
}

/**
 * Checks a passport from the JWT alone and the issuer's public material (its keys and its status
 * list): format, algorithm (ES256 only: `none`, HMAC and everything else are refused before any
 * network call), issuer, signature against the issuer's published key, dates, and revocation. Nobody's
 * record at the issuer is read. Every check is listed, passed or failed, in plain words.
 */
export async function verifyPassport(deps: VerifyDeps, jwt: string): Promise<VerifyResult> {
  const checks = new CheckList();
  const invalid = (reason: InvalidReason, credential?: PassportCredential): VerifyResult => ({ kind: 'invalid', reason, checks: checks.items, ...(credential ? { credential } : {}) });
  /** Records the failed check and answers why the passport is invalid. */
  const refuse = (check: Parameters<CheckList['fail']>[0], detail: string, reason: InvalidReason, credential?: PassportCredential): VerifyResult => {
    checks.fail(check, detail);
    return invalid(reason, credential);
  };

  const decoded = decode(jwt.trim());
  if (!decoded) return refuse('format', 'It could not be read as a signed credential (a JWT).', 'malformed');
  const { header, payload } = decoded;
  if (header.alg !== PASSPORT_ALGORITHM) return refuse('algorithm', `It is signed with ${String(header.alg ?? 'no algorithm')}; passports are signed with ES256 only.`, 'wrong-algorithm');
  checks.pass('algorithm', 'Signed with ES256.');
  const types = (payload as { type?: unknown }).type;
  if (header.typ !== VC_JWT_TYPE || !Array.isArray(types) || !types.includes(PASSPORT_TYPE)) {
    return refuse('format', 'It is a signed token, but not a learning passport.', 'not-a-passport');
  }
  const parsed = credentialSchema.safeParse(payload);
  if (!parsed.success || typeof header.kid !== 'string') return refuse('format', 'It says it is a learning passport, but its contents are not laid out as one.', 'malformed');
  const credential = parsed.data as PassportCredential;
  const issuer = normaliseIssuer(credential.issuer.id, deps.allowLoopbackIssuers);
  const consistent =
    credential.iss === credential.issuer.id &&
    credential.jti === credential.id &&
    credential.exp === Math.floor(Date.parse(credential.validUntil) / 1000) &&
    credential.nbf === Math.floor(Date.parse(credential.validFrom) / 1000) &&
    issuer !== undefined &&
    safeOrigin(credential.credentialStatus.statusListCredential) === issuer;
  if (!issuer) return refuse('issuer', `Its issuer (${credential.issuer.id}) is not an https address of a deployment.`, 'issuer-not-allowed', credential);
  if (!consistent) return refuse('format', 'Its parts contradict each other (issuer, id, dates or status list).', 'malformed', credential);
  checks.pass('format', 'A learning passport (W3C verifiable credential, signed JWT).');
  checks.pass('issuer', `Issued by ${credential.issuer.name} (ODS ${credential.issuer.odsCode}) at ${issuer}.`);
  const trust = await deps.trust.find(issuer);

  const key = await deps.keys.keyFor(issuer, header.kid, trust !== undefined);
  switch (key.kind) {
    case 'unreachable':
      checks.fail('keys', `The issuer's keys could not be fetched: ${key.reason}.`);
      return { kind: 'unreachable', issuer, what: 'keys', checks: checks.items };
    case 'refused-address':
      return refuse('keys', `The issuer's address is ${key.reason}, which this server does not call for an issuer that is not on the trust list.`, 'issuer-not-allowed', credential);
    case 'bad-keys':
      return refuse('keys', `The issuer's keys could not be used: ${key.reason}.`, 'issuer-keys-unusable', credential);
    case 'unknown-key':
      return refuse('keys', `It was signed with a key the issuer does not publish (${key.known} published).`, 'unknown-key', credential);
    case 'ok':
      checks.pass('keys', "The signing key is one the issuer publishes.");
  }
  if (!(await signatureValid(jwt.trim(), key.jwk))) return refuse('signature', 'The signature does not match its contents: it was changed after it was signed.', 'bad-signature', credential);
  checks.pass('signature', 'The signature matches: nothing was changed since it was signed.');

  const now = Math.floor(deps.clock.now().getTime() / 1000);
  if (credential.exp < now - SKEW_SECONDS) return refuse('dates', `It expired on ${credential.validUntil.slice(0, 10)}.`, 'expired', credential);
  if (credential.nbf > now + SKEW_SECONDS) return refuse('dates', `It is not valid before ${credential.validFrom}.`, 'not-yet-valid', credential);
  checks.pass('dates', `Valid until ${credential.validUntil.slice(0, 10)}.`);

  const status = await revocationOf(deps, credential, issuer, trust !== undefined, now);
  if (status.kind === 'unreachable') {
    checks.fail('revocation', `The issuer's status list could not be fetched: ${status.reason}.`);
    return { kind: 'unreachable', issuer, what: 'status list', checks: checks.items };
  }
  if (status.kind === 'unusable') return refuse('revocation', `Whether it was revoked could not be checked: ${status.reason}.`, 'status-unusable', credential);
  if (status.kind === 'revoked') return refuse('revocation', 'The issuer has revoked it.', 'revoked', credential);
  checks.pass('revocation', 'Not revoked (checked against the issuer’s status list just now).');
  return { kind: 'valid', credential, trust, checks: checks.items };
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

type Revocation = { kind: 'active' } | { kind: 'revoked' } | { kind: 'unreachable'; reason: string } | { kind: 'unusable'; reason: string };

/** Fetches the status list fresh every time (revocation must show at once), checks it is the issuer's, and reads the bit. */
async function revocationOf(deps: VerifyDeps, credential: PassportCredential, issuer: string, trusted: boolean, now: number): Promise<Revocation> {
  const url = credential.credentialStatus.statusListCredential;
  const answer = await deps.fetcher.get(url, { accept: 'application/vc+jwt', maxBytes: MAX_STATUS_LIST_BYTES, trusted });
  if (answer.kind === 'timeout') return { kind: 'unreachable', reason: 'it did not answer in time' };
  if (answer.kind === 'unreachable') return { kind: 'unreachable', reason: answer.reason };
  if (answer.kind !== 'ok') return { kind: 'unusable', reason: answer.kind === 'too-large' ? 'the status list is too large' : answer.reason };
  if (answer.status >= 500) return { kind: 'unreachable', reason: `it answered ${answer.status}` };
  if (answer.status !== 200) return { kind: 'unusable', reason: `the status list address answered ${answer.status}` };
  const jwt = answer.body.toString('utf8').trim();
  const decoded = decode(jwt);
  const list = decoded ? statusListCredentialSchema.safeParse(decoded.payload) : undefined;
  if (!decoded || !list?.success || decoded.header.alg !== PASSPORT_ALGORITHM || typeof decoded.header.kid !== 'string') return { kind: 'unusable', reason: 'the status list is not a signed status list credential' };
  if (list.data.issuer !== credential.issuer.id || list.data.iss !== credential.issuer.id || list.data.id !== url) return { kind: 'unusable', reason: 'the status list is not the one this passport names' };
  const key = await deps.keys.keyFor(issuer, decoded.header.kid, trusted);
  if (key.kind === 'unreachable') return { kind: 'unreachable', reason: key.reason };
  if (key.kind !== 'ok' || !(await signatureValid(jwt, key.jwk))) return { kind: 'unusable', reason: 'the status list is not signed by the issuer' };
  if (list.data.exp < now - SKEW_SECONDS) return { kind: 'unusable', reason: 'the status list is out of date' };
  const bits = decodeStatusList(list.data.credentialSubject.encodedList);
  if (!bits.ok) return { kind: 'unusable', reason: bits.reason };
  const bit = statusBit(bits.bytes, Number(credential.credentialStatus.statusListIndex));
  if (bit === undefined) return { kind: 'unusable', reason: 'the passport’s entry is outside the status list' };
  return bit === 1 ? { kind: 'revoked' } : { kind: 'active' };
}
