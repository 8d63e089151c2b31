import type { SigningKey } from '../keys/signer.js';
import { PASSPORT_ALGORITHM } from './algorithm.js';
import { VC_JWT_TYPE } from './credential.js';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/**
 * A compact JWS over a JSON payload, signed by whichever signer holds the key (Key Vault signs the
 * digest remotely, so jose's own signing, which needs the private key in hand, cannot be used).
 * Verification uses jose (see verify-passport.ts).
 */
export async function signCompact(payload: object, key: SigningKey): Promise<string> {
  const header = { alg: PASSPORT_ALGORITHM, typ: VC_JWT_TYPE, cty: 'vc', kid: key.kid };
  const signingInput = `${encode(header)}.${encode(payload)}`;
  const signature = await key.sign(new TextEncoder().encode(signingInput));
  return `${signingInput}.${Buffer.from(signature).toString('base64url')}`;
}
