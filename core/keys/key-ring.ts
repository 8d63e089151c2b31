import type { PublicSigningKey, Signer, SigningKey } from './signer.js';

/** Every public key the organisation has signed passports with, kept so old passports still verify after a rotation. */
export interface PublishedKeyStore {
  /** Adds the key if absent (idempotent). */
  publish(key: PublicSigningKey, at: string): Promise<void>;
  list(): Promise<PublicSigningKey[]>;
}

/**
 * The signer and the published keys together: a key is published (written to storage, so every
 * instance's JWKS lists it) before its first signature, and never removed by a rotation. So a
 * verifier that meets a new key id refetches the JWKS and finds it, and passports signed with an
 * older key keep verifying.
 */
export class KeyRing {
  private readonly published = new Set<string>();

  constructor(
    readonly signer: Signer,
    private readonly store: PublishedKeyStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async activeKey(): Promise<SigningKey> {
    const key = await this.signer.activeKey();
    if (!this.published.has(key.kid)) {
      await this.store.publish(key.publicJwk, this.now().toISOString());
      this.published.add(key.kid);
    }
    return key;
  }

  /** The JSON Web Key Set served at /.well-known/jwks.json: the active key and every earlier one. */
  async jwks(): Promise<{ keys: PublicSigningKey[] }> {
    await this.activeKey().catch(() => undefined); // an unreachable Key Vault must not hide the keys already published
    return { keys: await this.store.list() };
  }
}
