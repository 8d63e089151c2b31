/**
 * The Learning Organisation workspace API: the contract between the server (tab/api/workspace-routes.ts,
 * tab/api/hub-routes.ts) and the browser (tab/web/src/workspace/**). Imports only zod, so both sides can use it.
 * Changes are additive only.
 *
 * Every route (all JSON unless said; every route needs a bearer token; `:id` is an application id):
 *
 *   GET    /api/workspace-definitions                         → WorkspaceDefinitions (sections, fields, checklist; data, not code)
 *   GET    /api/workspaces                                    → WorkspaceListResponse (the caller's PCN's applications; all of them for a hub reviewer)
 *   POST   /api/workspaces                  CreateApplicationRequest → 201 ApplicationSummary
 *   GET    /api/workspaces/by-channel/:channelId              → ChannelLinkResponse (which application this channel shows, if the caller may see it)
 *   PUT    /api/workspaces/:id/channel      LinkChannelRequest       → ApplicationSummary   (members; links a Teams channel to the application)
 *   GET    /api/workspaces/:id                                → WorkspaceView (everything the workspace page shows; `seq` = last event included)
 *   PUT    /api/workspaces/:id/practices    UpdatePracticesRequest   → ApplicationSummary   (members)
 *   GET    /api/workspaces/:id/members                        → MembersResponse (who can be @mentioned / own a section)
 *   POST   /api/workspaces/:id/members      AddMemberRequest         → MembersResponse      (members; adds someone outside the practices)
 *   DELETE /api/workspaces/:id/members/:staffId                 → MembersResponse      (members; removes an explicitly added member)
 *   GET    /api/workspaces/:id/fields/:fieldId                → FieldState
 *   PUT    /api/workspaces/:id/fields/:fieldId  SaveFieldRequest     → SaveFieldResponse (the whole text, merged with anyone typing; never a conflict)
 *   GET    /api/workspaces/:id/docs?section=                  → FieldDocsResponse (the live documents of a section's fields, Yjs states)
 *   POST   /api/workspaces/:id/fields/:fieldId/doc  DocChangeRequest  → DocChangeResponse (a keystroke's Yjs update and/or the cursor)
 *   GET    /api/workspaces/:id/fields/:fieldId/history?limit=  → FieldHistoryResponse (sessions of work, newest first)
 *   GET    /api/workspaces/:id/fields/:fieldId/history/:sessionId → SessionContentResponse (before and after, to show the difference)
 *   POST   /api/workspaces/:id/fields/:fieldId/restore  RestoreFieldRequest → SaveFieldResponse (a restore is itself a session)
 *   PATCH  /api/workspaces/:id/sections/:sectionId  UpdateSectionRequest → SectionState (members: owner, status, due date)
 *   POST   /api/workspaces/:id/sections/:sectionId/changes-requested  RequestChangesRequest → SectionState (hub reviewers)
 *   POST   /api/workspaces/:id/comments     AddCommentRequest        → 201 CommentThread (members and hub reviewers; new thread or reply)
 *   POST   /api/workspaces/:id/comments/:threadId/resolve     → CommentThread
 *   POST   /api/workspaces/:id/comments/:threadId/reopen      → CommentThread
 *   POST   /api/workspaces/:id/lifecycle    LifecycleRequest         → ApplicationSummary   (members: internal review, submit, back to drafting)
 *   POST   /api/workspaces/:id/panel        SchedulePanelRequest     → ApplicationSummary   (hub reviewers; at least 3 panel members)
 *   POST   /api/workspaces/:id/outcome      RecordOutcomeRequest     → ApplicationSummary   (hub reviewers; after the panel)
 *   POST   /api/workspaces/:id/presence     PresenceRequest          → PresenceResponse     (heartbeat every `heartbeatSeconds`)
 *   DELETE /api/workspaces/:id/presence/:clientId               → PresenceResponse     (leaving; also expires by itself)
 *   GET    /api/workspaces/:id/events       (text/event-stream; `Last-Event-ID` header or `?since=<seq>`) → WorkspaceEvent stream
 *   GET    /api/workspaces/:id/export.docx                    → DOCX file (Content-Disposition: attachment)
 *   GET    /api/hub/applications                              → HubOverviewResponse (hub reviewers only)
 *   GET    /api/hub/learning-organisations                    → PublishedListResponse (any signed-in person)
 *   GET    /api/resources?sectionId=                          → ResourcesResponse (any signed-in person)
 *   POST   /api/resources                   ResourceRequest          → 201 Resource (hub reviewers, ld-admin)
 *   PUT    /api/resources/:resourceId       ResourceRequest          → Resource     (hub reviewers, ld-admin)
 *   DELETE /api/resources/:resourceId                         → { deleted: true } (hub reviewers, ld-admin)
 *
 * Errors are `{ error: { code, message, details? } }` (ApiErrorBody). Codes used here: see WORKSPACE_ERROR_CODES.
 * Someone who is neither a member nor a hub reviewer gets 403 `forbidden` with the same body whether or not the
 * application exists (FORBIDDEN_MESSAGE).
 */
import { z } from 'zod';
import { FIELD_ID_PATTERN, ID_PATTERN, MAX_FIELD_CHARS, OUTCOMES, SECTION_STATUSES, type PresenceEntry, type Resource } from '../../core/workspace/model.js';

// The model the responses and events are made of (types, limits, helpers) lives with the use cases.
export * from '../../core/workspace/model.js';

// ───────────────────────────── shapes of HTTP alone ─────────────────────────────

/** Save requests can be large (a 300,000-character field as JSON): the server accepts bodies up to 2 MiB. */
export const MAX_SAVE_BODY_BYTES = 2 * 1024 * 1024;

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

export interface PresenceResponse {
  presence: PresenceEntry[];
  heartbeatSeconds: number;
  expiresInSeconds: number;
}

export interface ResourcesResponse {
  resources: Resource[];
  canManage: boolean;
}



// ───────────────────────────── request bodies (zod) ─────────────────────────────

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const shortText = (max: number) => z.string().trim().min(1).max(max);

export const practiceSchema = z.object({
  name: shortText(120),
  odsCode: z.string().trim().regex(/^[A-Za-z0-9]{3,10}$/, 'an ODS code (letters and digits)'),
});

export const createApplicationSchema = z.object({
  title: z.string().trim().max(200).optional(),
  practices: z.array(practiceSchema).min(1).max(40),
  /** Optionally link the channel the configuration page runs in, in the same step. */
  channel: z.object({ teamId: shortText(200), channelId: shortText(200), teamName: z.string().max(200).optional(), channelName: z.string().max(200).optional() }).optional(),
});
export type CreateApplicationRequest = z.infer<typeof createApplicationSchema>;

export const linkChannelSchema = z.object({
  teamId: shortText(200),
  channelId: shortText(200),
  teamName: z.string().max(200).optional(),
  channelName: z.string().max(200).optional(),
});
export type LinkChannelRequest = z.infer<typeof linkChannelSchema>;

export const updatePracticesSchema = z.object({ practices: z.array(practiceSchema).min(1).max(40) });
export type UpdatePracticesRequest = z.infer<typeof updatePracticesSchema>;

export const addMemberSchema = z.object({ staffId: z.string().regex(ID_PATTERN) });
export type AddMemberRequest = z.infer<typeof addMemberSchema>;

export const saveFieldSchema = z.object({
  text: z.string().max(MAX_FIELD_CHARS),
  /** Accepted for older clients and ignored: the text is merged with the field as it is now. */
  baseVersion: z.number().int().min(0).optional(),
});
export type SaveFieldRequest = z.infer<typeof saveFieldSchema>;

/** A Yjs relative position as JSON (small); kept opaque, checked for size. */
const relativePosition = z.unknown().refine((v) => v !== undefined && JSON.stringify(v).length <= 400, 'a relative position');

export const cursorSchema = z.object({ anchor: relativePosition, head: relativePosition });

export const docChangeSchema = z.object({
  /** The tab's presence client id: its own changes are not sent back to it. */
  origin: z.string().regex(ID_PATTERN),
  /** A Yjs update, base64. */
  update: z.string().max(2_800_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64').optional(),
  /** The sender's Yjs client id. */
  yclient: z.number().int().min(0).max(2 ** 53).optional(),
  /** Where the sender's cursor is; null when they left the field. */
  cursor: cursorSchema.nullable().optional(),
});
export type DocChangeRequest = z.infer<typeof docChangeSchema>;

export const restoreFieldSchema = z.object({ sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/) });
export type RestoreFieldRequest = z.infer<typeof restoreFieldSchema>;

export const updateSectionSchema = z.object({
  /** null clears the owner. */
  owner: z
    .object({ practiceOds: z.string().max(10).optional(), staffId: z.string().regex(ID_PATTERN).optional() })
    .nullable()
    .optional(),
  status: z.enum(SECTION_STATUSES).optional(),
  /** null clears the due date. */
  dueDate: date.nullable().optional(),
});
export type UpdateSectionRequest = z.infer<typeof updateSectionSchema>;

export const requestChangesSchema = z.object({ note: shortText(4000) });
export type RequestChangesRequest = z.infer<typeof requestChangesSchema>;

export const addCommentSchema = z.object({
  /** A new thread on this section (and optionally field)… */
  sectionId: z.string().max(40).optional(),
  fieldId: z.string().regex(FIELD_ID_PATTERN).optional(),
  /** …or a reply in this thread. */
  threadId: z.string().regex(ID_PATTERN).optional(),
  text: shortText(8000),
  /** Staff ids @mentioned; each must be a member (or a hub reviewer). */
  mentions: z.array(z.string().regex(ID_PATTERN)).max(20).optional(),
  /** A new thread on a range of a long answer (with `fieldId`). */
  anchor: z.object({ start: relativePosition, end: relativePosition, quote: z.string().max(500) }).optional(),
});
export type AddCommentRequest = z.infer<typeof addCommentSchema>;

export const LIFECYCLE_ACTIONS = ['start-internal-review', 'return-to-drafting', 'submit'] as const;
export const lifecycleSchema = z.object({ action: z.enum(LIFECYCLE_ACTIONS), note: z.string().max(2000).optional() });
export type LifecycleRequest = z.infer<typeof lifecycleSchema>;

export const schedulePanelSchema = z.object({
  date,
  time: z.string().regex(/^\d{2}:\d{2}$/).optional(),
  location: z.string().max(300).optional(),
  members: z.array(z.object({ name: shortText(120), role: shortText(120), organisation: z.string().max(200).optional() })).max(20),
});
export type SchedulePanelRequest = z.infer<typeof schedulePanelSchema>;

export const recordOutcomeSchema = z.object({
  outcome: z.enum(OUTCOMES),
  conditions: z.string().max(8000).optional(),
  /** Defaults to a year after the panel date when approved. */
  annualReviewDate: date.optional(),
});
export type RecordOutcomeRequest = z.infer<typeof recordOutcomeSchema>;

export const presenceSchema = z.object({
  clientId: z.string().regex(ID_PATTERN),
  sectionId: z.string().max(40).optional(),
  fieldId: z.string().regex(FIELD_ID_PATTERN).optional(),
  mode: z.enum(['viewing', 'editing']).default('viewing'),
});
export type PresenceRequest = z.input<typeof presenceSchema>;

export const RESOURCE_KINDS = ['exemplar', 'checklist', 'welcome-letter', 'induction', 'guidance'] as const;
export const resourceSchema = z.object({
  title: shortText(200),
  kind: z.enum(RESOURCE_KINDS),
  url: z.string().url().max(2000).refine((u) => /^https?:\/\//i.test(u), 'an http(s) address'),
  description: z.string().max(2000).optional(),
  sectionIds: z.array(z.string().max(40)).max(30).default([]),
});
export type ResourceRequest = z.input<typeof resourceSchema>;
