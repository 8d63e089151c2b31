/** What the live stream carries. */
import type { ApplicationSummary, FieldState, PersonRef, SectionState } from './application-types.js';
import type { CommentThread } from './comments.js';
import type { PresenceEntry } from './presence.js';


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
