import type { JWK } from 'jose';
import { z } from 'zod';
import { jwksUrlOf } from './credential.js';
import type { IssuerFetcher } from './issuer-fetch.js';

const jwksSchema = z.object({ keys: z.array(z.record(z.unknown())).max(100) });
const ecKey = z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string().min(40).max(50), y: z.string().min(40).max(50), kid: z.string().min(1).max(200) });
const MAX_JWKS_BYTES = 64 * 1024;

export type KeyLookup =
  | { kind: 'ok'; jwk: JWK; fetched: boolean }
  | { kind: 'unknown-key'; known: number }
  | { kind: 'unreachable'; reason: string; timedOut: boolean }
  | { kind: 'refused-address'; reason: string }
  | { kind: 'bad-keys'; reason: string };

interface CachedSet {
  keys: Map<string, JWK>;
  fetchedAt: number;
}

/**
 * Other issuers' public keys (their JWKS at /.well-known/jwks.json), cached per issuer. A key id not
 * in the cached set makes one refetch (waiting out a short cooldown since the last), so a rotation at
 * the issuer is picked up at once, "unknown key" is only ever said after a fresh look, and a flood of
 * made-up key ids cannot make us hammer anyone.
 */
export class IssuerKeys {
  private readonly cache = new Map<string, CachedSet>();
  private readonly inFlight = new Map<string, Promise<CachedSet | Exclude<KeyLookup, { kind: 'ok' } | { kind: 'unknown-key' }>>>();

  constructor(
    private readonly fetcher: IssuerFetcher,
    private readonly options: { maxAgeMs: number; refetchCooldownMs: number; now?: () => number },
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  async keyFor(issuer: string, kid: string, trusted: boolean): Promise<KeyLookup> {
    const cached = this.cache.get(issuer);
    const age = cached ? this.now() - cached.fetchedAt : Infinity;
    if (cached && age < this.options.maxAgeMs) {
      const jwk = cached.keys.get(kid);
      if (jwk) return { kind: 'ok', jwk, fetched: false };
      // An unknown key id may be a rotation at the issuer: refetch, but at most once per cooldown, so a
      // flood of made-up key ids costs the issuer one request per cooldown and each caller a short wait.
      if (age < this.options.refetchCooldownMs) await new Promise((resolve) => setTimeout(resolve, this.options.refetchCooldownMs - age));
    }
    const fetched = await this.fetchSet(issuer, trusted);
    if ('kind' in fetched) return fetched;
    const jwk = fetched.keys.get(kid);
    return jwk ? { kind: 'ok', jwk, fetched: true } : { kind: 'unknown-key', known: fetched.keys.size };
  }

  /** Forgets an issuer's keys (a test, or an administrator who knows they changed). */
  forget(issuer: string): void {
    this.cache.delete(issuer);
  }

  private fetchSet(issuer: string, trusted: boolean) {
    let pending = this.inFlight.get(issuer);
    if (!pending) {
      pending = this.load(issuer, trusted).finally(() => this.inFlight.delete(issuer));
      this.inFlight.set(issuer, pending);
    }
    return pending;
  }

  private async load(issuer: string, trusted: boolean): Promise<CachedSet | Exclude<KeyLookup, { kind: 'ok' } | { kind: 'unknown-key' }>> {
    const answer = await this.fetcher.get(jwksUrlOf(issuer), { accept: 'application/jwk-set+json, application/json', maxBytes: MAX_JWKS_BYTES, trusted });
    switch (answer.kind) {
      case 'timeout':
        return { kind: 'unreachable', reason: 'it did not answer in time', timedOut: true };
      case 'unreachable':
        return { kind: 'unreachable', reason: answer.reason, timedOut: false };
      case 'refused-address':
        return { kind: 'refused-address', reason: answer.reason };
      case 'too-large':
        return { kind: 'bad-keys', reason: 'its published key set is larger than any key set should be' };
      case 'ok':
        break;
    }
    if (answer.status >= 500) return { kind: 'unreachable', reason: `it answered ${answer.status}`, timedOut: false };
    if (answer.status !== 200) return { kind: 'bad-keys', reason: `its key set address answered ${answer.status}` };
    let parsed: z.infer<typeof jwksSchema>;
    try {
      parsed = jwksSchema.parse(JSON.parse(answer.body.toString('utf8')));
    } catch {
      return { kind: 'bad-keys', reason: 'its published key set is not a JSON Web Key Set' };
    }
    const keys = new Map<string, JWK>();
    for (const raw of parsed.keys) {
      const key = ecKey.safeParse(raw);
      if (key.success) keys.set(key.data.kid, { kty: 'EC', crv: 'P-256', x: key.data.x, y: key.data.y, kid: key.data.kid });
    }
    const set = { keys, fetchedAt: this.now() };
    this.cache.set(issuer, set);
    return set;
  }
}
