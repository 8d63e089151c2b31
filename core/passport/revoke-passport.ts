import type { AuditEvent } from '../audit/audit-chain.js';
import { can } from '../people/authorisation.js';
import type { Person } from '../people/types.js';
import type { Clock } from '../time/clock.js';
import type { IssuedPassport, PassportStore, StatusListStore } from './ports.js';

export interface RevokeDeps {
  passports: Pick<PassportStore, 'get' | 'markRevoked'>;
  statusLists: Pick<StatusListStore, 'revoke'>;
  clock: Clock;
}

export type RevokeResult =
  | { kind: 'revoked'; passport: IssuedPassport }
  | { kind: 'already-revoked'; passport: IssuedPassport }
  | { kind: 'reason-required' }
  | { kind: 'forbidden' }
  | { kind: 'not-found' };

/**
 * Learning and development revoke a passport this organisation issued (a record in it was later
 * corrected, or it was issued in error). The status list bit is set first, so from that moment every
 * verifier that checks it is refused; then the passport is marked, once. Revoking again changes nothing.
 */
export async function revokePassport(deps: RevokeDeps, actor: Person, passportId: string, reason: string): Promise<RevokeResult> {
  if (!can(actor, 'passport.revoke')) return { kind: 'forbidden' };
  const why = reason.trim();
  if (why.length < 3) return { kind: 'reason-required' };
  const passport = await deps.passports.get(passportId);
  if (!passport) return { kind: 'not-found' };
  if (passport.revoked) return { kind: 'already-revoked', passport };
  await deps.statusLists.revoke(passport.statusList, passport.statusIndex);
  const revoked = await deps.passports.markRevoked(passport.id, { at: deps.clock.now().toISOString(), by: actor.id, reason: why }, [
    { actorId: actor.id, action: 'passport.revoked', target: passport.staffId, summary: 'learning passport revoked', details: { passportId: passport.id, statusList: passport.statusList, reason: why } },
  ]);
  if (!revoked) return { kind: 'not-found' };
  return { kind: 'revoked', passport: revoked };
}
