import type { AuditEvent } from '../audit/audit-chain.js';
import { can } from '../people/authorisation.js';
import type { Person } from '../people/types.js';
import type { Clock } from '../time/clock.js';
import { normaliseIssuer } from './credential.js';
import type { TrustedIssuer, TrustListStore } from './ports.js';

export interface TrustDeps {
  trust: TrustListStore;
  clock: Clock;
  allowLoopbackIssuers: boolean;
}

export interface TrustInput {
  issuer: string;
  odsCode: string;
  name: string;
}

export type TrustChange =
  | { kind: 'added'; entry: TrustedIssuer }
  | { kind: 'removed'; entry: TrustedIssuer }
  | { kind: 'already-trusted'; entry: TrustedIssuer }
  | { kind: 'not-on-list' }
  | { kind: 'bad-issuer' }
  | { kind: 'bad-ods-code' }
  | { kind: 'forbidden' };

const ODS = /^[A-Z0-9]{3,10}$/;

/**
 * The organisations whose passports count here without a manual check: learning and development add
 * an issuer by its URL and ODS code (both must then match a passport), or remove it. Every change goes
 * to the audit chain. Changing an entry's ODS code is a removal and an addition, both audited.
 */
export async function trustIssuer(deps: TrustDeps, actor: Person, input: TrustInput): Promise<TrustChange> {
  if (!can(actor, 'passport.trust')) return { kind: 'forbidden' };
  const issuer = normaliseIssuer(input.issuer.trim(), deps.allowLoopbackIssuers);
  if (!issuer) return { kind: 'bad-issuer' };
  const odsCode = input.odsCode.trim().toUpperCase();
  if (!ODS.test(odsCode)) return { kind: 'bad-ods-code' };
  const entry: TrustedIssuer = { issuer, odsCode, name: input.name.trim(), addedBy: actor.id, addedAt: deps.clock.now().toISOString() };
  const chained = { actorId: actor.id, action: 'passport.issuer-trusted', target: issuer, summary: `${entry.name} (ODS ${odsCode}) added to the passport trust list`, details: { issuer, odsCode, name: entry.name } };
  if (!(await deps.trust.add(entry, [chained]))) return { kind: 'already-trusted', entry: (await deps.trust.find(issuer)) ?? entry };
  return { kind: 'added', entry };
}

export async function distrustIssuer(deps: TrustDeps, actor: Person, issuerUrl: string): Promise<TrustChange> {
  if (!can(actor, 'passport.trust')) return { kind: 'forbidden' };
  const issuer = normaliseIssuer(issuerUrl.trim(), deps.allowLoopbackIssuers);
  if (!issuer) return { kind: 'bad-issuer' };
  const removed = await deps.trust.remove(issuer, (entry) => [
    { actorId: actor.id, action: 'passport.issuer-distrusted', target: issuer, summary: `${entry.name} (ODS ${entry.odsCode}) removed from the passport trust list`, details: { issuer, odsCode: entry.odsCode } },
  ]);
  if (!removed) return { kind: 'not-on-list' };
  return { kind: 'removed', entry: removed };
}
