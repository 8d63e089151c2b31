import { z } from 'zod';
import { COMPLETION_METHODS, REQUIREMENT_KINDS, type CompletionMethod, type RequirementKind } from '../learning/types.js';
import { isLocalDate, type LocalDate } from '../time/local-date.js';

/**
 * The learning passport: a W3C Verifiable Credential 2.0, secured as a JWT (VC-JOSE-COSE, media type
 * `application/vc+jwt`), signed ES256 by the issuing organisation. The payload is the credential
 * itself, plus the registered JWT claims that mirror it (iss = issuer.id, jti = id, iat/nbf/exp =
 * validFrom/validUntil), so any JOSE library can check it.
 */
export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const PASSPORT_TYPE = 'LearningPassportCredential';
export const STATUS_LIST_TYPE = 'BitstringStatusListCredential';
export const VC_JWT_TYPE = 'vc+jwt';
export const VC_JWT_MEDIA_TYPE = 'application/vc+jwt';

/** One in-date learning record, as the issuer holds it. */
export interface PassportItem {
  /** The product's subject id; the Core Skills Training Framework subjects share their ids between organisations. */
  subjectId: string;
  subject: string;
  kind: RequirementKind;
  level: number;
  levelName: string;
  completedOn: LocalDate;
  method: CompletionMethod;
  /** When it stops being valid; null when it never expires. */
  expiresOn: LocalDate | null;
  /** Set when the issuer itself received it by passport from an earlier employer. */
  transferredFrom?: { issuer: string; name: string; odsCode: string };
}

/** Who the passport is for: the name, and the Entra identity where the issuer knows it. */
export interface PassportHolder {
  name: string;
  /** Entra tenant and object id: meaningful together, and only to an organisation in the same tenant. */
  entra?: { tenantId: string; objectId: string };
}

export interface PassportIssuer {
  /** The issuing deployment's public base URL (an origin): its JWKS is at /.well-known/jwks.json. */
  id: string;
  name: string;
  /** The organisation's NHS Organisation Data Service code. */
  odsCode: string;
}

export interface BitstringStatusEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: 'revocation';
  statusListIndex: string;
  statusListCredential: string;
}

export interface PassportCredential {
  '@context': [typeof VC_CONTEXT];
  id: string;
  type: ['VerifiableCredential', typeof PASSPORT_TYPE];
  issuer: PassportIssuer;
  validFrom: string;
  validUntil: string;
  credentialSubject: { type: 'LearningRecordHolder'; holder: PassportHolder; learning: PassportItem[] };
  credentialStatus: BitstringStatusEntry;
  iss: string;
  jti: string;
  iat: number;
  nbf: number;
  exp: number;
}

const date = z.string().refine(isLocalDate, 'a calendar date YYYY-MM-DD') as unknown as z.ZodType<LocalDate>;
const text = (max: number) => z.string().min(1).max(max);
const instant = z.string().datetime({ offset: true });

const itemSchema = z.object({
  subjectId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  subject: text(200),
  kind: z.enum(REQUIREMENT_KINDS),
  level: z.number().int().min(0).max(20),
  levelName: text(100),
  completedOn: date,
  method: z.enum(COMPLETION_METHODS),
  expiresOn: date.nullable(),
  transferredFrom: z.object({ issuer: text(300), name: text(300), odsCode: text(20) }).strict().optional(),
}).strict();

/** What a verifier accepts as a passport: every field checked, nothing unknown let through at the top level. */
export const credentialSchema = z.object({
  '@context': z.tuple([z.literal(VC_CONTEXT)]),
  id: z.string().regex(/^urn:uuid:[0-9a-f-]{36}$/),
  type: z.tuple([z.literal('VerifiableCredential'), z.literal(PASSPORT_TYPE)]),
  issuer: z.object({ id: text(300), name: text(300), odsCode: z.string().regex(/^[A-Z0-9]{3,10}$/) }).strict(),
  validFrom: instant,
  validUntil: instant,
  credentialSubject: z.object({
    type: z.literal('LearningRecordHolder'),
    holder: z.object({ name: text(200), entra: z.object({ tenantId: text(64), objectId: text(64) }).strict().optional() }).strict(),
    learning: z.array(itemSchema).min(1).max(100),
  }).strict(),
  credentialStatus: z.object({
    id: text(400),
    type: z.literal('BitstringStatusListEntry'),
    statusPurpose: z.literal('revocation'),
    statusListIndex: z.string().regex(/^\d{1,7}$/),
    statusListCredential: text(400),
  }).strict(),
  iss: text(300),
  jti: text(100),
  iat: z.number().int(),
  nbf: z.number().int(),
  exp: z.number().int(),
}).strict();

export const statusListCredentialSchema = z.object({
  '@context': z.tuple([z.literal(VC_CONTEXT)]),
  id: text(400),
  type: z.tuple([z.literal('VerifiableCredential'), z.literal(STATUS_LIST_TYPE)]),
  issuer: text(300),
  validFrom: instant,
  validUntil: instant,
  credentialSubject: z.object({
    id: text(400),
    type: z.literal('BitstringStatusList'),
    statusPurpose: z.literal('revocation'),
    encodedList: z.string().min(2).max(200_000),
  }).strict(),
  iss: text(300),
  iat: z.number().int(),
  exp: z.number().int(),
}).passthrough();

export type StatusListCredential = z.infer<typeof statusListCredentialSchema>;

/** The passport's id as a bare UUID (the credential's id is `urn:uuid:<uuid>`). */
export function passportUuid(credentialId: string): string {
  return credentialId.replace(/^urn:uuid:/, '');
}

/** Where a deployment publishes its keys, from its issuer id (an origin). */
export function jwksUrlOf(issuer: string): string {
  return new URL('/.well-known/jwks.json', issuer).toString();
}

export function statusListUrlOf(issuer: string, listId: string): string {
  return new URL(`/api/passport/public/status/${encodeURIComponent(listId)}`, issuer).toString();
}

/** The link a learner shares: it points at the credential at the issuer, with a secret only the link carries. */
export function passportLinkOf(issuer: string, passportId: string, shareToken: string): string {
  return new URL(`/api/passport/public/p/${passportId}?t=${shareToken}`, issuer).toString();
}

/** An issuer id is an origin: https (http only on loopback, for development), no path, query or credentials. */
export function normaliseIssuer(value: string, allowLoopbackHttp: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return undefined;
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(allowLoopbackHttp && url.protocol === 'http:' && loopback)) return undefined;
  return url.origin;
}
