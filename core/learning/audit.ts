import { randomUUID } from 'node:crypto';

export const AUDIT_ACTIONS = [
  'extension.requested',
  'extension.approved',
  'extension.declined',
  'exemption.requested',
  'exemption.approved',
  'exemption.declined',
  'dna.recorded',
  'decision.refused',
  'evidence.verified',
  'evidence.rejected',
  'person.updated',
  'identity.bound',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who did what, when and why, kept in the learner's partition so it can be listed for a person. */
export interface AuditEntry {
  id: string;
  at: string;
  actorId: string;
  personId: string;
  action: AuditAction;
  requestId?: string;
  subjectId?: string;
  /** The reason or comment given, as given. */
  why?: string;
  /** What changed, in a few words ("due 2026-12-01 → 2027-01-15"). */
  what?: string;
}

export function auditEntry(fields: Omit<AuditEntry, 'id'>): AuditEntry {
  return { id: randomUUID(), ...fields };
}
