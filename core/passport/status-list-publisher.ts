import type { KeyRing } from '../keys/key-ring.js';
import type { Clock } from '../time/clock.js';
import { STATUS_LIST_TYPE, statusListUrlOf, VC_CONTEXT } from './credential.js';
import { signCompact } from './jws.js';
import type { StatusListStore } from './ports.js';
import { encodeStatusList } from './status-list.js';

/** A signed list stays valid this long; verifiers fetch it fresh on every check anyway. */
const VALID_SECONDS = 24 * 60 * 60;
/** Re-signed at least this often, so a served list is never near the end of its validity. */
const RESIGN_AFTER_MS = 60 * 60 * 1000;

/**
 * Serves this organisation's status lists as signed Bitstring Status List credentials. Each instance
 * keeps the list it last signed and reuses it while the list's version (one point read) is unchanged,
 * so a revocation on any instance shows in the next answer of every instance, and Key Vault is not
 * asked to sign on every verifier's request.
 */
export class StatusListPublisher {
  private readonly signed = new Map<string, { version: string; jwt: string; at: number }>();

  constructor(
    private readonly deps: { statusLists: Pick<StatusListStore, 'version' | 'revoked'>; keys: Pick<KeyRing, 'activeKey'>; clock: Clock; issuerUrl: () => string | undefined },
  ) {}

  async jwt(listId: string): Promise<string | undefined> {
    const issuer = this.deps.issuerUrl();
    if (!issuer) return undefined;
    const version = await this.deps.statusLists.version(listId);
    if (version === undefined) return undefined;
    const now = this.deps.clock.now().getTime();
    const cached = this.signed.get(listId);
    if (cached && cached.version === version && now - cached.at < RESIGN_AFTER_MS) return cached.jwt;
    const revoked = await this.deps.statusLists.revoked(listId);
    if (!revoked) return undefined;
    const url = statusListUrlOf(issuer, listId);
    const iat = Math.floor(now / 1000);
    const credential = {
      '@context': [VC_CONTEXT],
      id: url,
      type: ['VerifiableCredential', STATUS_LIST_TYPE],
      issuer,
      validFrom: new Date(iat * 1000).toISOString(),
      validUntil: new Date((iat + VALID_SECONDS) * 1000).toISOString(),
      credentialSubject: { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encodeStatusList(revoked.indexes) },
      iss: issuer,
      iat,
      exp: iat + VALID_SECONDS,
    };
    const jwt = await signCompact(credential, await this.deps.keys.activeKey());
    this.signed.set(listId, { version: revoked.version, jwt, at: now });
    return jwt;
  }
}
