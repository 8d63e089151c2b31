import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { publicSigningKey, type Signer, type SigningKey } from './signer.js';

/** A development signing key as kept in the development storage: the private JWK (never used in production). */
export interface StoredLocalKey {
  kid: string;
  privateJwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string; d: string };
  createdAt: string;
}

/** Where the local key lives; the storage repository implements it (one row, replaced under its ETag on rotation). */
export interface LocalKeyStore {
  current(): Promise<{ key: StoredLocalKey; etag: string } | undefined>;
  /** Creates the first key; false when another instance created one first. */
  create(key: StoredLocalKey): Promise<boolean>;
  /** Replaces the current key if it is still the one read (ETag); false when someone rotated meanwhile. */
  replace(key: StoredLocalKey, etag: string): Promise<boolean>;
}

export async function generateLocalKey(now: Date): Promise<StoredLocalKey> {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' }) as StoredLocalKey['privateJwk'];
  const publicJwk = await publicSigningKey(jwk);
  return { kid: publicJwk.kid, privateJwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, d: jwk.d }, createdAt: now.toISOString() };
}

/**
 * The development signer: a P-256 key generated on first use and kept in the development storage,
 * shared by every instance on that storage. Rotation generates a new key; the old public key stays
 * published (see KeyRing), so passports it signed still verify.
 */
export class LocalSigner implements Signer {
  readonly kind = 'local' as const;
  private cached: { stored: StoredLocalKey; key: SigningKey } | undefined;

  constructor(
    private readonly store: LocalKeyStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async activeKey(): Promise<SigningKey> {
    let current = await this.store.current();
    if (!current) {
      await this.store.create(await generateLocalKey(this.now()));
      current = await this.store.current();
      if (!current) throw new Error('the development signing key could not be created');
    }
    if (this.cached?.stored.kid !== current.key.kid) this.cached = { stored: current.key, key: await signingKeyOf(current.key) };
    return this.cached.key;
  }

  /** A new key from now on; answers the key that is active afterwards (someone else's, if they rotated at the same moment). */
  async rotate(): Promise<SigningKey> {
    const current = await this.store.current();
    const next = await generateLocalKey(this.now());
    if (current) await this.store.replace(next, current.etag);
    else await this.store.create(next);
    return this.activeKey();
  }
}

async function signingKeyOf(stored: StoredLocalKey): Promise<SigningKey> {
  const privateKey: KeyObject = createPrivateKey({ key: stored.privateJwk, format: 'jwk' });
  const publicJwk = await publicSigningKey(stored.privateJwk);
  return {
    kid: publicJwk.kid,
    publicJwk,
    sign: async (data) => new Uint8Array(sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' })),
  };
}
