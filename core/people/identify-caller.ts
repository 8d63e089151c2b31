import type { AuditEvent } from '../audit/audit-chain.js';
import { auditEntry } from '../learning/audit.js';
import type { StaffStore } from '../learning/ports.js';
import type { Clock } from '../time/clock.js';
import type { DirectoryLookup } from './directory-lookup.js';
import type { Person } from './types.js';

/**
 * Who is calling, as a transport has proved it: the Entra object id and tenant (a validated Teams SSO
 * token's `oid` + `tid`, or a Bot Framework activity's `from.aadObjectId` + tenant), and, only for a
 * first sign-in, the account's user name (`preferred_username`/`upn`, or Teams' member record).
 */
export interface ProvenCaller {
  aadObjectId: string;
  tenantId?: string;
  userName?: string;
  /** Which door they came through (for the audit entry of a first sign-in). */
  via: 'tab' | 'bot';
}

export type IdentityRefusal = 'record-linked-to-another-account' | 'another-tenant' | 'index-disagrees';

export type CallerIdentity =
  | { kind: 'known'; person: Person }
  /** First sign-in: the record had no object id; this one is now stored, audited and indexed. */
  | { kind: 'bound'; person: Person }
  | { kind: 'unknown' }
  | { kind: 'refused'; reason: IdentityRefusal; staffId: string };

export interface IdentifyDeps {
  directory: DirectoryLookup;
  staff: Pick<StaffStore, 'getPerson' | 'change'>;
  /** The directory's index rows follow the person (object id → staff id). */
  index: { index(person: Person, previous?: Person): Promise<void> };
  clock: Clock;
  /** A security event: someone presented an identity that does not match the record (logged, audited). */
  refused(event: { reason: IdentityRefusal; staffId: string; via: ProvenCaller['via'] }): void;
}

const same = (a: string | undefined, b: string | undefined) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/**
 * Maps a proven caller to a staff record, on the object id alone. A person whose record holds an
 * object id is reached only by that id; a user-name match may bind a record that has none yet, once
 * (then the id is stored, indexed and audited, and the rule above applies from then on). A user name
 * is mutable and a guest's is its home address, so it never reaches a record that is already bound.
 */
export async function identifyCaller(deps: IdentifyDeps, caller: ProvenCaller): Promise<CallerIdentity> {
  const objectId = caller.aadObjectId.toLowerCase();
  const byId = await deps.directory.staffIdForAadObjectId(objectId);
  if (byId) {
    const person = await deps.staff.getPerson(byId);
    if (!person) return { kind: 'unknown' };
    return checked(deps, caller, person);
  }
  if (!caller.userName) return { kind: 'unknown' };
  const byName = await deps.directory.staffIdForEmail(caller.userName);
  if (!byName) return { kind: 'unknown' };
  const person = await deps.staff.getPerson(byName);
  if (!person || !same(person.email, caller.userName)) return { kind: 'unknown' };
  // The record already names an account: only that account reaches it (an index row lost in a crash is put back).
  if (person.aadObjectId) {
    if (!same(person.aadObjectId, objectId)) return refuse(deps, caller, 'record-linked-to-another-account', person.id);
    const ok = checked(deps, caller, person);
    if (ok.kind === 'known') await deps.index.index(person);
    return ok;
  }
  return bind(deps, caller, person.id);
}

function checked(deps: IdentifyDeps, caller: ProvenCaller, person: Person): CallerIdentity {
  if (!same(person.aadObjectId, caller.aadObjectId)) return refuse(deps, caller, 'index-disagrees', person.id);
  if (person.tenantId && caller.tenantId && !same(person.tenantId, caller.tenantId)) return refuse(deps, caller, 'another-tenant', person.id);
  return { kind: 'known', person };
}

function refuse(deps: IdentifyDeps, caller: ProvenCaller, reason: IdentityRefusal, staffId: string): CallerIdentity {
  deps.refused({ reason, staffId, via: caller.via });
  return { kind: 'refused', reason, staffId };
}

/** Stores the object id on a record that has none, under the aggregate's ETag: of two accounts claiming it at once, one wins. */
async function bind(deps: IdentifyDeps, caller: ProvenCaller, staffId: string): Promise<CallerIdentity> {
  const objectId = caller.aadObjectId.toLowerCase();
  const at = deps.clock.now().toISOString();
  type Outcome = { kind: 'bound'; person: Person; previous: Person } | { kind: 'taken' } | { kind: 'changed' };
  const outcome = await deps.staff.change<Outcome>(staffId, (bundle) => {
    const previous = bundle.person;
    if (previous.aadObjectId) return { kind: 'keep', result: same(previous.aadObjectId, objectId) ? { kind: 'bound', person: previous, previous } : { kind: 'taken' } };
    if (!same(previous.email, caller.userName)) return { kind: 'keep', result: { kind: 'changed' } };
    const person: Person = { ...previous, aadObjectId: objectId, ...(caller.tenantId ? { tenantId: caller.tenantId.toLowerCase() } : {}) };
    const chained: AuditEvent = { actorId: staffId, action: 'identity.bound', target: staffId, summary: `Entra account linked on first sign-in (${caller.via})`, details: { objectId, ...(caller.tenantId ? { tenantId: caller.tenantId } : {}) } };
    return {
      kind: 'write',
      bundle: { ...bundle, person },
      audit: [auditEntry({ at, actorId: staffId, personId: staffId, action: 'identity.bound', what: `Entra object id ${objectId} linked (${caller.via})` })],
      chain: [chained],
      result: { kind: 'bound', person, previous },
    };
  });
  if (!outcome || outcome.kind === 'changed') return { kind: 'unknown' };
  if (outcome.kind === 'taken') return refuse(deps, caller, 'record-linked-to-another-account', staffId);
  await deps.index.index(outcome.person, outcome.previous);
  return { kind: 'bound', person: outcome.person };
}
