import { createHash } from 'node:crypto';
import type { AuditEvent } from '../audit/audit-chain.js';
import type { CatalogueSource, EvidenceQueue, StaffStore } from '../learning/ports.js';
import type { LearningRecord } from '../learning/types.js';
import { can } from '../people/authorisation.js';
import type { Person } from '../people/types.js';
import { todayInLondon, type Clock } from '../time/clock.js';
import type { LocalDate } from '../time/local-date.js';
import { CheckList, type PassportCheck } from './checks.js';
import { passportUuid, type PassportCredential, type PassportIssuer } from './credential.js';
import { matchIdentity } from './identity-match.js';
import type { IssuerFetcher } from './issuer-fetch.js';
import { readPresentation, type Presented, type ReadRefusal } from './read-presentation.js';
import { verifyPassport, type InvalidReason, type VerifyDeps } from './verify-passport.js';

export interface PresentDeps extends VerifyDeps {
  fetcher: IssuerFetcher;
  staff: Pick<StaffStore, 'getBundle' | 'change'>;
  catalogue: CatalogueSource;
  clock: Clock;
  evidence: EvidenceQueue;
  /** Recomputes the learner's summary row (reports, reminders) after their records change. */
  refreshSummary(staffId: string): Promise<void>;
  /** This organisation's Entra tenant: the identity rule compares object ids only within it. */
  tenantId: string;
  /** This deployment's own issuer URL: its own passports are not evidence to bring here. */
  ownIssuer(): string | undefined;
}

export interface PresentInput {
  actor: Person;
  /** Whose passport it is meant to be: the actor themselves, or a learner L&D present on behalf of. */
  learnerId: string;
  presented: Presented;
}

export interface ItemOutcome {
  subjectId: string;
  level: number;
  label: string;
  completedOn: LocalDate;
  expiresOn: LocalDate | null;
  recordId: string;
}
export type SkipReason = 'expired' | 'not-in-catalogue' | 'local-topic' | 'rejected-before' | 'future-date';
export interface SkippedItem {
  label: string;
  why: SkipReason;
}
export type QueueReason = 'issuer-not-trusted' | 'ods-mismatch' | 'identity-unconfirmed';
export type RefusalReason = ReadRefusal | InvalidReason | 'link-not-found' | 'issued-here' | 'someone-else' | 'nothing-transferable';

export type PresentResult =
  | { kind: 'transferred'; learner: Person; issuer: PassportIssuer; passportId: string; items: ItemOutcome[]; skipped: SkippedItem[]; alreadyHeld: boolean; checks: PassportCheck[] }
  | { kind: 'queued'; learner: Person; issuer: PassportIssuer; passportId: string; why: QueueReason; items: ItemOutcome[]; skipped: SkippedItem[]; checks: PassportCheck[] }
  | { kind: 'refused'; reason: RefusalReason; checks: PassportCheck[]; issuer?: PassportIssuer; skipped?: SkippedItem[] }
  | { kind: 'issuer-unreachable'; issuer: string; what: 'keys' | 'status list' | 'passport'; checks: PassportCheck[] }
  | { kind: 'forbidden' }
  | { kind: 'not-found' };

const MAX_LINKED_BYTES = 64 * 1024;

/** The record a passport item becomes here: the same id however often the passport is presented. */
function recordIdOf(passportId: string, subjectId: string, level: number, completedOn: string): string {
  return `cert-${createHash('sha256').update(`passport|${passportId}|${subjectId}|${level}|${completedOn}`).digest('hex').slice(0, 24)}`;
}

/** Fetches the credential a link points at, from the issuer named by the link. */
async function credentialAtLink(deps: PresentDeps, url: URL): Promise<{ kind: 'jwt'; jwt: string } | Exclude<PresentResult, { kind: 'transferred' | 'queued' | 'forbidden' | 'not-found' }>> {
  const checks = new CheckList();
  const trusted = (await deps.trust.find(url.origin)) !== undefined;
  const answer = await deps.fetcher.get(url.toString(), { accept: 'application/vc+jwt', maxBytes: MAX_LINKED_BYTES, trusted });
  if (answer.kind === 'timeout' || answer.kind === 'unreachable' || (answer.kind === 'ok' && answer.status >= 500)) {
    checks.fail('issuer', `The passport could not be fetched from ${url.origin}: ${answer.kind === 'timeout' ? 'it did not answer in time' : answer.kind === 'ok' ? `it answered ${answer.status}` : answer.reason}.`);
    return { kind: 'issuer-unreachable', issuer: url.origin, what: 'passport', checks: checks.items };
  }
  if (answer.kind === 'refused-address') return { kind: 'refused', reason: 'issuer-not-allowed', checks: checks.fail('issuer', `The link points at ${answer.reason}, which this server does not call for an issuer that is not on the trust list.`).items };
  if (answer.kind === 'too-large') return { kind: 'refused', reason: 'too-large', checks: checks.fail('format', 'What the link points at is far larger than a passport.').items };
  if (answer.status === 404 || answer.status === 410) return { kind: 'refused', reason: 'link-not-found', checks: checks.fail('issuer', 'The issuer does not know this link: it was mistyped, or the passport was withdrawn.').items };
  if (answer.status !== 200) return { kind: 'refused', reason: 'malformed', checks: checks.fail('format', `The link answered ${answer.status}, not a passport.`).items };
  return { kind: 'jwt', jwt: answer.body.toString('utf8').trim() };
}

/**
 * A learner (or learning and development for them) presents a passport from another organisation.
 * Read it (link, QR picture, PDF, JWT) → verify it (signature, issuer, dates, revocation) → whose is it
 * → is the issuer on our trust list. All good: its in-date items become verified transferred records
 * with provenance, no manual step. Issuer not trusted, ODS code not the trusted one, or identity only
 * by name: the items wait in the verification queue with every check in plain words. Anything else
 * (unreadable, tampered, expired, revoked, someone else's, unreachable issuer): a clear answer and
 * nothing stored at all.
 */
export async function presentPassport(deps: PresentDeps, input: PresentInput): Promise<PresentResult> {
  if (input.actor.id !== input.learnerId && !can(input.actor, 'passport.present-for')) return { kind: 'forbidden' };
  const bundle = await deps.staff.getBundle(input.learnerId);
  if (!bundle) return { kind: 'not-found' };

  const read = await readPresentation(input.presented);
  if (read.kind === 'refused') return { kind: 'refused', reason: read.reason, checks: new CheckList().fail('format', 'It is not a learning passport this service can read.').items };
  let jwt: string;
  let linkOrigin: string | undefined;
  if (read.kind === 'link') {
    const fetched = await credentialAtLink(deps, read.url);
    if (fetched.kind !== 'jwt') return fetched;
    jwt = fetched.jwt;
    linkOrigin = read.url.origin;
  } else {
    jwt = read.jwt;
  }

  const verified = await verifyPassport(deps, jwt);
  if (verified.kind === 'unreachable') return { kind: 'issuer-unreachable', issuer: verified.issuer, what: verified.what, checks: verified.checks };
  if (verified.kind === 'invalid') return { kind: 'refused', reason: verified.reason, checks: verified.checks, ...(verified.credential ? { issuer: verified.credential.issuer } : {}) };
  const { credential } = verified;
  const checks = new CheckList();
  checks.items.push(...verified.checks);
  if (linkOrigin && linkOrigin !== new URL(credential.issuer.id).origin) {
    return { kind: 'refused', reason: 'malformed', checks: checks.fail('issuer', `The link is at ${linkOrigin} but the passport says it was issued at ${credential.issuer.id}.`).items, issuer: credential.issuer };
  }

  if (credential.issuer.id === deps.ownIssuer()) {
    return { kind: 'refused', reason: 'issued-here', checks: checks.fail('issuer', 'This organisation issued it: its learning is recorded here already.').items, issuer: credential.issuer };
  }

  const identity = matchIdentity(credential.credentialSubject.holder, bundle.person, deps.tenantId);
  if (identity.kind === 'mismatch') return { kind: 'refused', reason: 'someone-else', checks: checks.fail('identity', identity.detail).items, issuer: credential.issuer };
  if (identity.kind === 'same-account') checks.pass('identity', 'Issued to this learner’s own Microsoft 365 account.');
  else checks.fail('identity', identity.detail);

  const trust = verified.trust;
  let why: QueueReason | undefined;
  if (!trust) {
    why = 'issuer-not-trusted';
    checks.fail('trust', `${credential.issuer.name} (${credential.issuer.id}) is not on this organisation's trust list.`);
  } else if (trust.odsCode !== credential.issuer.odsCode) {
    why = 'ods-mismatch';
    checks.fail('trust', `The trust list has ${credential.issuer.id} as ODS ${trust.odsCode}, but the passport says ODS ${credential.issuer.odsCode}.`);
  } else {
    checks.pass('trust', `${trust.name} is on this organisation's trust list.`);
    if (identity.kind === 'name-only') why = 'identity-unconfirmed';
  }

  return store(deps, input, bundle.person, credential, checks, why, bundle.records);
}

async function store(deps: PresentDeps, input: PresentInput, learner: Person, credential: PassportCredential, checks: CheckList, why: QueueReason | undefined, existing: readonly LearningRecord[]): Promise<PresentResult> {
  const catalogue = await deps.catalogue.current();
  const today = todayInLondon(deps.clock);
  const now = deps.clock.now().toISOString();
  const passportId = passportUuid(credential.id);
  const items: ItemOutcome[] = [];
  const skipped: SkippedItem[] = [];
  const records: LearningRecord[] = [];
  for (const item of credential.credentialSubject.learning) {
    const label = `${item.subject} (${item.levelName})`;
    const subject = catalogue.subject(item.subjectId);
    const topic = catalogue.levelsOf(item.subjectId).find((t) => t.level === item.level);
    const id = recordIdOf(passportId, item.subjectId, item.level, item.completedOn);
    const skip = (reason: SkipReason) => skipped.push({ label, why: reason });
    if (item.expiresOn !== null && item.expiresOn < today) skip('expired');
    else if (item.completedOn > today) skip('future-date');
    else if (item.kind !== 'national') skip('local-topic');
    else if (!subject || !topic) skip('not-in-catalogue');
    else if (subject.kind !== 'national') skip('local-topic');
    else if (existing.some((r) => r.id === id && r.verification.state === 'rejected')) skip('rejected-before');
    else {
      items.push({ subjectId: item.subjectId, level: item.level, label: catalogue.topicLabel(item.subjectId, item.level), completedOn: item.completedOn, expiresOn: item.expiresOn, recordId: id });
      records.push({
        id,
        subjectId: item.subjectId,
        level: item.level,
        completedOn: item.completedOn,
        method: item.method,
        source: { kind: 'transferred', employer: credential.issuer.name, reference: `learning passport ${passportId}` },
        verification: why ? { state: 'pending' } : { state: 'verified', on: today },
        expiresOn: item.expiresOn,
        recordedAt: now,
        provenance: { kind: 'passport', issuer: credential.issuer.id, issuerName: credential.issuer.name, odsCode: credential.issuer.odsCode, passportId, ...(why ? { checks: checks.items } : { verifiedOn: today }) },
      });
    }
  }
  if (items.length === 0) {
    return { kind: 'refused', reason: 'nothing-transferable', checks: checks.fail('items', 'None of its items can count here (see each item).').items, issuer: credential.issuer, skipped };
  }
  checks.pass('items', `${items.length} in-date item${items.length === 1 ? '' : 's'} ${why ? 'to confirm' : 'transferred'}${skipped.length ? `, ${skipped.length} not` : ''}.`);
  const alreadyHeld = !why && records.every((r) => existing.some((e) => e.id === r.id && e.verification.state === 'verified'));
  if (why) {
    // Queued first: a queue row whose record never arrived is skipped by the reader; a record never queued would wait unseen.
    for (const record of records) {
      if (existing.some((e) => e.id === record.id && e.verification.state === 'verified')) continue;
      await deps.evidence.enqueue({ learnerId: learner.id, recordId: record.id, subjectId: record.subjectId, level: record.level, broughtAt: now });
    }
  }
  const chained: AuditEvent = {
    actorId: input.actor.id,
    action: why ? 'passport.queued' : 'passport.transferred',
    target: learner.id,
    summary: `learning passport from ${credential.issuer.name} (ODS ${credential.issuer.odsCode}): ${items.length} item${items.length === 1 ? '' : 's'} ${why ? `waiting for verification (${why})` : 'transferred'}`,
    details: { passportId, issuer: credential.issuer.id, odsCode: credential.issuer.odsCode, records: records.map((r) => r.id), skipped: skipped.length, ...(why ? { why } : {}) },
  };
  if (!alreadyHeld) {
    // The records and their chain entry are one change: stored and chained together, or neither.
    await deps.staff.change(learner.id, (bundle) => {
      // A record already verified here (by an earlier presentation or by hand) is kept as it is.
      const fresh = records.filter((record) => !bundle.records.some((r) => r.id === record.id && r.verification.state !== 'pending'));
      if (fresh.length === 0) return { kind: 'keep', result: true };
      const ids = new Set(fresh.map((r) => r.id));
      return { kind: 'write', bundle: { ...bundle, records: [...bundle.records.filter((r) => !ids.has(r.id)), ...fresh] }, records: fresh, chain: [chained], result: true };
    });
    await deps.refreshSummary(learner.id);
  }
  return why
    ? { kind: 'queued', learner, issuer: credential.issuer, passportId, why, items, skipped, checks: checks.items }
    : { kind: 'transferred', learner, issuer: credential.issuer, passportId, items, skipped, alreadyHeld, checks: checks.items };
}
