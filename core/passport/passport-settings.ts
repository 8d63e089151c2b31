/** The organisation's side of passports, from the configuration (server/config.ts). */
export interface PassportSettings {
  /** This deployment's public base URL: the issuer id of its passports. Undefined: issuing is not set up here. */
  issuerUrl: string | undefined;
  organisationName: string;
  /** NHS ODS code; undefined: issuing is not set up here. */
  odsCode: string | undefined;
  /** The Entra tenant whose object ids this organisation's people carry. */
  tenantId: string;
  /** How long a passport can be presented after it is issued; each item also keeps its own expiry. */
  validDays: number;
  /** Development only: issuers on loopback over plain HTTP are allowed (two local deployments side by side). */
  allowLoopbackIssuers: boolean;
}

/** The passport settings as server/config.ts reads them from the environment. */
export interface PassportConfig {
  issuerUrl: string | undefined;
  odsCode: string | undefined;
  /** Versionless Key Vault key id; undefined: the local development key (development) or no signing (production). */
  keyVaultKeyId: string | undefined;
  tenantId: string;
  validDays: number;
  fetchTimeoutMs: number;
  keysCacheMs: number;
  allowLoopbackIssuers: boolean;
  /** Only development may sign with a key kept in storage. */
  allowLocalKey: boolean;
}
