import { describe, expect, it } from 'vitest';
import { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import { CSTF_SUBJECTS, CSTF_TOPICS } from '../../core/learning/cstf-catalogue.js';
import type { LearningRecord } from '../../core/learning/types.js';
import { matchIdentity, nameKey } from '../../core/passport/identity-match.js';
import { addressRefusal, type FetchResult, type IssuerFetcher } from '../../core/passport/issuer-fetch.js';
import { IssuerKeys } from '../../core/passport/issuer-keys.js';
import { inDateItems } from '../../core/passport/issue-passport.js';
import { passportPdf } from '../../core/passport/passport-pdf.js';
import { qrPng } from '../../core/passport/qr-image.js';
import { readPresentation } from '../../core/passport/read-presentation.js';
import { decodeStatusList, encodeStatusList, statusBit, STATUS_LIST_BITS } from '../../core/passport/status-list.js';
import type { PassportCredential } from '../../core/passport/credential.js';
import { localDate } from '../../core/time/local-date.js';

const TENANT = '00000000-0000-0000-0000-000000000000';

describe('the bitstring status list', () => {
  it('when entries are revoked, then exactly those bits read 1 after encoding and decoding, and the list has 131,072 entries', () => {
    const decoded = decodeStatusList(encodeStatusList([0, 7, 8, 94_567, STATUS_LIST_BITS - 1]));
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.bytes.length * 8).toBe(STATUS_LIST_BITS);
    const ones = [0, 1, 7, 8, 9, 94_566, 94_567, STATUS_LIST_BITS - 1].map((i) => statusBit(decoded.bytes, i));
    expect(ones).toEqual([1, 0, 1, 1, 0, 0, 1, 1]);
    expect(statusBit(decoded.bytes, STATUS_LIST_BITS)).toBeUndefined();
  });

  it('when a list is not multibase, too short, or not gzip, then it is refused with a reason', () => {
    expect(decodeStatusList('zabc').ok).toBe(false);
    expect(decodeStatusList(encodeStatusList([], 8 * 1024)).ok).toBe(false);
    expect(decodeStatusList('uAAAA').ok).toBe(false);
  });
});

describe('the identity rule', () => {
  const alex = { name: 'Alex Wilber', aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000020' };
  it('when the passport is from this tenant, then the object id alone decides', () => {
    expect(matchIdentity({ name: 'Someone Else', entra: { tenantId: TENANT, objectId: alex.aadObjectId.toUpperCase() } }, alex, TENANT).kind).toBe('same-account');
    expect(matchIdentity({ name: 'Alex Wilber', entra: { tenantId: TENANT, objectId: 'bbbbbbbb-0000-0000-0000-000000000021' } }, alex, TENANT).kind).toBe('mismatch');
  });
  it('when the passport is from another tenant or names no account, then a matching name only sends it to L&D and another name refuses it', () => {
    expect(matchIdentity({ name: 'Wilber, Dr Alex', entra: { tenantId: '11111111-1111-1111-1111-111111111111', objectId: alex.aadObjectId } }, alex, TENANT).kind).toBe('name-only');
    expect(matchIdentity({ name: 'Álex  Wílber' }, alex, TENANT).kind).toBe('name-only');
    expect(matchIdentity({ name: 'Alexa Wilber' }, alex, TENANT).kind).toBe('mismatch');
    expect(nameKey("Mr  Seán O'Brien")).toBe('brien o sean');
  });
});

describe('the in-date items of a passport', () => {
  const catalogue = new CatalogueIndex({ subjects: CSTF_SUBJECTS, topics: CSTF_TOPICS, roles: [] });
  const today = localDate('2026-11-21');
  const record = (subjectId: string, level: number, completedOn: string, extra: Partial<LearningRecord> = {}): LearningRecord => ({ id: `${subjectId}-${level}-${completedOn}`, subjectId, level, completedOn: localDate(completedOn), method: 'e-learning', source: { kind: 'self' }, verification: { state: 'verified' }, recordedAt: '2026-01-01T00:00:00Z', ...extra });

  it('when records are expired, unverified, superseded or covered by a higher level, then only the valid best ones are carried, with their expiry', () => {
    const items = inDateItems(
      [
        record('fire-safety', 1, '2023-01-01'), // expired (2-year renewal)
        record('fire-safety', 1, '2025-06-01'),
        record('fire-safety', 1, '2025-01-01'), // superseded by the later one
        record('ig', 1, '2026-06-01', { verification: { state: 'pending' } }),
        record('safeguarding-adults', 2, '2025-01-01'),
        record('safeguarding-adults', 3, '2025-03-01'), // covers level 2
      ],
      catalogue,
      today,
    );
    expect(items.map((i) => `${i.subjectId}:${i.level}:${i.completedOn}:${i.expiresOn}`)).toEqual(['fire-safety:1:2025-06-01:2027-06-01', 'safeguarding-adults:3:2025-03-01:2028-03-01']);
  });
});

describe('reading what is presented', () => {
  const jwt = `eyJhbGciOiJFUzI1NiJ9.${Buffer.from('{"type":["VerifiableCredential"]}').toString('base64url')}.${'A'.repeat(86)}`;
  const link = 'https://learning.example.nhs.uk/api/passport/public/p/0b0c8f7e-3f0e-4b7a-9a53-2b1d3c4e5f60?t=abcdefghijklmnopqrstuvwx';

  it('when a PDF made by passportPdf is read, then its embedded credential is found', async () => {
    const credential = { id: 'urn:uuid:x', issuer: { id: 'https://a', name: 'Avon Vale', odsCode: 'AAA01' }, validFrom: '2026-11-21T12:00:00.000Z', validUntil: '2027-02-19T12:00:00.000Z', credentialSubject: { type: 'LearningRecordHolder', holder: { name: 'Zoë Łukasz' }, learning: [{ subjectId: 'fire-safety', subject: 'Fire Safety', kind: 'national', level: 1, levelName: 'Level 1', completedOn: '2026-01-01', method: 'e-learning', expiresOn: '2028-01-01' }] } } as unknown as PassportCredential;
    const pdf = await passportPdf(credential, jwt, link, await qrPng(link));
    expect(await readPresentation({ kind: 'file', bytes: pdf })).toEqual({ kind: 'jwt', jwt, via: 'pdf' });
  });

  it('when a QR picture holds a passport link, then the link is read; when it holds anything else, then it is not ours', async () => {
    expect(await readPresentation({ kind: 'file', bytes: await qrPng(link) })).toMatchObject({ kind: 'link', via: 'qr', passportId: '0b0c8f7e-3f0e-4b7a-9a53-2b1d3c4e5f60' });
    expect(await readPresentation({ kind: 'file', bytes: await qrPng('WIFI:S:guest;T:WPA;P:secret;;') })).toEqual({ kind: 'refused', reason: 'qr-not-ours' });
  });

  it('when text, a .jwt file, or junk is sent, then each is read or refused plainly', async () => {
    expect(await readPresentation({ kind: 'text', text: `  ${jwt}\n` })).toMatchObject({ kind: 'jwt', via: 'text' });
    expect(await readPresentation({ kind: 'file', bytes: Buffer.from(jwt) })).toMatchObject({ kind: 'jwt', via: 'file' });
    expect(await readPresentation({ kind: 'text', text: 'https://example.com/' })).toEqual({ kind: 'refused', reason: 'not-a-passport' });
    expect(await readPresentation({ kind: 'text', text: '' })).toEqual({ kind: 'refused', reason: 'empty' });
    expect(await readPresentation({ kind: 'file', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2]) })).toEqual({ kind: 'refused', reason: 'unreadable-image' });
  });
});

describe("fetching from other organisations' deployments", () => {
  it('when an untrusted issuer resolves to a private, loopback or link-local address, then it is not called (loopback only in development)', () => {
    const untrusted = { trusted: false, allowLoopback: false };
    for (const address of ['10.1.2.3', '172.16.0.1', '192.168.1.1', '127.0.0.1', '169.254.169.254', '::1', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1']) expect(addressRefusal(address, untrusted), address).toBeDefined();
    expect(addressRefusal('20.50.1.2', untrusted)).toBeUndefined();
    expect(addressRefusal('127.0.0.1', { trusted: false, allowLoopback: true })).toBeUndefined();
    expect(addressRefusal('10.1.2.3', { trusted: true, allowLoopback: false })).toBeUndefined();
  });

  it('when a key id is not in the cached set, then the set is fetched again once (a rotation); a known key id is answered from the cache', async () => {
    const calls: string[] = [];
    let keys = [{ kty: 'EC', crv: 'P-256', x: 'x'.repeat(43), y: 'y'.repeat(43), kid: 'old' }];
    const fetcher: IssuerFetcher = { get: async (url): Promise<FetchResult> => (calls.push(url), { kind: 'ok', status: 200, contentType: 'application/json', body: Buffer.from(JSON.stringify({ keys })) }) };
    const cache = new IssuerKeys(fetcher, { maxAgeMs: 60_000, refetchCooldownMs: 10 });
    expect((await cache.keyFor('https://a.example', 'old', true)).kind).toBe('ok');
    expect((await cache.keyFor('https://a.example', 'old', true)).kind).toBe('ok');
    expect(calls).toHaveLength(1);
    keys = [...keys, { ...keys[0]!, kid: 'new' }];
    expect((await cache.keyFor('https://a.example', 'new', true)).kind).toBe('ok');
    expect((await cache.keyFor('https://a.example', 'made-up', true)).kind).toBe('unknown-key');
    expect(calls).toEqual(['https://a.example/.well-known/jwks.json', 'https://a.example/.well-known/jwks.json', 'https://a.example/.well-known/jwks.json']);
  });
});
