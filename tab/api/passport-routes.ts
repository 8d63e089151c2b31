import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'restify';
import { z } from 'zod';
import { can, whoCan } from '../../core/people/authorisation.js';
import { passportLinkOf, VC_JWT_MEDIA_TYPE, type PassportCredential } from '../../core/passport/credential.js';
import { issuePassport } from '../../core/passport/issue-passport.js';
import { issueMessage, presentMessage, provenanceLine, revokeMessage, trustMessage, REFUSAL_SENTENCES } from '../../core/passport/passport-messages.js';
import { passportPdf } from '../../core/passport/passport-pdf.js';
import type { IssuedPassport } from '../../core/passport/ports.js';
import { presentPassport, type PresentResult } from '../../core/passport/present-passport.js';
import { qrPng } from '../../core/passport/qr-image.js';
import { MAX_PRESENTED_BYTES, type Presented } from '../../core/passport/read-presentation.js';
import { revokePassport } from '../../core/passport/revoke-passport.js';
import { distrustIssuer, trustIssuer } from '../../core/passport/trust-list.js';
import { decodeJwt } from 'jose';
import { todayInLondon } from '../../core/time/clock.js';
import type { LocalDate } from '../../core/time/local-date.js';
import type { IssueAnswer, PassportView, PresentAnswer, TrustListAnswer } from '../shared/passport-api.js';
import { PASSPORT_ROUTES } from '../shared/passport-api.js';
import { ApiError, forbidden, notFound } from './api-error.js';
import type { TabCaller } from './caller.js';
import { idSchema } from './learning-context.js';
import type { TabApiContext, TabRouteModule } from './register.js';
import { NO_REPLY, reply } from './route-kit.js';

const uuid = z.string().regex(/^[0-9a-f-]{36}$/, 'not a passport id');
const issueBody = z.object({ subjectIds: z.array(idSchema).min(1).max(50).optional() });
const presentText = z.object({ text: z.string().max(64 * 1024) }).strict();
const trustBody = z.object({ issuer: z.string().min(1).max(300), odsCode: z.string().min(1).max(20), name: z.string().trim().min(2).max(200) });
const revokeBody = z.object({ reason: z.string().max(500) });

/** A passport's link names the issuer it was signed as (a later change of PASSPORT_ISSUER_URL does not move old links). */
function viewOf(passport: IssuedPassport): PassportView {
  const issuer = String(decodeJwt(passport.jwt).iss);
  return {
    id: passport.id,
    link: passportLinkOf(issuer, passport.id, passport.shareToken),
    issuedAt: passport.issuedAt,
    validUntil: passport.validUntil,
    items: passport.itemLabels,
    ...(passport.revoked ? { revoked: { at: passport.revoked.at, reason: passport.revoked.reason } } : {}),
  };
}

function sendText(res: Response, status: number, contentType: string, body: string | Buffer, headers: Record<string, string> = {}): typeof NO_REPLY {
  res.writeHead(status, { 'content-type': contentType, 'x-content-type-options': 'nosniff', ...headers });
  res.end(body);
  return NO_REPLY;
}

/** The body of a presentation: JSON `{ text }`, or the file itself; refused past the size cap without reading on. */
async function presentedFrom(req: Request): Promise<Presented | 'too-large' | 'bad-json'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_PRESENTED_BYTES) {
      req.resume(); // the rest is discarded; the answer closes the connection
      return 'too-large';
    }
    chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks);
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (/^application\/json\b/.test(type)) {
    try {
      return { kind: 'text', ...presentText.parse(JSON.parse(bytes.toString('utf8'))) };
    } catch {
      return 'bad-json';
    }
  }
  return { kind: 'file', bytes, contentType: type };
}

const STATUS: Record<PresentResult['kind'], number> = { transferred: 200, queued: 202, refused: 422, 'issuer-unreachable': 503, forbidden: 403, 'not-found': 404 };

function presentAnswer(result: PresentResult, supportContact: string, today: LocalDate): { status: number; body: PresentAnswer; headers: Record<string, string> } {
  const message = presentMessage(result, supportContact);
  if (result.kind === 'forbidden' || result.kind === 'not-found') throw new ApiError(STATUS[result.kind], result.kind, message.lines.join(' '));
  const base = { outcome: result.kind, message, checks: result.checks };
  switch (result.kind) {
    case 'transferred':
    case 'queued':
      return {
        status: STATUS[result.kind],
        headers: {},
        body: {
          ...base,
          ...(result.kind === 'queued' ? { reason: result.why } : {}),
          items: result.items.map((i) => ({ label: i.label, completedOn: i.completedOn, expiresOn: i.expiresOn, recordId: i.recordId })),
          skipped: result.skipped.map((s) => ({ label: s.label, why: s.why })),
          issuer: result.issuer,
          passportId: result.passportId,
          ...(result.kind === 'queued' || !result.alreadyHeld
            ? { provenance: provenanceLine({ kind: 'passport', issuer: result.issuer.id, issuerName: result.issuer.name, odsCode: result.issuer.odsCode, passportId: result.passportId, ...(result.kind === 'transferred' ? { verifiedOn: today } : {}) }) }
            : {}),
        },
      };
    case 'refused':
      return {
        status: result.reason === 'too-large' ? 413 : 422,
        headers: {},
        body: { ...base, reason: result.reason, ...(result.skipped ? { skipped: result.skipped } : {}), ...(result.issuer ? { issuer: result.issuer } : {}), error: { code: result.reason, message: message.lines.join(' ') } },
      };
    case 'issuer-unreachable':
      return { status: 503, headers: { 'retry-after': '30' }, body: { ...base, reason: 'issuer-unreachable', error: { code: 'issuer-unreachable', message: message.lines.join(' ') } } };
  }
}

/**
 * Learning passports. Public (other organisations' deployments call these): the JWKS, the status
 * lists, the link target (with its secret). Signed in: issue my passport (and its PDF and QR code),
 * present a passport (mine, or for a learner: L&D), the trust list (L&D), revoke (L&D).
 */
export const registerPassportRoutes: TabRouteModule = (server, kit, context: TabApiContext) => {
  const { services, config } = context;
  const passport = services.passport;
  const { present: presentDeps, trust: trustDeps, issue: issueDeps, revoke: revokeDeps } = services.passportUseCases;
  const ownedOrAdmin = async (caller: TabCaller, passportId: string): Promise<IssuedPassport> => {
    const found = await passport.passports.get(passportId);
    if (!found || (found.staffId !== caller.staffId && !can(caller.person, 'passport.revoke'))) throw notFound('No such passport of yours.');
    return found;
  };

  // --- public ---------------------------------------------------------------------------------
  server.get(PASSPORT_ROUTES.jwks, kit.route({ anonymous: true }, async ({ res }) => {
    const jwks = passport.keys ? await passport.keys.jwks() : { keys: await passport.publishedKeys.list() };
    return sendText(res, 200, 'application/jwk-set+json', JSON.stringify(jwks), { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' });
  }));

  server.get(PASSPORT_ROUTES.statusList, kit.route({ anonymous: true, params: z.object({ listId: z.string().regex(/^\d{1,6}$/, 'not a list') }) }, async ({ params, res }) => {
    const jwt = passport.keys ? await passport.statusPublisher.jwt(params.listId) : undefined;
    if (!jwt) throw notFound('No such status list.');
    // Never cached: a revocation must show at the next check.
    return sendText(res, 200, VC_JWT_MEDIA_TYPE, jwt, { 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
  }));

  server.get(PASSPORT_ROUTES.link, kit.route({ anonymous: true, params: z.object({ passportId: uuid }), query: z.object({ t: z.string().max(100).optional() }) }, async ({ params, query, res }) => {
    const found = await passport.passports.get(params.passportId);
    const given = Buffer.from(query.t ?? '');
    const expected = Buffer.from(found?.shareToken ?? '');
    if (!found || given.length !== expected.length || !timingSafeEqual(given, expected)) throw notFound('No such passport link.');
    return sendText(res, 200, VC_JWT_MEDIA_TYPE, found.jwt, { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  }));

  // --- the learner's own ------------------------------------------------------------------------
  server.post(PASSPORT_ROUTES.issue, ...kit.json(), kit.route({ body: issueBody }, async ({ caller, body }): Promise<IssueAnswer> => {
    const result = await issuePassport(issueDeps, caller.person, body.subjectIds ? { subjectIds: body.subjectIds } : {});
    const message = issueMessage(result, config.supportContact);
    if (result.kind !== 'issued') {
      const status = { 'nothing-in-date': 422, 'unknown-subjects': 400, 'not-set-up': 503, 'not-found': 404 }[result.kind];
      throw new ApiError(status, result.kind, message.lines.join(' '));
    }
    const png = await qrPng(result.link);
    return {
      message,
      passport: {
        ...viewOf(result.passport),
        jwt: result.passport.jwt,
        learning: result.credential.credentialSubject.learning.map((i) => ({ label: `${i.subject} (${i.levelName})`, subjectId: i.subjectId, level: i.level, completedOn: i.completedOn, method: i.method, expiresOn: i.expiresOn })),
        qrPng: `data:image/png;base64,${png.toString('base64')}`,
        card: context.passportCard(result.credential, result.link),
      },
    };
  }));

  server.get(PASSPORT_ROUTES.mine, kit.route({}, async ({ caller }): Promise<{ passports: PassportView[] }> => {
    return { passports: (await passport.passports.listFor(caller.staffId)).map(viewOf) };
  }));

  server.get(PASSPORT_ROUTES.pdf, kit.route({ params: z.object({ passportId: uuid }) }, async ({ caller, params, res }) => {
    const found = await ownedOrAdmin(caller, params.passportId);
    const credential = decodeJwt(found.jwt) as unknown as PassportCredential;
    const link = passportLinkOf(credential.issuer.id, found.id, found.shareToken);
    const pdf = await passportPdf(credential, found.jwt, link, await qrPng(link));
    return sendText(res, 200, 'application/pdf', pdf, { 'content-disposition': `attachment; filename="learning-passport-${found.id.slice(0, 8)}.pdf"`, 'cache-control': 'no-store' });
  }));

  server.get(PASSPORT_ROUTES.qr, kit.route({ params: z.object({ passportId: uuid }) }, async ({ caller, params, res }) => {
    const found = await ownedOrAdmin(caller, params.passportId);
    const credential = decodeJwt(found.jwt) as unknown as PassportCredential;
    return sendText(res, 200, 'image/png', await qrPng(passportLinkOf(credential.issuer.id, found.id, found.shareToken)), { 'cache-control': 'no-store' });
  }));

  // --- presenting a passport from elsewhere --------------------------------------------------------
  const present = async (caller: TabCaller, learnerId: string, req: Request, res: Response) => {
    if (learnerId !== caller.staffId && !can(caller.person, 'passport.present-for')) throw forbidden(`Only ${whoCan('passport.present-for')} can present a passport for someone else.`);
    const presented = await presentedFrom(req);
    if (presented === 'too-large') {
      res.header('connection', 'close');
      return reply(413, { outcome: 'refused', reason: 'too-large', message: { title: 'Passport not accepted', lines: [REFUSAL_SENTENCES['too-large'], 'Nothing was recorded.'], tone: 'warning' }, checks: [], error: { code: 'too-large', message: REFUSAL_SENTENCES['too-large'] } } satisfies PresentAnswer);
    }
    if (presented === 'bad-json') throw new ApiError(400, 'invalid', 'Send { "text": "<the passport link or its JWT>" }, or the file itself as the body. Nothing was recorded.');
    const result = await presentPassport(presentDeps, { actor: caller.person, learnerId, presented });
    context.logger.info({ event: 'passport.presented', outcome: result.kind, reason: 'reason' in result ? result.reason : 'why' in result ? result.why : undefined }, 'passport presented');
    const answer = presentAnswer(result, config.supportContact, todayInLondon(services.clock));
    return reply(answer.status, answer.body, answer.headers);
  };
  server.post(PASSPORT_ROUTES.present, kit.route({}, async ({ caller, req, res }) => present(caller, caller.staffId, req, res)));
  server.post(PASSPORT_ROUTES.presentFor, kit.route({ params: z.object({ learnerId: idSchema }) }, async ({ caller, params, req, res }) => present(caller, params.learnerId, req, res)));

  // --- learning and development ---------------------------------------------------------------------
  const requireCapability = (caller: TabCaller, capability: 'passport.trust' | 'passport.revoke') => {
    if (!can(caller.person, capability)) throw forbidden(`Only ${whoCan(capability)} can do this.`);
  };
  server.get(PASSPORT_ROUTES.trust, kit.route({}, async ({ caller }): Promise<TrustListAnswer> => {
    requireCapability(caller, 'passport.trust');
    return { entries: await passport.trust.list() };
  }));
  server.post(PASSPORT_ROUTES.trust, ...kit.json(), kit.route({ body: trustBody }, async ({ caller, body }) => {
    const result = await trustIssuer(trustDeps, caller.person, body);
    const message = trustMessage(result);
    if (result.kind === 'added') return reply(201, { message, entry: result.entry });
    const status = { forbidden: 403, 'already-trusted': 409, 'bad-issuer': 400, 'bad-ods-code': 400 }[result.kind as 'forbidden' | 'already-trusted' | 'bad-issuer' | 'bad-ods-code'] ?? 400;
    throw new ApiError(status, result.kind, message.lines.join(' '));
  }));
  server.del(PASSPORT_ROUTES.trust, kit.route({ query: z.object({ issuer: z.string().min(1).max(300) }) }, async ({ caller, query }) => {
    const result = await distrustIssuer(trustDeps, caller.person, query.issuer);
    const message = trustMessage(result);
    if (result.kind === 'removed') return { message, entry: result.entry };
    throw new ApiError({ forbidden: 403, 'not-on-list': 404, 'bad-issuer': 400 }[result.kind as 'forbidden' | 'not-on-list' | 'bad-issuer'] ?? 400, result.kind, message.lines.join(' '));
  }));
  server.get(PASSPORT_ROUTES.issuedTo, kit.route({ params: z.object({ learnerId: idSchema }) }, async ({ caller, params }): Promise<{ passports: PassportView[] }> => {
    requireCapability(caller, 'passport.revoke');
    return { passports: (await passport.passports.listFor(params.learnerId)).map(viewOf) };
  }));
  server.post(PASSPORT_ROUTES.revoke, ...kit.json(), kit.route({ params: z.object({ passportId: uuid }), body: revokeBody }, async ({ caller, params, body }) => {
    const result = await revokePassport(revokeDeps, caller.person, params.passportId, body.reason);
    const message = revokeMessage(result);
    if (result.kind === 'revoked') return { message, passport: viewOf(result.passport) };
    throw new ApiError({ 'already-revoked': 409, 'reason-required': 422, forbidden: 403, 'not-found': 404 }[result.kind], result.kind, message.lines.join(' '));
  }));
};
