import type { AuditOutbox } from '../storage/audit-outbox.js';
import type { KeyRing as KeyRingType } from '../keys/key-ring.js';
import { KeyRing } from '../keys/key-ring.js';
import { keyVaultSigner } from '../keys/key-vault-signer.js';
import { LocalSigner } from '../keys/local-signer.js';
import { LocalKeyRepository, PublishedKeyRepository } from '../storage/passport-key-repository.js';
import { PassportRepository } from '../storage/passport-repository.js';
import { PassportStatusRepository } from '../storage/passport-status-repository.js';
import { PassportTrustRepository } from '../storage/passport-trust-repository.js';
import type { TableStore } from '../storage/table-store.js';
import type { Clock } from '../time/clock.js';
import { GuardedFetcher, type IssuerFetcher } from './issuer-fetch.js';
import { IssuerKeys } from './issuer-keys.js';
import type { PassportConfig, PassportSettings } from './passport-settings.js';
import { StatusListPublisher } from './status-list-publisher.js';

/** Everything passports need in one process: repositories, the signer and its published keys, the verifier's fetcher and key cache. */
export interface PassportServices {
  settings: PassportSettings;
  /** Undefined where no signing key is set up (production without PASSPORT_KEY_VAULT_KEY_ID). */
  keys: KeyRingType | undefined;
  /** The development signer, for rotation (npm start, tests); undefined with Key Vault. */
  localSigner: LocalSigner | undefined;
  passports: PassportRepository;
  statusLists: PassportStatusRepository;
  trust: PassportTrustRepository;
  publishedKeys: PublishedKeyRepository;
  fetcher: IssuerFetcher;
  issuerKeys: IssuerKeys;
  statusPublisher: StatusListPublisher;
  /** In development without PASSPORT_ISSUER_URL, the server's own URL once it listens. */
  useServerUrl(url: string): void;
}

export function createPassportServices(config: PassportConfig, organisationName: string, store: TableStore, clock: Clock, outbox?: AuditOutbox): PassportServices {
  let serverUrl: string | undefined;
  const settings: PassportSettings = {
    get issuerUrl() {
      return config.issuerUrl ?? (config.allowLoopbackIssuers ? serverUrl : undefined);
    },
    organisationName,
    odsCode: config.odsCode,
    tenantId: config.tenantId,
    validDays: config.validDays,
    allowLoopbackIssuers: config.allowLoopbackIssuers,
  };
  const publishedKeys = new PublishedKeyRepository(store);
  const now = () => clock.now();
  const localSigner = !config.keyVaultKeyId && config.allowLocalKey ? new LocalSigner(new LocalKeyRepository(store), now) : undefined;
  const signer = config.keyVaultKeyId ? keyVaultSigner(config.keyVaultKeyId) : localSigner;
  const keys = signer ? new KeyRing(signer, publishedKeys, now) : undefined;
  const statusLists = new PassportStatusRepository(store);
  const fetcher = new GuardedFetcher({ timeoutMs: config.fetchTimeoutMs, allowLoopback: config.allowLoopbackIssuers, allowPlainHttp: config.allowLoopbackIssuers });
  return {
    settings,
    keys,
    localSigner,
    passports: new PassportRepository(store, outbox),
    statusLists,
    trust: new PassportTrustRepository(store, outbox),
    publishedKeys,
    fetcher,
    issuerKeys: new IssuerKeys(fetcher, { maxAgeMs: config.keysCacheMs, refetchCooldownMs: 1_000 }),
    statusPublisher: new StatusListPublisher({ statusLists, keys: { activeKey: () => (keys ? keys.activeKey() : Promise.reject(new Error('no signing key'))) }, clock, issuerUrl: () => settings.issuerUrl }),
    useServerUrl: (url) => {
      serverUrl = new URL(url).origin;
    },
  };
}
