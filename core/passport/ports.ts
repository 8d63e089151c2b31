import type { AuditEvent } from '../audit/audit-chain.js';
/** A passport as the issuer keeps it: enough to serve its link, list it for its holder and revoke it. */
export interface IssuedPassport {
  /** The credential's UUID (its id is `urn:uuid:<id>`). */
  id: string;
  staffId: string;
  issuedAt: string;
  validUntil: string;
  statusList: string;
  statusIndex: number;
  /** The secret the share link carries; without it the public link answers 404. */
  shareToken: string;
  jwt: string;
  /** What it holds, for lists: "Fire Safety (Level 1)", … */
  itemLabels: string[];
  revoked?: { at: string; by: string; reason: string };
}

export interface PassportStore {
  /** `chain`: what the audit chain records, chained exactly when the passport is stored. */
  save(passport: IssuedPassport, chain?: readonly AuditEvent[]): Promise<void>;
  get(id: string): Promise<IssuedPassport | undefined>;
  listFor(staffId: string): Promise<IssuedPassport[]>;
  /** Marks it revoked once; answers the stored passport as it is afterwards (undefined when unknown). */
  markRevoked(id: string, revocation: NonNullable<IssuedPassport['revoked']>, chain?: readonly AuditEvent[]): Promise<IssuedPassport | undefined>;
}

export interface StatusListStore {
  /** Claims a free, random entry in the current list for a new passport. */
  allocate(passportId: string): Promise<{ listId: string; index: number }>;
  revoke(listId: string, index: number): Promise<void>;
  /** The revoked entries of a list and a version that changes whenever one is added; undefined for an unknown list. */
  revoked(listId: string): Promise<{ version: string; indexes: number[] } | undefined>;
  version(listId: string): Promise<string | undefined>;
}

/** One issuer this organisation's learning and development team trusts: its URL and ODS code, both must match. */
export interface TrustedIssuer {
  issuer: string;
  odsCode: string;
  name: string;
  addedBy: string;
  addedAt: string;
}

export interface TrustListStore {
  list(): Promise<TrustedIssuer[]>;
  find(issuer: string): Promise<TrustedIssuer | undefined>;
  /** False when that issuer is on the list already. */
  add(entry: TrustedIssuer, chain?: readonly AuditEvent[]): Promise<boolean>;
  /** The entry removed, or undefined when it was not there. */
  remove(issuer: string, chain?: (removed: TrustedIssuer) => readonly AuditEvent[]): Promise<TrustedIssuer | undefined>;
}

