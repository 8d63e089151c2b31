import type { LocalDate } from '../time/local-date.js';

export const STAFF_CATEGORIES = [
  'employee',
  'bank',
  'agency',
  'locum',
  'student',
  'volunteer',
  'honorary',
  'secondee',
  'work-experience',
  'non-executive-director',
  'contractor',
] as const;
export type StaffCategory = (typeof STAFF_CATEGORIES)[number];

export const ABSENCE_KINDS = ['sickness', 'maternity', 'paternity', 'adoption', 'parental', 'career-break', 'other'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

export interface RoleAssignment {
  roleId: string;
  start: LocalDate;
  /** Inclusive last day; absent while the role goes on. */
  end?: LocalDate;
  /** ESR assignment number, where known. */
  assignment?: string;
}

export interface Absence {
  from: LocalDate;
  /** Inclusive last day away; absent while the end is not known. */
  to?: LocalDate;
  kind: AbsenceKind;
}

/** What a person may do beyond their own learning, decided from stored facts only. */
export const PERMISSIONS = ['ld-admin', 'mlog', 'hub-reviewer'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface Person {
  id: string;
  name: string;
  email?: string;
  /** The Entra object id that signs in as this person: once set, the only way to reach the record. */
  aadObjectId?: string;
  /** The Entra tenant of that account, stored when it is linked. */
  tenantId?: string;
  staffGroup: string;
  category: StaffCategory;
  orgUnit: string;
  startDate: LocalDate;
  roles: RoleAssignment[];
  managerIds: string[];
  absences: Absence[];
  permissions?: Permission[];
  /** Staff ids who may decide this manager's team's requests on their behalf. */
  approvalDelegateIds?: string[];
}
