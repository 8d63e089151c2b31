import type { Logger } from 'pino';
import type { AuditEvent } from '../core/audit/audit-chain.js';
import { CachedDirectory } from '../core/people/cached-directory.js';
import { identifyCaller, type CallerIdentity, type IdentifyDeps, type ProvenCaller } from '../core/people/identify-caller.js';
import type { Services } from './services.js';

/** Callers, identified by their Entra object id: what the bot and the tab's API ask (see core/people/identify-caller.ts). */
export interface Identity {
  /** Every tab request: the stored person, read afresh (their permissions decide the request). */
  identify(caller: ProvenCaller): Promise<CallerIdentity>;
  /**
   * Bot turns: the staff id, remembered for a few minutes once verified, so a busy learner's turns do
   * not each pay two storage reads. Refusals and misses are never remembered.
   */
  staffIdOf(caller: ProvenCaller): Promise<CallerIdentity | { kind: 'known-id'; staffId: string }>;
}

const VERIFIED_TTL_MS = 5 * 60_000;
const MAX_REMEMBERED = 100_000;

export function createIdentity(services: Pick<Services, 'directory' | 'staff' | 'clock' | 'auditLog'>, logger: Logger): Identity {
  const alreadyChained = new Set<string>();
  const deps: IdentifyDeps = {
    directory: new CachedDirectory(services.directory),
    staff: services.staff,
    index: services.directory,
    clock: services.clock,
    refused: ({ reason, staffId, via }) => {
      logger.warn({ event: 'security.identity-refused', reason, staffId, via }, 'an account tried to reach a staff record linked to another account');
      // Chained once per record and reason per process, so a caller retrying cannot flood the chain.
      const key = `${staffId}|${reason}`;
      if (alreadyChained.has(key) || alreadyChained.size > 10_000) return;
      alreadyChained.add(key);
      const event: AuditEvent = { actorId: 'system', action: 'security.identity-refused', target: staffId, summary: `sign-in refused (${reason}, ${via})` };
      services.auditLog.append(event).catch((error: unknown) => logger.warn({ event: 'security.chain-failed', err: { message: (error as Error)?.message } }, 'could not chain a security event'));
    },
  };
  const verified = new Map<string, { staffId: string; until: number }>();
  const keyOf = (caller: ProvenCaller) => `${caller.aadObjectId.toLowerCase()}|${(caller.tenantId ?? '').toLowerCase()}`;
  return {
    identify: (caller) => identifyCaller(deps, caller),
    staffIdOf: async (caller) => {
      const key = keyOf(caller);
      const hit = verified.get(key);
      if (hit && hit.until > Date.now()) return { kind: 'known-id', staffId: hit.staffId };
      const identity = await identifyCaller(deps, caller);
      if (identity.kind === 'known' || identity.kind === 'bound') {
        if (verified.size >= MAX_REMEMBERED) verified.clear();
        verified.set(key, { staffId: identity.person.id, until: Date.now() + VERIFIED_TTL_MS });
      } else verified.delete(key);
      return identity;
    },
  };
}
