import type { Person } from '../people/types.js';
import type { PassportHolder } from './credential.js';

/**
 * Whose passport is it? The rule the verifier applies, and the only one:
 *
 * 1. Same Microsoft 365 tenant (the passport's Entra tenant is this organisation's, as for the many GP
 *    practices and trusts in the national NHS tenant, where an account moves with the person): the
 *    Entra object id decides, and nothing else. The learner's stored object id equals the passport's
 *    → theirs, automatically. Any other object id → someone else's passport, refused, whatever the name.
 * 2. Different tenants, or no Entra identity in the passport (object ids mean nothing across tenants):
 *    the names are compared after normalising (case, accents, punctuation, titles, word order). Equal →
 *    it may well be theirs, but a name is not proof: it goes to learning and development to confirm by
 *    hand (the verification queue), never automatically. Different → someone else's passport, refused.
 *
 * E-mail addresses and user names are never compared: they are not identity (see the README).
 */
export type IdentityMatch =
  | { kind: 'same-account' }
  | { kind: 'name-only'; detail: string }
  | { kind: 'mismatch'; detail: string };

const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'professor', 'sir', 'dame', 'rev', 'revd']);

/** A name as a set of words: lower case, no accents or punctuation, titles dropped, sorted. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '' && !TITLES.has(word))
    .sort()
    .join(' ');
}

export function matchIdentity(holder: PassportHolder, learner: Pick<Person, 'name' | 'aadObjectId'>, verifierTenantId: string): IdentityMatch {
  const entra = holder.entra;
  if (entra && entra.tenantId.toLowerCase() === verifierTenantId.toLowerCase() && learner.aadObjectId) {
    return entra.objectId.toLowerCase() === learner.aadObjectId.toLowerCase()
      ? { kind: 'same-account' }
      : { kind: 'mismatch', detail: `It was issued to a different account in the same Microsoft 365 tenant (${holder.name}).` };
  }
  const why = !entra
    ? 'the passport names no Microsoft 365 account'
    : entra.tenantId.toLowerCase() === verifierTenantId.toLowerCase()
      ? 'this organisation holds no Microsoft 365 account for the learner'
      : "the passport's account is in another organisation's Microsoft 365 tenant";
  if (nameKey(holder.name) !== '' && nameKey(holder.name) === nameKey(learner.name)) {
    return { kind: 'name-only', detail: `The name matches (${holder.name}), but ${why}, so the accounts cannot be compared: confirm it is the same person.` };
  }
  return { kind: 'mismatch', detail: `It was issued to ${holder.name}, not ${learner.name}.` };
}
