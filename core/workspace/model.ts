/**
 * The Learning Organisation workspace's model: the shapes of definitions, applications, fields,
 * revisions, comments, presence and live events, their limits, and the text helpers for list and
 * table fields. Pure data, no imports: the use cases in core/workspace produce these, and the tab's
 * API contract (tab/shared/workspace-api.ts) re-exports them for the browser.
 */

// ───────────────────────────── ids, limits, constants ─────────────────────────────

/** Application, thread, resource and client ids: letters, digits, `-` and `_`. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Field ids are `<sectionId>.<fieldKey>`, e.g. `eqf-1.culture-narrative`. */
export const FIELD_ID_PATTERN = /^[a-z0-9-]{1,40}\.[a-z0-9-]{1,60}$/;
/** A field holds at least 200,000 characters; the server accepts up to this many. */
export const MAX_FIELD_CHARS = 300_000;
/** Save requests can be large (a 300,000-character field as JSON): the server accepts bodies up to 2 MiB. */
export const MAX_SAVE_BODY_BYTES = 2 * 1024 * 1024;
/** The date all Learning Organisation approvals are due by ("by April 2028"): the countdown runs to this day. */
export const APPROVAL_DEADLINE = '2028-04-01';
export const MIN_PANEL_MEMBERS = 3;
export const FORBIDDEN_MESSAGE = 'You do not have access to this workspace.';

/** Error codes this API answers with (besides the kit's `invalid`, `unauthorized`, `rate-limited`, `internal`). */
export const WORKSPACE_ERROR_CODES = {
  /** 403: not a member / not a hub reviewer / the application does not exist (same body). */
  forbidden: 'forbidden',
  /** 403: a hub reviewer tried to edit, or a member tried a hub-only action. */
  readOnly: 'read-only',
  /** 404: unknown field/section/thread/resource id inside an application the caller may see. */
  notFound: 'not-found',
  /** 409: the lifecycle does not allow this now (e.g. editing while submitted, outcome before a panel). details = { stage } */
  wrongStage: 'wrong-stage',
  /** 409: submission while the checklist is incomplete. details = { missing: ChecklistItemResult[] } */
  checklistIncomplete: 'checklist-incomplete',
  /** 400: too few panel members, a mention of a non-member, a field too long, etc. */
  badRequest: 'bad-request',
  /** 413: the body is over MAX_SAVE_BODY_BYTES. */
  tooLarge: 'too-large',
} as const;

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

// ───────────────────────────── definitions (data) ─────────────────────────────

/**
 * Every field is stored as text, so every field is saved, merged, versioned and restored the same way.
 * - `text`: one line; `longtext`: many paragraphs (up to MAX_FIELD_CHARS);
 * - `date`: `YYYY-MM-DD` or empty; `email`: an address or empty;
 * - `list`: one item per line (e.g. learner types; `suggestions` offers common values, any value is allowed);
 * - `table`: one row per line, cells separated by a TAB, in `columns` order (see parseTable/formatTable below);
 *   evidence links are tables with columns `label` and `url`.
 */
export type FieldKind = 'text' | 'longtext' | 'date' | 'email' | 'list' | 'table';

export interface ColumnDefinition {
  key: string;
  label: string;
  /** When present, the cell should be one of these. */
  options?: string[];
  /** `url` columns hold a link (e.g. to a file in the channel's SharePoint folder). */
  kind?: 'text' | 'url';
}

export interface FieldDefinition {
  /** `<sectionId>.<key>` */
  id: string;
  key: string;
  label: string;
  kind: FieldKind;
  /** Guidance shown beside the field (the EQF prompt it answers, what good evidence looks like). */
  help?: string;
  /** Counted by the checklist's `section-complete` rule when true. */
  required?: boolean;
  suggestions?: string[];
  columns?: ColumnDefinition[];
}

export interface SectionDefinition {
  id: string;
  /** Display order number, e.g. "1" or "D3". */
  number: string;
  title: string;
  /** `application`: the application's own sections; `domain`: one of the six EQF domains. */
  group: 'application' | 'domain';
  intro: string;
  /** Prompts shown at the top of the section (for domains: the guidance prompts). */
  prompts: string[];
  fields: FieldDefinition[];
}

/** Checklist rules, evaluated on the server from the stored application. */
export type ChecklistRule =
  | { kind: 'field-filled'; fieldId: string }
  | { kind: 'list-items'; fieldId: string; min: number }
  /** `where`: only rows whose cell in `column` contains `value` (case-insensitive), e.g. type contains "educational". */
  | { kind: 'table-rows'; fieldId: string; min: number; where?: { column: string; value: string } }
  | { kind: 'section-complete'; sectionId: string }
  | { kind: 'section-agreed'; sectionId: string }
  | { kind: 'all-sections-agreed' }
  | { kind: 'practices'; min: number }
  | { kind: 'channel-linked' };

export interface ChecklistItemDefinition {
  id: string;
  label: string;
  /** The section it is about, so the UI can jump there. */
  sectionId?: string;
  rule: ChecklistRule;
}

export interface WorkspaceDefinitions {
  version: string;
  deadline: string;
  sections: SectionDefinition[];
  checklist: ChecklistItemDefinition[];
  /** Kinds of resource in the hub's library. */
  resourceKinds: { id: ResourceKind; label: string }[];
}

// ───────────────────────────── the application ─────────────────────────────

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

// ───────────────────────────── saving and history ─────────────────────────────

/** `saved`: the field now holds the text sent (merged with anyone typing at the same time); `unchanged`: it already did. */
export type SaveOutcome = 'saved' | 'unchanged';

export interface SaveFieldResponse {
  outcome: SaveOutcome;
  field: FieldState;
}

/**
 * A revision as fields were saved before live editing (rows `h|…`); shown in the history as
 * "earlier versions" and restorable.
 */
export interface HistoryEntry {
  id: string;
  fieldId: string;
  kind: 'edit' | 'merge' | 'restore' | 'conflict';
  version: number;
  baseVersion: number;
  text: string;
  by: PersonRef;
  at: string;
  restoredFrom?: string;
  resolves?: string;
  resolvedBy?: string;
}

/**
 * A session of work on a field: one person's changes until they paused ("Megan Bowen, 10:02–10:09,
 * +340 characters"); `restore` when they brought back an earlier session; `earlier` for versions
 * saved before live editing. `open` while the person is still at it.
 */
export interface SessionEntry {
  id: string;
  fieldId: string;
  kind: 'edit' | 'restore' | 'earlier';
  by: PersonRef;
  startedAt: string;
  endedAt: string;
  added: number;
  removed: number;
  open: boolean;
  /** restore: the session brought back. */
  restoredFrom?: string;
}

export interface FieldHistoryResponse {
  fieldId: string;
  /** Newest first. */
  sessions: SessionEntry[];
}

/** The field before and after one session, as plain text (one line per paragraph or item), for its difference. */
export interface SessionContentResponse {
  fieldId: string;
  sessionId: string;
  before: string;
  after: string;
}

/** The live documents of some fields: each one's whole Yjs state (base64), and the feed position it includes. */
export interface FieldDocsResponse {
  docs: Record<string, string>;
  dseq: number;
}

/** A change to a field's live document: a Yjs update, a cursor, or both. */
export interface DocChangeResponse {
  dseq: number;
}

// ───────────────────────────── comments ─────────────────────────────

export interface Comment {
  id: string;
  author: PersonRef;
  text: string;
  mentions: PersonRef[];
  at: string;
}

/** A comment on a range of a long answer: Yjs relative positions (JSON), so it stays on the same words as the text changes. */
export interface CommentAnchor {
  start?: unknown;
  end?: unknown;
  /** The words commented on, when the comment was made. */
  quote: string;
}

export interface CommentThread {
  id: string;
  sectionId: string;
  fieldId?: string;
  anchor?: CommentAnchor;
  /** `changes-requested` threads are a hub reviewer's request on a section. */
  kind: 'comment' | 'changes-requested';
  comments: Comment[];
  resolved?: { by: PersonRef; at: string };
  createdAt: string;
}

// ───────────────────────────── presence ─────────────────────────────

export interface PresenceEntry {
  clientId: string;
  person: PersonRef;
  sectionId?: string;
  fieldId?: string;
  mode: 'viewing' | 'editing';
  expiresAt: string;
}

export interface PresenceResponse {
  presence: PresenceEntry[];
  heartbeatSeconds: number;
  expiresInSeconds: number;
}

// ───────────────────────────── live events (SSE) ─────────────────────────────

/**
 * `event: <type>`, `id: <seq>.<dseq>` (the application's event and live-document positions reached),
 * `data: <JSON of the event>`. Resume with `Last-Event-ID`. `reset` means "too much was missed: reload".
 */
export type WorkspaceEvent =
  | { type: 'hello'; seq: number; dseq: number }
  | { type: 'field'; seq: number; at: string; by: PersonRef; field: FieldState; kind: 'edit' | 'merge' | 'restore' }
  /** A keystroke's worth (or a cursor move) in a field's live document; `origin` is the tab it came from. */
  | { type: 'doc'; dseq: number; fieldId: string; by: PersonRef; origin: string; update?: string; yclient?: number; cursor?: { anchor?: unknown; head?: unknown } | null }
  | { type: 'section'; seq: number; at: string; by: PersonRef; section: SectionState }
  | { type: 'comment'; seq: number; at: string; by: PersonRef; thread: CommentThread }
  | { type: 'application'; seq: number; at: string; by: PersonRef; application: ApplicationSummary }
  | { type: 'presence'; presence: PresenceEntry[] }
  | { type: 'reset'; reason: string };

export type WorkspaceEventType = WorkspaceEvent['type'];

// ───────────────────────────── hub and resources ─────────────────────────────

export type ResourceKind = 'exemplar' | 'checklist' | 'welcome-letter' | 'induction' | 'guidance';

export interface Resource {
  id: string;
  title: string;
  kind: ResourceKind;
  url: string;
  description?: string;
  /** The sections it helps with; empty = the whole application. */
  sectionIds: string[];
  updatedAt: string;
  updatedBy: PersonRef;
}

export interface ResourcesResponse {
  resources: Resource[];
  canManage: boolean;
}

export interface HubOverviewResponse {
  applications: ApplicationSummary[];
  deadline: string;
}

export interface PublishedLearningOrganisation {
  applicationId: string;
  pcnName: string;
  practices: Practice[];
  outcome: 'approved' | 'approved-with-conditions';
  approvedOn: string;
  annualReviewDate?: string;
}

export interface PublishedListResponse {
  learningOrganisations: PublishedLearningOrganisation[];
}

// ───────────────────────────── lists, channels, members ─────────────────────────────

export interface WorkspaceListResponse {
  applications: ApplicationSummary[];
  /** The caller's PCN (from their organisation unit), when they work in a PCN practice. */
  pcnName?: string;
  /** The caller's practice name, when they work in a PCN practice. */
  practiceName?: string;
  canCreate: boolean;
  role: AccessRole | 'none';
}

export type ChannelLinkResponse = { linked: false } | { linked: true; application: ApplicationSummary };

export interface Member extends PersonRef {
  orgUnit: string;
  /** `practice`: works in one of the application's practices; `added`: added explicitly. */
  via: 'practice' | 'added';
}

export interface MembersResponse {
  members: Member[];
}


// ───────────────────────────── text helpers for list and table fields ─────────────────────────────

/** Rows of a `table` field: one line per row, TAB between cells. Empty lines are skipped. */
export function parseTable(text: string, columns: readonly ColumnDefinition[]): Record<string, string>[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = line.split('\t');
      return Object.fromEntries(columns.map((c, i) => [c.key, (cells[i] ?? '').trim()]));
    });
}

/** The text of a `table` field; TABs and line breaks inside a cell become spaces. */
export function formatTable(rows: readonly Record<string, string>[], columns: readonly ColumnDefinition[]): string {
  const clean = (s: string | undefined) => (s ?? '').replace(/[\t\r\n]+/g, ' ');
  return rows.map((row) => columns.map((c) => clean(row[c.key])).join('\t')).join('\n');
}

/** Items of a `list` field: one per line, trimmed, empty lines skipped. */
export function parseList(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function formatList(items: readonly string[]): string {
  return items.map((item) => item.replace(/[\r\n]+/g, ' ').trim()).filter((i) => i !== '').join('\n');
}
