import { randomBytes, randomUUID } from 'node:crypto';
import type { AuditEvent } from '../audit/audit-chain.js';
import type { KeyRing } from '../keys/key-ring.js';
import type { CatalogueIndex } from '../learning/catalogue-index.js';
import { recordCounts, recordExpiry } from '../learning/compliance.js';
import type { CatalogueSource, StaffStore } from '../learning/ports.js';
import type { LearningRecord } from '../learning/types.js';
import type { Person } from '../people/types.js';
import { todayInLondon, type Clock } from '../time/clock.js';
import type { LocalDate } from '../time/local-date.js';
import { passportLinkOf, PASSPORT_TYPE, statusListUrlOf, VC_CONTEXT, type PassportCredential, type PassportItem } from './credential.js';
import { signCompact } from './jws.js';
import type { PassportSettings } from './passport-settings.js';
import type { IssuedPassport, PassportStore, StatusListStore } from './ports.js';

export interface IssueDeps {
  staff: Pick<StaffStore, 'getBundle'>;
  catalogue: CatalogueSource;
  clock: Clock;
  /** Undefined where no signing key is set up (production without a Key Vault key). */
  keys: Pick<KeyRing, 'activeKey'> | undefined;
  passports: Pick<PassportStore, 'save'>;
  statusLists: Pick<StatusListStore, 'allocate'>;
  settings: PassportSettings;
}

export interface IssueInput {
  /** Only these subjects (the learner chooses what to share); all in-date learning when absent. */
  subjectIds?: string[];
}

export type IssueResult =
  | { kind: 'issued'; passport: IssuedPassport; credential: PassportCredential; link: string }
  | { kind: 'nothing-in-date' }
  | { kind: 'unknown-subjects'; subjectIds: string[] }
  | { kind: 'not-set-up'; missing: ('issuer URL' | 'ODS code' | 'signing key')[] }
  | { kind: 'not-found' };

/**
 * The in-date learning a passport can carry: every verified record still valid today (its own stated
 * expiry, else completion + the topic's renewal, exactly as compliance counts it), the best record of
 * each subject and level, and a lower level left out where a higher one of the same subject lasts as long.
 */
export function inDateItems(records: readonly LearningRecord[], catalogue: CatalogueIndex, today: LocalDate): PassportItem[] {
  const best = new Map<string, { record: LearningRecord; expires: LocalDate | null }>();
  for (const record of records) {
    if (!recordCounts(record) || record.completedOn > today) continue;
    const topic = catalogue.levelsOf(record.subjectId).find((t) => t.level === record.level);
    if (!topic || !catalogue.subject(record.subjectId)) continue;
    const expires = recordExpiry(record, topic.renewalMonths);
    if (expires !== null && expires < today) continue;
    const key = `${record.subjectId}|${record.level}`;
    const held = best.get(key);
    if (!held || lasts(expires, held.expires) > 0 || (lasts(expires, held.expires) === 0 && record.completedOn > held.record.completedOn)) best.set(key, { record, expires });
  }
  const kept = [...best.values()].filter(({ record, expires }) =>
    ![...best.values()].some((other) => other.record.subjectId === record.subjectId && other.record.level > record.level && lasts(other.expires, expires) >= 0),
  );
  return kept
    .map(({ record, expires }): PassportItem => {
      const subject = catalogue.subject(record.subjectId)!;
      const topic = catalogue.levelsOf(record.subjectId).find((t) => t.level === record.level)!;
      const from = record.provenance?.kind === 'passport' ? { transferredFrom: { issuer: record.provenance.issuer, name: record.provenance.issuerName, odsCode: record.provenance.odsCode } } : {};
      return { subjectId: subject.id, subject: subject.name, kind: subject.kind, level: record.level, levelName: topic.levelName, completedOn: record.completedOn, method: record.method, expiresOn: expires, ...from };
    })
    .sort((a, b) => a.subject.localeCompare(b.subject) || a.level - b.level);
}

/** >0 when a lasts longer than b (null = never expires). */
function lasts(a: LocalDate | null, b: LocalDate | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a > b ? 1 : -1;
}

/**
 * A learner asks for their passport: their in-date learning, signed by the organisation, with a
 * revocation entry in the organisation's status list, stored so the link can be served and the
 * passport revoked. Nothing at all is issued when there is nothing in date.
 */
export async function issuePassport(deps: IssueDeps, learner: Person, input: IssueInput = {}): Promise<IssueResult> {
  const { settings } = deps;
  const missing = [...(settings.issuerUrl ? [] : ['issuer URL' as const]), ...(settings.odsCode ? [] : ['ODS code' as const]), ...(deps.keys ? [] : ['signing key' as const])];
  if (!settings.issuerUrl || !settings.odsCode || !deps.keys) return { kind: 'not-set-up', missing };
  const [bundle, catalogue] = await Promise.all([deps.staff.getBundle(learner.id), deps.catalogue.current()]);
  if (!bundle) return { kind: 'not-found' };
  const today = todayInLondon(deps.clock);
  let items = inDateItems(bundle.records, catalogue, today);
  if (input.subjectIds) {
    const unknown = input.subjectIds.filter((id) => !catalogue.subject(id));
    if (unknown.length > 0) return { kind: 'unknown-subjects', subjectIds: unknown };
    const chosen = new Set(input.subjectIds);
    items = items.filter((item) => chosen.has(item.subjectId));
  }
  if (items.length === 0) return { kind: 'nothing-in-date' };

  const id = randomUUID();
  const now = deps.clock.now();
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + settings.validDays * 86_400;
  const key = await deps.keys.activeKey();
  const status = await deps.statusLists.allocate(id);
  const statusListCredential = statusListUrlOf(settings.issuerUrl, status.listId);
  const person = bundle.person;
  const credential: PassportCredential = {
    '@context': [VC_CONTEXT],
    id: `urn:uuid:${id}`,
    type: ['VerifiableCredential', PASSPORT_TYPE],
    issuer: { id: settings.issuerUrl, name: settings.organisationName, odsCode: settings.odsCode },
    validFrom: new Date(iat * 1000).toISOString(),
    validUntil: new Date(exp * 1000).toISOString(),
    credentialSubject: {
      type: 'LearningRecordHolder',
      holder: { name: person.name, ...(person.aadObjectId ? { entra: { tenantId: settings.tenantId, objectId: person.aadObjectId.toLowerCase() } } : {}) },
      learning: items,
    },
    credentialStatus: {
      id: `${statusListCredential}#${status.index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(status.index),
      statusListCredential,
    },
    iss: settings.issuerUrl,
    jti: `urn:uuid:${id}`,
    iat,
    nbf: iat,
    exp,
  };
  const jwt = await signCompact(credential, key);
  const passport: IssuedPassport = {
    id,
    staffId: person.id,
    issuedAt: now.toISOString(),
    validUntil: credential.validUntil,
    statusList: status.listId,
    statusIndex: status.index,
    shareToken: randomBytes(24).toString('base64url'),
    jwt,
    itemLabels: items.map((item) => `${item.subject} (${item.levelName})`),
  };
  await deps.passports.save(passport, [
    {
      actorId: learner.id,
      action: 'passport.issued',
      target: learner.id,
      summary: `learning passport with ${items.length} in-date item${items.length === 1 ? '' : 's'}`,
      details: { passportId: id, keyId: key.kid, statusList: status.listId, subjects: items.map((i) => `${i.subjectId}:${i.level}`) },
    },
  ]);
  return { kind: 'issued', passport, credential, link: passportLinkOf(settings.issuerUrl, id, passport.shareToken) };
}
