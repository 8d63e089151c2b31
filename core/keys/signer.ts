import { calculateJwkThumbprint, type JWK } from 'jose';

import { PASSPORT_ALGORITHM } from '../passport/algorithm.js';

export { PASSPORT_ALGORITHM };

/** The public half of a signing key, as published in the organisation's JWKS. */
export interface PublicSigningKey extends JWK {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid: string;
  alg: typeof PASSPORT_ALGORITHM;
  use: 'sig';
}

/** A key that can sign now: its id (the JWK thumbprint), its public half, and the operation itself. */
export interface SigningKey {
  kid: string;
  publicJwk: PublicSigningKey;
  /** Signs the bytes (hashing them with SHA-256 first) and returns the raw 64-byte r‖s signature. */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

/**
 * The port every signer implements: the local development key in storage and the Key Vault key.
 * `activeKey` is the key to sign with now; after a rotation it is the new one.
 */
export interface Signer {
  readonly kind: 'local' | 'key-vault';
  activeKey(): Promise<SigningKey>;
}

/** The public JWK of a P-256 key with its RFC 7638 thumbprint as the key id. */
export async function publicSigningKey(coordinates: { x: string; y: string }): Promise<PublicSigningKey> {
  const base = { kty: 'EC' as const, crv: 'P-256' as const, x: coordinates.x, y: coordinates.y };
  const kid = await calculateJwkThumbprint(base, 'sha256');
  return { ...base, kid, alg: PASSPORT_ALGORITHM, use: 'sig' };
}
