import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/**
 * Validates the Entra ID access token Teams SSO gives the tab (`authentication.getAuthToken`):
 * signature against the tenant's published keys (cached by jose, refetched when an unknown `kid`
 * appears, so rotated keys are picked up), issuer, audience, tenant, lifetime with a small clock
 * skew, and an algorithm allow-list (RS256 only: `none` and HMAC tokens are refused).
 */
export interface SsoSettings {
  /** The tab's application id URI and/or client id: `api://<host>/<client-id>`, `<client-id>`. */
  audiences: string[];
  /** Tenants whose users may sign in. */
  allowedTenants: string[];
  /** Where the signing keys are published; Entra ID's common endpoint unless a test points elsewhere. */
  jwksUrl: string;
  /** Issuer template, `{tenant}` replaced by the token's tenant id. */
  issuerTemplates: string[];
  clockToleranceSeconds: number;
  /** Least time between two refetches of the key set when an unknown key id appears (jose's cooldown). */
  jwksCooldownMs?: number;
}

export const ENTRA_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';
export const ENTRA_ISSUERS = ['https://login.microsoftonline.com/{tenant}/v2.0', 'https://sts.windows.net/{tenant}/'];

export interface SsoIdentity {
  aadObjectId: string;
  tenantId: string;
  upn?: string;
  name?: string;
}

export type SsoResult = { ok: true; identity: SsoIdentity } | { ok: false; reason: string };

export class SsoTokenValidator {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly settings: SsoSettings) {
    this.keys = createRemoteJWKSet(new URL(settings.jwksUrl), { cooldownDuration: settings.jwksCooldownMs ?? 30_000, cacheMaxAge: 12 * 60 * 60 * 1000 });
  }

  async validate(token: string): Promise<SsoResult> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        algorithms: ['RS256'],
        audience: this.settings.audiences,
        clockTolerance: this.settings.clockToleranceSeconds,
        requiredClaims: ['exp', 'iss', 'aud', 'tid', 'oid'],
      }));
    } catch (error) {
      return { ok: false, reason: error instanceof errors.JOSEError ? error.code : 'invalid token' };
    }
    const tenantId = typeof payload.tid === 'string' ? payload.tid.toLowerCase() : '';
    if (!this.settings.allowedTenants.map((t) => t.toLowerCase()).includes(tenantId)) return { ok: false, reason: 'tenant not allowed' };
    const issuers = this.settings.issuerTemplates.map((template) => template.replace('{tenant}', tenantId).toLowerCase());
    if (typeof payload.iss !== 'string' || !issuers.includes(payload.iss.toLowerCase())) {
      return { ok: false, reason: 'issuer not allowed' };
    }
    if (payload.nbf === undefined && payload.iat !== undefined && payload.iat > Date.now() / 1000 + this.settings.clockToleranceSeconds) {
      return { ok: false, reason: 'issued in the future' };
    }
    const oid = payload.oid;
    if (typeof oid !== 'string' || !/^[0-9a-f-]{36}$/i.test(oid)) return { ok: false, reason: 'no object id' };
    const upn = typeof payload.preferred_username === 'string' ? payload.preferred_username : typeof payload.upn === 'string' ? payload.upn : undefined;
    return {
      ok: true,
      identity: { aadObjectId: oid.toLowerCase(), tenantId, ...(upn ? { upn } : {}), ...(typeof payload.name === 'string' ? { name: payload.name } : {}) },
    };
  }
}
