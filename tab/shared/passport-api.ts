/**
 * The contract between the passport routes (tab/api/passport-routes.ts) and their callers: the tab
 * (phase 2) and other organisations' deployments (the public routes). Dates are ISO calendar dates;
 * instants ISO strings. Sentences come from core/passport/passport-messages.ts.
 */
import type { PassportCheck } from '../../core/passport/checks.js';
import type { PassportMessage } from '../../core/passport/passport-messages.js';
import type { TrustedIssuer } from '../../core/passport/ports.js';

export type { PassportCheck, PassportMessage, TrustedIssuer };

export const PASSPORT_ROUTES = {
  jwks: '/.well-known/jwks.json',
  statusList: '/api/passport/public/status/:listId',
  link: '/api/passport/public/p/:passportId',
  issue: '/api/passport',
  mine: '/api/passport/mine',
  pdf: '/api/passport/:passportId/pdf',
  qr: '/api/passport/:passportId/qr.png',
  present: '/api/passport/present',
  presentFor: '/api/passport/present/:learnerId',
  trust: '/api/passport/trust',
  issuedTo: '/api/passport/issued/:learnerId',
  revoke: '/api/passport/:passportId/revoke',
} as const;

export interface PassportItemView {
  label: string;
  subjectId: string;
  level: number;
  completedOn: string;
  method: string;
  expiresOn: string | null;
}

export interface PassportView {
  id: string;
  link: string;
  issuedAt: string;
  validUntil: string;
  items: string[];
  revoked?: { at: string; reason: string };
}

export interface IssueAnswer {
  message: PassportMessage;
  passport: PassportView & { jwt: string; learning: PassportItemView[]; qrPng: string; card: object };
}

/** POST /api/passport/present: JSON `{ text }` (a link or the JWT), or the file itself as the body (PDF, PNG, JPEG, .jwt). */
export interface PresentAnswer {
  outcome: 'transferred' | 'queued' | 'refused' | 'issuer-unreachable';
  /** Why it was refused or queued (a stable code), when it was. */
  reason?: string;
  message: PassportMessage;
  checks: PassportCheck[];
  items?: { label: string; completedOn: string; expiresOn: string | null; recordId: string }[];
  skipped?: { label: string; why: string }[];
  issuer?: { id: string; name: string; odsCode: string };
  passportId?: string;
  /** Where the stored records say they came from (issuer, ODS code, passport, verified on), when any were stored. */
  provenance?: string;
  /** Refused or unreachable answers also carry the usual error shape. */
  error?: { code: string; message: string };
}

export interface TrustListAnswer {
  entries: TrustedIssuer[];
}

export interface TrustChangeBody {
  issuer: string;
  odsCode: string;
  name: string;
}
