import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, importJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import type { CryptographyClient, KeyClient, KeyVaultKey, SignResult } from '@azure/keyvault-keys';
import { KeyRing } from '../../core/keys/key-ring.js';
import { KeyVaultSigner } from '../../core/keys/key-vault-signer.js';
import { LocalSigner } from '../../core/keys/local-signer.js';
import type { Signer } from '../../core/keys/signer.js';
import { signCompact } from '../../core/passport/jws.js';
import { LocalKeyRepository, PublishedKeyRepository } from '../../core/storage/passport-key-repository.js';
import { createTestStore } from '../support/test-store.js';

/**
 * A fake Key Vault at the SDK boundary: KeyClient.getKey answers the latest version's public half
 * (as Key Vault does: x and y as bytes, never d), CryptographyClient.sign signs a SHA-256 digest with
 * that version's private key, held here only because this fake plays Key Vault. `rotate()` adds a version.
 */
class FakeKeyVault {
  versions: { version: string; privateKey: KeyObject }[] = [];
  signCalls: { keyId: string; algorithm: string; digestLength: number }[] = [];

  constructor(readonly name: string) {
    this.rotate();
  }

  rotate(): void {
    this.versions.push({ version: `v${this.versions.length + 1}`, privateKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey });
  }

  id(version: string): string {
    return `https://fake.vault.azure.net/keys/${this.name}/${version}`;
  }

  keys(): Pick<KeyClient, 'getKey'> {
    return {
      getKey: async (name: string) => {
        if (name !== this.name) throw Object.assign(new Error('KeyNotFound'), { statusCode: 404 });
        const latest = this.versions[this.versions.length - 1]!;
        const jwk = latest.privateKey.export({ format: 'jwk' });
        return {
          id: this.id(latest.version),
          name,
          key: { kid: this.id(latest.version), kty: 'EC', crv: 'P-256', x: Buffer.from(jwk.x!, 'base64url'), y: Buffer.from(jwk.y!, 'base64url'), keyOps: ['sign', 'verify'] },
          properties: { name, version: latest.version, enabled: true, vaultUrl: 'https://fake.vault.azure.net' },
        } as unknown as KeyVaultKey;
      },
    };
  }

  cryptographyClient(keyId: string): Pick<CryptographyClient, 'sign'> {
    return {
      sign: async (algorithm: string, digest: Uint8Array): Promise<SignResult> => {
        this.signCalls.push({ keyId, algorithm, digestLength: digest.length });
        const version = this.versions.find((v) => this.id(v.version) === keyId);
        if (!version || algorithm !== 'ES256' || digest.length !== 32) throw Object.assign(new Error('BadParameter'), { statusCode: 400 });
        // Key Vault signs the digest as given (it never sees the data): so does this fake.
        const raw = signDigestP256(BigInt(`0x${Buffer.from(version.privateKey.export({ format: 'jwk' }).d!, 'base64url').toString('hex')}`), digest);
        return { result: raw, algorithm, keyID: keyId };
      },
    };
  }
}

/** Textbook ECDSA on P-256 over a given digest (node's crypto only signs messages, hashing them itself). Test-only. */
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const G: [bigint, bigint] = [0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n, 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n];
const mod = (a: bigint, m: bigint) => ((a % m) + m) % m;
function inverse(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [mod(a, m), m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
  }
  return mod(s0, m);
}
function add(p1: [bigint, bigint] | null, p2: [bigint, bigint] | null): [bigint, bigint] | null {
  if (!p1) return p2;
  if (!p2) return p1;
  if (p1[0] === p2[0] && mod(p1[1] + p2[1], P) === 0n) return null;
  const l = p1[0] === p2[0] ? mod((3n * p1[0] * p1[0] - 3n) * inverse(2n * p1[1], P), P) : mod((p2[1] - p1[1]) * inverse(p2[0] - p1[0], P), P);
  const x = mod(l * l - p1[0] - p2[0], P);
  return [x, mod(l * (p1[0] - x) - p1[1], P)];
}
function multiply(k: bigint, point: [bigint, bigint]): [bigint, bigint] {
  let result: [bigint, bigint] | null = null;
  let addend: [bigint, bigint] | null = point;
  for (let e = k; e > 0n; e >>= 1n) {
    if (e & 1n) result = add(result, addend);
    addend = add(addend, addend);
  }
  return result!;
}
function signDigestP256(d: bigint, digest: Uint8Array): Uint8Array {
  const z = BigInt(`0x${Buffer.from(digest).toString('hex')}`);
  for (;;) {
    const k = mod(BigInt(`0x${randomBytes(32).toString('hex')}`), N - 1n) + 1n;
    const r = mod(multiply(k, G)[0], N);
    const s = mod(inverse(k, N) * (z + r * d), N);
    if (r !== 0n && s !== 0n) return new Uint8Array(Buffer.from(r.toString(16).padStart(64, '0') + s.toString(16).padStart(64, '0'), 'hex'));
  }
}

type Case = { name: string; make: () => Promise<{ signer: Signer; rotate: () => Promise<void>; afterSign?: () => void }> };

const cases: Case[] = [
  {
    name: 'the local signer (key in the development storage)',
    make: async () => {
      const signer = new LocalSigner(new LocalKeyRepository(await createTestStore()));
      return { signer, rotate: async () => void (await signer.rotate()) };
    },
  },
  {
    name: 'the Key Vault signer (fake CryptographyClient at the SDK boundary)',
    make: async () => {
      const vault = new FakeKeyVault('passport-signing');
      let now = 0;
      const signer = new KeyVaultSigner({ keyId: 'https://fake.vault.azure.net/keys/passport-signing', keys: vault.keys(), cryptographyClient: (id) => vault.cryptographyClient(id), refreshMs: 1000, now: () => now });
      return {
        signer,
        rotate: async () => {
          vault.rotate();
          now += 1001; // Key Vault is asked again after refreshMs
        },
      };
    },
  },
];

describe.each(cases)('the Signer port: $name', ({ make }) => {
  it('when it signs a passport, then jose verifies it with the published public key (ES256), and the key id is the JWK thumbprint', async () => {
    const { signer } = await make();
    const key = await signer.activeKey();
    const jwt = await signCompact({ iss: 'https://a.example', exp: Math.floor(Date.now() / 1000) + 60 }, key);
    const { payload, protectedHeader } = await jwtVerify(jwt, await importJWK(key.publicJwk, 'ES256'), { algorithms: ['ES256'] });
    expect(payload.iss).toBe('https://a.example');
    expect(protectedHeader).toMatchObject({ alg: 'ES256', typ: 'vc+jwt', kid: key.kid });
    expect(await calculateJwkThumbprint({ kty: 'EC', crv: 'P-256', x: key.publicJwk.x, y: key.publicJwk.y })).toBe(key.kid);
    expect(key.publicJwk).not.toHaveProperty('d');
  });

  it('when the key is rotated, then new signatures use the new key and both public keys stay published, so the old passport still verifies', async () => {
    const { signer, rotate } = await make();
    const ring = new KeyRing(signer, new PublishedKeyRepository(await createTestStore()));
    const old = await ring.activeKey();
    const oldJwt = await signCompact({ n: 1 }, old);
    await rotate();
    const next = await ring.activeKey();
    expect(next.kid).not.toBe(old.kid);
    const jwks = await ring.jwks();
    expect(jwks.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([old.kid, next.kid]));
    const published = jwks.keys.find((k) => k.kid === old.kid)!;
    await expect(jwtVerify(oldJwt, await importJWK(published, 'ES256'))).resolves.toBeDefined();
  });

  it('when a signature is changed, then it no longer verifies', async () => {
    const { signer } = await make();
    const key = await signer.activeKey();
    const jwt = await signCompact({ n: 2 }, key);
    const forged = `${jwt.split('.').slice(0, 2).join('.')}.${Buffer.alloc(64, 7).toString('base64url')}`;
    await expect(jwtVerify(forged, await importJWK(key.publicJwk, 'ES256'))).rejects.toThrow();
  });
});

describe('the Key Vault signer at the SDK boundary', () => {
  it('when it signs, then Key Vault is sent ES256 and a 32-byte SHA-256 digest for the latest key version, never the private key', async () => {
    const vault = new FakeKeyVault('passport-signing');
    const signer = new KeyVaultSigner({ keyId: 'https://fake.vault.azure.net/keys/passport-signing', keys: vault.keys(), cryptographyClient: (id) => vault.cryptographyClient(id) });
    await signCompact({ n: 3 }, await signer.activeKey());
    expect(vault.signCalls).toEqual([{ keyId: vault.id('v1'), algorithm: 'ES256', digestLength: 32 }]);
  });

  it('when Key Vault answers a key that is not P-256, then the signer refuses to use it', async () => {
    const keys = { getKey: async () => ({ id: 'x', name: 'k', key: { kty: 'RSA', n: new Uint8Array(256), e: new Uint8Array([1, 0, 1]) }, properties: { name: 'k', vaultUrl: 'v', enabled: true } }) as unknown as KeyVaultKey };
    const signer = new KeyVaultSigner({ keyId: 'https://fake.vault.azure.net/keys/k', keys, cryptographyClient: () => ({ sign: async () => ({ result: new Uint8Array(64), algorithm: 'ES256' }) }) });
    await expect(signer.activeKey()).rejects.toThrow(/not an EC key/);
  });
});
