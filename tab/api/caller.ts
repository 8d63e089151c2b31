import type { Person } from '../../core/people/types.js';
import type { CallerIdentity, ProvenCaller } from '../../core/people/identify-caller.js';
import type { StaffStore } from '../../core/learning/ports.js';
import type { SsoTokenValidator } from './sso-token.js';

/** The person behind a tab API request, read from storage: every decision starts from this. */
export interface TabCaller {
  staffId: string;
  person: Person;
  /** How they proved who they are: a Teams SSO token, or a demo identity in development mode. */
  via: 'sso' | 'development';
}

export type Authentication = { ok: true; caller: TabCaller } | { ok: false; reason: string; status?: 401 | 403 };

/** Development bearer tokens look like `dev:E9000020`: only accepted when the server runs in development mode. */
const DEV_TOKEN = /^dev:([A-Za-z0-9_-]{1,40})$/;

export interface AuthenticatorDeps {
  mode: 'development' | 'production';
  sso: Pick<SsoTokenValidator, 'validate'> | undefined;
  /** Maps a validated token's object id (never its user name, but for a first sign-in) to a stored person. */
  identify(caller: ProvenCaller): Promise<CallerIdentity>;
  staff: Pick<StaffStore, 'getPerson'>;
}

/** Turns an Authorization header into a stored person, or says why not (never more than "unauthorised" to the client). */
export function createAuthenticator(deps: AuthenticatorDeps): (authorization: string | undefined) => Promise<Authentication> {
  return async (authorization) => {
    const match = /^Bearer ([^\s]{1,8192})$/.exec(authorization ?? '');
    if (!match) return { ok: false, reason: 'no bearer token' };
    const token = match[1]!;
    const dev = DEV_TOKEN.exec(token);
    if (dev) {
      if (deps.mode !== 'development') return { ok: false, reason: 'development identity outside development mode' };
      const person = await deps.staff.getPerson(dev[1]!);
      return person ? { ok: true, caller: { staffId: person.id, person, via: 'development' } } : { ok: false, reason: 'unknown demo person' };
    }
    if (!deps.sso) return { ok: false, reason: 'single sign-on is not configured' };
    const result = await deps.sso.validate(token);
    if (!result.ok) return result;
    const { aadObjectId, tenantId, upn } = result.identity;
    const identity = await deps.identify({ aadObjectId, tenantId, ...(upn ? { userName: upn } : {}), via: 'tab' });
    switch (identity.kind) {
      case 'known':
      case 'bound':
        return { ok: true, caller: { staffId: identity.person.id, person: identity.person, via: 'sso' } };
      case 'refused':
        return { ok: false, reason: `identity refused: ${identity.reason}`, status: 403 };
      case 'unknown':
        return { ok: false, reason: 'no staff record for this account', status: 403 };
    }
  };
}
