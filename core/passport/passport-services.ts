import type { KeyRing as KeyRingType } from '../keys/key-ring.js';
import type { LocalSigner } from '../keys/local-signer.js';
import type { PublishedKeyRepository } from '../storage/passport-key-repository.js';
import type { PassportRepository } from '../storage/passport-repository.js';
import type { PassportStatusRepository } from '../storage/passport-status-repository.js';
import type { PassportTrustRepository } from '../storage/passport-trust-repository.js';
import type { IssueDeps } from './issue-passport.js';
import type { IssuerFetcher } from './issuer-fetch.js';
import type { IssuerKeys } from './issuer-keys.js';
import type { PassportSettings } from './passport-settings.js';
import type { PresentDeps } from './present-passport.js';
import type { RevokeDeps } from './revoke-passport.js';
import type { StatusListPublisher } from './status-list-publisher.js';
import type { TrustDeps } from './trust-list.js';

/** Learning passports' objects, built by the composition root (server/passport-services.ts). */
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

/** The passport use cases' dependencies, built once by the composition root: the bot and the tab call the same. */
export interface PassportUseCases {
  issue: IssueDeps;
  present: PresentDeps;
  revoke: RevokeDeps;
  trust: TrustDeps;
}
