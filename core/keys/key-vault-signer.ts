import { createHash } from 'node:crypto';
import { DefaultAzureCredential } from '@azure/identity';
import { CryptographyClient, KeyClient, parseKeyVaultKeyIdentifier } from '@azure/keyvault-keys';
import { PASSPORT_ALGORITHM, publicSigningKey, type Signer, type SigningKey } from './signer.js';

/** The two Key Vault operations the signer uses; the app's identity is granted exactly these (infra/azure.bicep). */
export type KeyReader = Pick<KeyClient, 'getKey'>;
export type RemoteSigner = Pick<CryptographyClient, 'sign'>;

export interface KeyVaultSignerOptions {
  /** The key's versionless identifier, `https://<vault>.vault.azure.net/keys/<name>`: the latest enabled version signs. */
  keyId: string;
  keys: KeyReader;
  /** A client for one version of the key (the private half never leaves Key Vault: it signs there). */
  cryptographyClient: (keyVersionId: string) => RemoteSigner;
  /** How long the latest version is trusted before Key Vault is asked again, so a rotation there is picked up. */
  refreshMs?: number;
  now?: () => number;
}

function base64url(bytes: Uint8Array | undefined, what: string): string {
  if (!bytes || bytes.length !== 32) throw new Error(`Key Vault key has no P-256 ${what} coordinate`);
  return Buffer.from(bytes).toString('base64url');
}

/**
 * Signs in Azure Key Vault: the data is hashed here (SHA-256) and the digest signed by the key's
 * latest version with `CryptographyClient.sign('ES256', …)`; only the public key is ever read
 * (`KeyClient.getKey`). A rotation in Key Vault (a new version) is picked up within `refreshMs`.
 */
export class KeyVaultSigner implements Signer {
  readonly kind = 'key-vault' as const;
  private cached: { key: SigningKey; until: number } | undefined;
  private readonly name: string;

  constructor(private readonly options: KeyVaultSignerOptions) {
    const parsed = parseKeyVaultKeyIdentifier(options.keyId);
    this.name = parsed.name;
  }

  async activeKey(): Promise<SigningKey> {
    const now = (this.options.now ?? Date.now)();
    if (this.cached && this.cached.until > now) return this.cached.key;
    const latest = await this.options.keys.getKey(this.name);
    if (latest.properties.enabled === false) throw new Error('the Key Vault signing key is disabled');
    if (latest.key?.kty !== 'EC' && latest.key?.kty !== 'EC-HSM') throw new Error('the Key Vault signing key is not an EC key');
    if (latest.key.crv !== 'P-256') throw new Error('the Key Vault signing key is not on P-256');
    if (!latest.id) throw new Error('Key Vault returned a key without its identifier');
    const publicJwk = await publicSigningKey({ x: base64url(latest.key.x, 'x'), y: base64url(latest.key.y, 'y') });
    const client = this.options.cryptographyClient(latest.id);
    const key: SigningKey = {
      kid: publicJwk.kid,
      publicJwk,
      sign: async (data) => {
        const digest = createHash('sha256').update(data).digest();
        const signed = await client.sign(PASSPORT_ALGORITHM, new Uint8Array(digest));
        if (signed.result.length !== 64) throw new Error(`Key Vault answered a ${signed.result.length}-byte signature; ES256 is 64 bytes`);
        return signed.result;
      },
    };
    this.cached = { key, until: now + (this.options.refreshMs ?? 5 * 60_000) };
    return key;
  }
}

/** The production signer: Key Vault reached with the app's managed identity (DefaultAzureCredential). */
export function keyVaultSigner(keyId: string): KeyVaultSigner {
  const { vaultUrl } = parseKeyVaultKeyIdentifier(keyId);
  const credential = new DefaultAzureCredential();
  const keys = new KeyClient(vaultUrl, credential);
  return new KeyVaultSigner({ keyId, keys, cryptographyClient: (versionId) => new CryptographyClient(versionId, credential) });
}
