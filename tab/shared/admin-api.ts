/**
 * The contract between the learning-and-development administration routes (tab/api/admin-*.ts,
 * proposal-routes.ts) and the admin page (tab/web/src/admin/**). Plain types only (the impact counts are core's own type).
 */

import type { ChangeImpact } from '../../core/reports/change-impact.js';

export interface SubjectDto {
  id: string;
  name: string;
  kind: 'national' | 'local' | 'role';
  aliases: string[];
}

export interface TopicDto {
  id: string;
  subjectId: string;
  level: number;
  levelName: string;
  renewalMonths: number | null;
  methods: string[];
  link?: string;
  audience?: string;
}

export interface RequirementDto {
  subjectId: string;
  level: number;
  since?: string;
}

export interface RoleDto {
  id: string;
  name: string;
  staffGroup?: string;
  requirements: RequirementDto[];
}

export interface Row<T> {
  value: T;
  /** The version read; send it back with a change (a stale one is refused with 409 and the current row). */
  etag: string;
}

export interface CatalogueAdminView {
  subjects: Row<SubjectDto>[];
  topics: Row<TopicDto>[];
  roles: Row<RoleDto>[];
  methods: string[];
}

export interface SaveBody<T> {
  value: T;
  /** Absent to create. */
  etag?: string;
}

export interface SavedAnswer<T> {
  value: T;
  etag: string;
  message: string;
}

export interface RefreshJobView {
  id: string;
  reason: string;
  state: 'running' | 'done' | 'failed' | 'stopped' | 'interrupted';
  total: number;
  done: number;
  failed: number;
  startedAt: string;
  finishedAt?: string;
}

export interface PersonHit {
  staffId: string;
  name: string;
  orgUnit: string;
  staffGroup: string;
}

export interface RoleAssignmentDto {
  roleId: string;
  start: string;
  end?: string;
  assignment?: string;
}

export interface AbsenceDto {
  from: string;
  to?: string;
  kind: string;
}

export interface PersonAdminView {
  staffId: string;
  name: string;
  orgUnit: string;
  staffGroup: string;
  category: string;
  startDate: string;
  roles: RoleAssignmentDto[];
  managerIds: string[];
  managers: { staffId: string; name: string }[];
  absences: AbsenceDto[];
  roleOptions: { id: string; name: string }[];
  absenceKinds: string[];
}

export interface PersonChangeBody {
  roles?: RoleAssignmentDto[];
  managerIds?: string[];
  absences?: AbsenceDto[];
  /** The same fields as they were read: a field someone changed since is refused with 409. */
  basedOn?: { roles?: RoleAssignmentDto[]; managerIds?: string[]; absences?: AbsenceDto[] };
}

export interface EvidenceItemView {
  learnerId: string;
  learnerName: string;
  orgUnit: string;
  recordId: string;
  topic: string;
  completedOn: string;
  expiresOn: string | null;
  employer: string;
  reference?: string;
  broughtAt: string;
  /** Whether it would change what the learner needs (their roles require this subject). */
  required: boolean;
}

export interface EvidenceDecisionBody {
  decision: 'verify' | 'reject';
  reason?: string;
}

export interface ExemptionItemView {
  requestId: string;
  learnerId: string;
  learnerName: string;
  orgUnit: string;
  subject: string;
  role?: string;
  reason: string;
  requestedAt: string;
}

export interface ProposalContentDto {
  title: string;
  risk: string;
  outcomeMeasures: string;
  audiences: string;
  staffGroups: string[];
  learningOutcomes: string;
  deliveryMethods: string[];
  renewalMonths: number | null;
  competenceAssessment: string;
  roleIds: string[];
  link?: string;
}

export interface ProposalDto extends ProposalContentDto {
  id: string;
  proposerId: string;
  proposerName: string;
  state: 'submitted' | 'questions' | 'approved' | 'declined';
  submittedAt: string;
  thread: { id: string; authorName: string; side: 'mlog' | 'proposer'; text: string; at: string }[];
  decision?: { decision: 'approve' | 'decline'; byName: string; at: string; comment: string; subjectId?: string; topicId?: string; roleIds?: string[] };
  applied?: boolean;
}

export interface ProposalListView {
  proposals: ProposalDto[];
  /** May the caller decide (MLOG member)? */
  canDecide: boolean;
  roleOptions: { id: string; name: string }[];
  methods: string[];
}

export interface ProposalDecisionBody {
  decision: 'approve' | 'decline';
  comment: string;
  roleIds?: string[];
}

/** POST /api/admin/impact: a change to the matrix not yet made (topics and roles as they would be saved). */
export interface ImpactRequest {
  topics?: TopicDto[];
  roles?: RoleDto[];
}

/** What the change would do to people's learning today; nothing is written. */
export interface ImpactAnswer {
  impact: ChangeImpact;
  /** "43 people become overdue, 120 due soon (of 1,200 people checked)." */
  sentence: string;
  /** Whether due dates move at all (if not, the change can be saved without a confirmation). */
  changesDueDates: boolean;
}
