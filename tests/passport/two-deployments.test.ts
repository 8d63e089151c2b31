import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whatsDue } from '../../core/learning/whats-due.js';
import { qrPng } from '../../core/passport/qr-image.js';
import { signCompact } from '../../core/passport/jws.js';
import { decodeJwt } from 'jose';
import type { PassportCredential } from '../../core/passport/credential.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ADELE, ALEX, call, clearRecords, issue, kidOf, MEGAN, present, resignedByIssuer, strayKey, tampered } from './passport-support.js';

/**
 * Two deployments side by side, each with its own storage (table prefix) and its own signing key:
 * A (Avon Vale, ODS AAA01) issues, B (Severn Practice, ODS BBB02) verifies and trusts A. Both in the
 * development tenant, as practices and trusts in the national NHS tenant are.
 */
let a: TestApp;
let b: TestApp;
let hanging: Server;
let hangingUrl: string;

beforeAll(async () => {
  [a, b] = await Promise.all([
    startTestApp({ env: { ORGANISATION_NAME: 'Avon Vale NHS Foundation Trust', PASSPORT_ODS_CODE: 'AAA01' } }),
    startTestApp({ env: { ORGANISATION_NAME: 'Severn Practice', PASSPORT_ODS_CODE: 'BBB02', PASSPORT_FETCH_TIMEOUT_MS: '600' } }),
  ]);
  const trusted = await call(b, ADELE, 'POST', '/api/passport/trust', { issuer: a.server.url, odsCode: 'AAA01', name: 'Avon Vale NHS Foundation Trust' });
  expect(trusted.status).toBe(201);
  // An "issuer" that accepts connections and never answers.
  hanging = createServer(() => undefined);
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  hangingUrl = `http://127.0.0.1:${(hanging.address() as { port: number }).port}`;
}, 90_000);

afterAll(async () => {
  hanging?.close();
  await Promise.all([a?.stop(), b?.stop()]);
});

async function freshLearnerAtB(): Promise<void> {
  await clearRecords(b, ALEX);
}

describe('a learner moves from A to B with a passport', () => {
  it('when Alex presents A’s passport link at B, then the in-date items count in what’s due at B, with provenance, and no manual step', async () => {
    const passport = await issue(a);
    await freshLearnerAtB();
    const before = await whatsDue(b.services.learning, ALEX);

    const answer = await present(b, ALEX, { text: passport.link });

    expect(answer.status).toBe(200);
    expect(answer.body.outcome).toBe('transferred');
    expect(answer.body.checks.every((c) => c.passed)).toBe(true);
    expect(answer.body.items!.length).toBe(passport.learning.length);
    const after = await whatsDue(b.services.learning, ALEX);
    if (before.kind !== 'ok' || after.kind !== 'ok') throw new Error('Alex is not at B');
    const transferred = after.compliance.items.filter((i) => i.record?.provenance?.passportId === passport.id);
    expect(transferred.length).toBeGreaterThan(0);
    for (const item of transferred) {
      expect(item.compliant).toBe(true);
      expect(item.record!.provenance).toMatchObject({ kind: 'passport', issuer: a.server.url, issuerName: 'Avon Vale NHS Foundation Trust', odsCode: 'AAA01', verifiedOn: b.today });
      const carried = passport.learning.find((l) => l.subjectId === item.record!.subjectId && l.level === item.record!.level)!;
      expect(item.recordExpiresOn).toBe(carried.expiresOn); // its own expiry, not recomputed here
    }
    expect(after.compliance.summary.compliant).toBeGreaterThan(before.compliance.summary.compliant);
    const audit = await b.services.auditLog.list();
    expect(audit.some((e) => e.action === 'passport.transferred' && e.target === ALEX)).toBe(true);
  });

  it('when the same passport is presented again, then it is already recorded and nothing changes', async () => {
    const passport = await issue(a);
    await freshLearnerAtB();
    await present(b, ALEX, { text: passport.link });
    const bundle = JSON.stringify((await b.services.staff.getBundle(ALEX))!.records);

    const again = await present(b, ALEX, { text: passport.link });

    expect(again.body.outcome).toBe('transferred');
    expect(again.body.message.title).toBe('Already recorded');
    expect(JSON.stringify((await b.services.staff.getBundle(ALEX))!.records)).toBe(bundle);
  });

  it('when L&D at B present the PDF on Alex’s behalf, then the items are transferred for Alex', async () => {
    const passport = await issue(a);
    await freshLearnerAtB();
    const pdf = await fetch(`${a.server.url}/api/passport/${passport.id}/pdf`, { headers: { authorization: `Bearer dev:${ALEX}` } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');

    const answer = await present(b, ADELE, { file: Buffer.from(await pdf.arrayBuffer()), type: 'application/pdf' }, ALEX);

    expect(answer.body.outcome).toBe('transferred');
    expect((await b.services.staff.getBundle(ALEX))!.records.filter((r) => r.provenance?.passportId === passport.id)).toHaveLength(passport.learning.length);
  });

  it('when a picture of the QR code is uploaded, then it is read and verified like the link', async () => {
    const passport = await issue(a);
    await freshLearnerAtB();
    const qr = await fetch(`${a.server.url}/api/passport/${passport.id}/qr.png`, { headers: { authorization: `Bearer dev:${ALEX}` } });

    const answer = await present(b, ALEX, { file: Buffer.from(await qr.arrayBuffer()), type: 'image/png' });

    expect(answer.body.outcome).toBe('transferred');
  });

  it('when the learner shares only some subjects, then the passport holds only those', async () => {
    const all = await issue(a);
    const chosen = all.learning.slice(0, 2).map((l) => l.subjectId);
    const some = await issue(a, ALEX, chosen);
    expect([...new Set(some.learning.map((l) => l.subjectId))].sort()).toEqual([...chosen].sort());
  });
});

describe('what B sends to learning and development instead', () => {
  it('when the issuer is not on B’s trust list, then the items wait in the verification queue with every check in plain words and do not count', async () => {
    // Arrange: Alex holds learning at B (brought from A), and B's own passport of it is presented at A, which does not trust B.
    await present(b, ALEX, { text: (await issue(a, ALEX)).link });
    const passport = await issue(b, ALEX);
    const atA = (await a.services.staff.getBundle(ALEX))!;
    await clearRecords(a, ALEX);
    try {
      await queuedAtA(passport);
    } finally {
      // Alex's records at A as they were, for the tests that issue from A, in whatever order they run.
      await a.services.staff.change(ALEX, (bundle) => ({ kind: 'write', bundle: { ...bundle, records: atA.records }, result: true }));
    }
  });

  async function queuedAtA(passport: Awaited<ReturnType<typeof issue>>): Promise<void> {
    const answer = await present(a, ALEX, { text: passport.link });

    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ outcome: 'queued', reason: 'issuer-not-trusted' });
    expect(answer.body.checks.find((c) => c.check === 'trust')).toMatchObject({ passed: false });
    expect(answer.body.checks.find((c) => c.check === 'signature')).toMatchObject({ passed: true });
    const queue = await a.services.evidence.pending();
    const records = (await a.services.staff.getBundle(ALEX))!.records.filter((r) => r.provenance?.passportId === passport.id);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      expect(record.verification.state).toBe('pending');
      expect(record.provenance!.checks!.some((c) => c.check === 'trust' && !c.passed)).toBe(true);
      expect(queue.some((q) => q.recordId === record.id && q.learnerId === ALEX)).toBe(true);
    }
    const due = await whatsDue(a.services.learning, ALEX);
    if (due.kind !== 'ok') throw new Error('no Alex');
    expect(due.compliance.items.some((i) => i.record?.provenance?.passportId === passport.id)).toBe(false);
    // The queued record can be decided through the existing route.
    const verified = await call(a, ADELE, 'POST', `/api/admin/evidence/${ALEX}/${records[0]!.id}`, { decision: 'verify' });
    expect(verified.status).toBe(200);
  }

  it('when the holder is in another tenant and only the name matches, then it waits for L&D to confirm the identity', async () => {
    const passport = await issue(a);
    const otherTenant = await resignedByIssuer(a, passport.jwt, (c) => ({ ...c, credentialSubject: { ...c.credentialSubject, holder: { name: 'Alex Wilber', entra: { tenantId: '11111111-1111-1111-1111-111111111111', objectId: 'aaaaaaaa-0000-0000-0000-000000000001' } } } }));
    await freshLearnerAtB();

    const answer = await present(b, ALEX, { text: otherTenant });

    expect(answer.body).toMatchObject({ outcome: 'queued', reason: 'identity-unconfirmed' });
  });
});

describe('bad input: a clear answer and no effect', () => {
  async function expectNoEffect(action: () => Promise<{ status: number; body: { outcome: string; reason?: string; message: { lines: string[] } } }>, outcome: string, reason: string, status = 422) {
    const records = JSON.stringify((await b.services.staff.getBundle(ALEX))!.records);
    const auditSeq = (await b.services.auditLog.head()).seq;
    const queue = (await b.services.evidence.pending()).length;
    const answer = await action();
    expect({ status: answer.status, outcome: answer.body.outcome, reason: answer.body.reason }).toEqual({ status, outcome, reason });
    expect(answer.body.message.lines.join(' ')).toMatch(/Nothing was recorded|Try again/);
    expect(JSON.stringify((await b.services.staff.getBundle(ALEX))!.records)).toBe(records);
    expect((await b.services.auditLog.head()).seq).toBe(auditSeq);
    expect((await b.services.evidence.pending()).length).toBe(queue);
  }

  it('when the passport was changed after signing, then it is refused as tampered', async () => {
    const passport = await issue(a);
    const forged = tampered(passport.jwt, (c) => ({ ...c, credentialSubject: { ...c.credentialSubject, learning: c.credentialSubject.learning.map((l) => ({ ...l, expiresOn: '2035-01-01' as never })) } }));
    await expectNoEffect(() => present(b, ALEX, { text: forged }), 'refused', 'bad-signature');
  });

  it('when the passport has expired, then it is refused as expired', async () => {
    const passport = await issue(a);
    const old = await resignedByIssuer(a, passport.jwt, (c) => ({ ...c, validUntil: '2026-01-01T00:00:00.000Z', exp: Date.parse('2026-01-01T00:00:00.000Z') / 1000 }));
    await expectNoEffect(() => present(b, ALEX, { text: old }), 'refused', 'expired');
  });

  it('when the passport is signed with another algorithm (HS256, none), then it is refused before anything is fetched', async () => {
    const passport = await issue(a);
    const [, payload] = passport.jwt.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'vc+jwt' })).toString('base64url')}.${payload}.`;
    const hs = `${Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'vc+jwt', kid: kidOf(passport.jwt) })).toString('base64url')}.${payload}.${Buffer.from('x'.repeat(32)).toString('base64url')}`;
    await expectNoEffect(() => present(b, ALEX, { text: hs }), 'refused', 'wrong-algorithm');
    await expectNoEffect(() => present(b, ALEX, { text: none }), 'refused', 'wrong-algorithm');
  });

  it('when the passport is signed with a key the issuer does not publish, then it is refused as an unknown key', async () => {
    const passport = await issue(a);
    const signed = await signCompact(decodeJwt(passport.jwt), await strayKey());
    await expectNoEffect(() => present(b, ALEX, { text: signed }), 'refused', 'unknown-key');
  });

  it('when the issuer does not answer in time, then "issuer unreachable" with a retry, and nothing recorded', async () => {
    const passport = await issue(a);
    const elsewhere = await signCompact({ ...(decodeJwt(passport.jwt) as unknown as PassportCredential), issuer: { id: hangingUrl, name: 'Slow Trust', odsCode: 'SLO01' }, iss: hangingUrl, credentialStatus: { id: `${hangingUrl}/api/passport/public/status/1#5`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '5', statusListCredential: `${hangingUrl}/api/passport/public/status/1` } }, await strayKey());
    const started = Date.now();
    await expectNoEffect(async () => {
      const answer = await present(b, ALEX, { text: elsewhere });
      expect(answer.headers.get('retry-after')).toBe('30');
      return answer;
    }, 'issuer-unreachable', 'issuer-unreachable', 503);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("when Megan presents Alex's passport as her own, then it is refused as someone else's", async () => {
    const passport = await issue(a);
    const megansRecords = JSON.stringify((await b.services.staff.getBundle(MEGAN))!.records);
    const answer = await present(b, MEGAN, { text: passport.link });
    expect(answer.body).toMatchObject({ outcome: 'refused', reason: 'someone-else' });
    expect(JSON.stringify((await b.services.staff.getBundle(MEGAN))!.records)).toBe(megansRecords);
  });

  it('when the file is oversized, malformed, a PDF without a passport, or a QR code that is not ours, then each is refused plainly', async () => {
    const plainPdf = await passportPdfWithout();
    await expectNoEffect(() => present(b, ALEX, { file: Buffer.alloc(5 * 1024 * 1024, 1), type: 'application/pdf' }), 'refused', 'too-large', 413);
    await expectNoEffect(() => present(b, ALEX, { file: Buffer.from([0, 1, 2, 3, 250, 251]), type: 'application/octet-stream' }), 'refused', 'unsupported-file');
    await expectNoEffect(() => present(b, ALEX, { file: Buffer.from('%PDF-1.7\n garbage'), type: 'application/pdf' }), 'refused', 'unreadable-pdf');
    await expectNoEffect(() => present(b, ALEX, { file: plainPdf, type: 'application/pdf' }), 'refused', 'no-credential-in-pdf');
    await expectNoEffect(async () => present(b, ALEX, { file: await qrPng('https://example.com/menu'), type: 'image/png' }), 'refused', 'qr-not-ours');
    await expectNoEffect(() => present(b, ALEX, { text: 'hello there' }), 'refused', 'not-a-passport');
    await expectNoEffect(() => present(b, ALEX, { text: `${a.server.url}/api/passport/public/p/00000000-0000-4000-8000-000000000000?t=${'x'.repeat(32)}` }), 'refused', 'link-not-found');
  });
});

describe('revocation and key rotation at the issuer', () => {
  it('when A’s L&D revoke a passport, then B refuses it and says it was revoked', async () => {
    const passport = await issue(a);
    expect((await present(b, ALEX, { text: passport.jwt })).body.outcome).toBe('transferred');

    const revoked = await call(a, ADELE, 'POST', `/api/passport/${passport.id}/revoke`, { reason: 'fire safety record corrected' });
    expect(revoked.status).toBe(200);
    const answer = await present(b, ALEX, { text: passport.link });

    expect(answer.body).toMatchObject({ outcome: 'refused', reason: 'revoked' });
    expect(answer.body.message.lines[0]).toMatch(/revoked/);
    expect((await call(a, ADELE, 'POST', `/api/passport/${passport.id}/revoke`, { reason: 'again' })).status).toBe(409);
    expect((await call(a, ALEX, 'POST', `/api/passport/${passport.id}/revoke`, { reason: 'mine' })).status).toBe(403);
  });

  it('when A rotates its key, then passports signed before still verify at B, new ones carry the new key, and the JWKS lists both', async () => {
    const before = await issue(a);
    await present(b, ALEX, { text: before.link }); // B now holds A's keys in its cache
    await a.services.passport.localSigner!.rotate();
    const after = await issue(a);
    expect(kidOf(after.jwt)).not.toBe(kidOf(before.jwt));

    await freshLearnerAtB();
    expect((await present(b, ALEX, { text: after.link })).body.outcome).toBe('transferred');
    await freshLearnerAtB();
    expect((await present(b, ALEX, { text: before.link })).body.outcome).toBe('transferred');
    const jwks = (await (await fetch(`${a.server.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string; d?: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([kidOf(before.jwt), kidOf(after.jwt)]));
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);
  });
});

async function passportPdfWithout(): Promise<Buffer> {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.addPage();
  return Buffer.from(await doc.save());
}
