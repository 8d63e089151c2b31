/** One application as the use cases give it: people, practices, lifecycle, sections, progress, countdown, summary, view. */
import type { WorkspaceDefinitions } from './definition-types.js';
import type { CommentThread } from './comments.js';
import type { PresenceEntry } from './presence.js';
import type { Resource } from './hub.js';


export interface PersonRef {
  staffId: string;
  name: string;
}

export interface Practice {
  name: string;
  /** ODS code, e.g. L81001. */
  odsCode: string;
}

export const SECTION_STATUSES = ['not-started', 'drafting', 'ready-for-review', 'agreed'] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];

export const STAGES = ['drafting', 'internal-review', 'submitted', 'panel-scheduled', 'decided'] as const;
/** drafting → internal-review → submitted → panel-scheduled → decided (outcome; then the annual review). */
export type Stage = (typeof STAGES)[number];

export const OUTCOMES = ['approved', 'approved-with-conditions', 'not-yet-approved'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type DeadlineRisk = 'complete' | 'on-track' | 'at-risk' | 'behind' | 'missed';

export interface SectionOwner {
  /** ODS code of one of the application's practices. */
  practiceOds?: string;
  practiceName?: string;
  person?: PersonRef;
}

export interface SectionState {
  sectionId: string;
  owner?: SectionOwner;
  status: SectionStatus;
  dueDate?: string;
  /** Set by a hub reviewer; cleared when the section is next marked ready for review (the note stays in comments). */
  changesRequested?: { by: PersonRef; at: string; note: string; threadId: string };
  updatedAt?: string;
  updatedBy?: PersonRef;
}

export interface PanelMember {
  name: string;
  role: string;
  organisation?: string;
}

export interface Panel {
  date: string;
  time?: string;
  location?: string;
  members: PanelMember[];
  scheduledBy: PersonRef;
  scheduledAt: string;
}

export interface Lifecycle {
  stage: Stage;
  internalReviewAt?: string;
  submittedAt?: string;
  submittedBy?: PersonRef;
  panel?: Panel;
  outcome?: { outcome: Outcome; conditions?: string; decidedAt: string; recordedBy: PersonRef };
  annualReviewDate?: string;
  /** Each transition, oldest first. */
  history: { stage: Stage; at: string; by: PersonRef; note?: string }[];
}

export interface ChannelLink {
  teamId: string;
  channelId: string;
  teamName?: string;
  channelName?: string;
  linkedAt: string;
  linkedBy: PersonRef;
}

export interface Progress {
  sections: number;
  notStarted: number;
  drafting: number;
  readyForReview: number;
  agreed: number;
  /** Required fields with text / required fields. */
  requiredFilled: number;
  requiredTotal: number;
  /** 0..100, whole numbers. */
  percent: number;
  checklistDone: number;
  checklistTotal: number;
}

export interface Countdown {
  deadline: string;
  /** Whole days from today (Europe/London) to the deadline; negative once passed. */
  daysLeft: number;
  risk: DeadlineRisk;
  /** Why the risk is what it is, one sentence. */
  reason: string;
}

export interface ApplicationSummary {
  id: string;
  title: string;
  pcnName: string;
  practices: Practice[];
  lifecycle: Lifecycle;
  channel?: ChannelLink;
  progress: Progress;
  countdown: Countdown;
  /** Owners of the sections, for the hub's overview. */
  owners: { sectionId: string; owner?: SectionOwner; status: SectionStatus }[];
  createdAt: string;
  createdBy: PersonRef;
  /** The last event sequence number when this summary was read. */
  seq: number;
}

export interface FieldState {
  fieldId: string;
  text: string;
  /** 0 for a field nobody has saved yet (text ''). */
  version: number;
  updatedAt?: string;
  updatedBy?: PersonRef;
}

export interface ChecklistItemResult {
  id: string;
  label: string;
  sectionId?: string;
  done: boolean;
  /** What is missing, e.g. "2 of 3 supervisors". */
  detail?: string;
}

export type AccessRole = 'member' | 'hub-reviewer';

export interface WorkspaceView {
  application: ApplicationSummary;
  definitions: WorkspaceDefinitions;
  /** Every field that has been saved at least once; fields not present are empty at version 0. */
  fields: Record<string, FieldState>;
  sections: Record<string, SectionState>;
  checklist: ChecklistItemResult[];
  comments: CommentThread[];
  presence: PresenceEntry[];
  resources: Resource[];
  me: { staffId: string; name: string; role: AccessRole; canEdit: boolean; canComment: boolean; canReview: boolean };
  /** Subscribe to the events with `?since=<seq>` to get every change after this view. */
  seq: number;
}
