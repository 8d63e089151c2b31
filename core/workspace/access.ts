import type { AccessRole, PersonRef } from './model.js';
import type { Person } from '../people/types.js';
import type { ApplicationRecord } from './application.js';
import { can } from '../people/authorisation.js';

/**
 * Who may do what in a workspace, from stored facts only: members are the people whose
 * organisation unit is "<PCN> / <practice>" for one of the application's aligned practices, plus
 * people added by hand; the training hub's reviewers (permission `hub-reviewer`) read, comment,
 * request changes and run the panel, but never edit. Anyone else has no access at all.
 */
export interface Access {
  role: AccessRole | 'none';
  canRead: boolean;
  canEdit: boolean;
  canComment: boolean;
  canReview: boolean;
}

export const NO_ACCESS: Access = { role: 'none', canRead: false, canEdit: false, canComment: false, canReview: false };

/** "Severn Vale PCN / Oakfield Surgery" → the PCN and the practice; undefined for units that are not a PCN practice. */
export function pcnPracticeOf(orgUnit: string): { pcnName: string; practiceName: string } | undefined {
  const parts = orgUnit.split(' / ').map((p) => p.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  if (!/\bPCN\b|primary care network/i.test(parts[0])) return undefined;
  return { pcnName: parts[0], practiceName: parts[1] };
}

export function worksInApplicationPractice(person: Pick<Person, 'orgUnit'>, app: Pick<ApplicationRecord, 'pcnName' | 'practices'>): boolean {
  return app.practices.some((p) => person.orgUnit === `${app.pcnName} / ${p.name}`);
}

export function isMember(person: Pick<Person, 'id' | 'orgUnit'>, app: Pick<ApplicationRecord, 'pcnName' | 'practices' | 'addedMembers'>): boolean {
  return worksInApplicationPractice(person, app) || app.addedMembers.some((m) => m.staffId === person.id);
}

export function isHubReviewer(person: Pick<Person, 'permissions'>): boolean {
  return can(person, 'workspace.review');
}

export function accessOf(person: Person, app: ApplicationRecord): Access {
  const member = isMember(person, app);
  const reviewer = isHubReviewer(person);
  if (!member && !reviewer) return NO_ACCESS;
  return { role: member ? 'member' : 'hub-reviewer', canRead: true, canEdit: member, canComment: true, canReview: reviewer };
}

export const personRef = (person: Pick<Person, 'id' | 'name'>): PersonRef => ({ staffId: person.id, name: person.name });
