import type { PassportServices, PassportUseCases } from '../core/passport/passport-services.js';
import type { EvidenceQueue, LearningDeps } from '../core/learning/ports.js';
import { refreshSummary } from '../core/learning/refresh-summary.js';
import type { AuditOutbox } from '../core/storage/audit-outbox.js';
import { KeyRing } from '../core/keys/key-ring.js';
import { keyVaultSigner } from '../core/keys/key-vault-signer.js';
import { LocalSigner } from '../core/keys/local-signer.js';
import { LocalKeyRepository, PublishedKeyRepository } from '../core/storage/passport-key-repository.js';
import { PassportRepository } from '../core/storage/passport-repository.js';
import { PassportStatusRepository } from '../core/storage/passport-status-repository.js';
import { PassportTrustRepository } from '../core/storage/passport-trust-repository.js';
import type { TableStore } from '../core/storage/table-store.js';
import type { Clock } from '../core/time/clock.js';
import { GuardedFetcher, type IssuerFetcher } from '../core/passport/issuer-fetch.js';
import { IssuerKeys } from '../core/passport/issuer-keys.js';
import type { PassportConfig, PassportSettings } from '../core/passport/passport-settings.js';
import { StatusListPublisher } from '../core/passport/status-list-publisher.js';

/** Everything passports need in one process: repositories, the signer and its published keys, the verifier's fetcher and key cache. */
export type { PassportServices };

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

/** What issuing, presenting, revoking and the trust list need, from the passport objects and the learning ports. */
export function passportUseCases(passport: PassportServices, learning: LearningDeps & { evidence: EvidenceQueue }): PassportUseCases {
  const { settings } = passport;
  return {
    issue: { staff: learning.staff, catalogue: learning.catalogue, clock: learning.clock, keys: passport.keys, passports: passport.passports, statusLists: passport.statusLists, settings },
    present: {
      keys: passport.issuerKeys,
      fetcher: passport.fetcher,
      trust: passport.trust,
      clock: learning.clock,
      allowLoopbackIssuers: settings.allowLoopbackIssuers,
      staff: learning.staff,
      catalogue: learning.catalogue,
      evidence: learning.evidence,
      refreshSummary: (staffId) => refreshSummary(learning, staffId),
      tenantId: settings.tenantId,
      ownIssuer: () => settings.issuerUrl,
    },
    revoke: { passports: passport.passports, statusLists: passport.statusLists, clock: learning.clock },
    trust: { trust: passport.trust, clock: learning.clock, allowLoopbackIssuers: settings.allowLoopbackIssuers },
  };
}

/**
 * My learning, opened at one passport (where its PDF is downloaded): a Teams deep link to the app's
 * personal tab when the Teams app id is known (the tab reads the passport from `subPageId`), else the
 * tab's own URL on this deployment (development, the standalone tab).
 */
export function passportTabLink(teamsAppId: string | undefined, baseUrl: string | undefined, passportId: string): string {
  if (teamsAppId) {
    const context = encodeURIComponent(JSON.stringify({ subEntityId: `passport-${passportId}` }));
    return `https://teams.microsoft.com/l/entity/${teamsAppId}/my-learning?context=${context}`;
  }
  return `${baseUrl ?? ''}/tab/my-learning?passport=${passportId}`;
}
