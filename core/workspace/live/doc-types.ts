import type { PersonRef } from '../model.js';

/**
 * A remote cursor or selection in a rich field: Yjs relative positions (as their JSON), so it
 * stays on the same words while others type. `null` says the person left the field.
 */
export interface CursorPositions {
  anchor?: unknown;
  head?: unknown;
}

/** One change to a field's live document, in the order storage gave it (`dseq`, per application). */
export interface DocRecord {
  dseq: number;
  fieldId: string;
  by: PersonRef;
  /** Wall-clock milliseconds, when the server took it. */
  at: number;
  /** The browser tab (presence client id) it came from, so that tab can ignore its own echo. */
  origin: string;
  /** The Yjs update; absent when only the cursor moved. */
  update?: Uint8Array;
  /** The sender's Yjs client id, so its cursor is drawn in the right document state. */
  yclient?: number;
  cursor?: CursorPositions | null;
  /** A restore of an earlier session (the history shows it as a session of its own). */
  restoredFrom?: string;
}

export type NewDocRecord = Omit<DocRecord, 'dseq'>;

/** A session of work: one person's changes to one field, until they paused for long enough. */
export interface WorkSession {
  id: string;
  fieldId: string;
  kind: 'edit' | 'restore';
  by: PersonRef;
  startedAt: number;
  endedAt: number;
  added: number;
  removed: number;
  /** Yjs snapshots (encoded, base64) of the field before the session's first change and after its last. */
  before: string;
  after: string;
  restoredFrom?: string;
}

/** A field's compacted state: every change up to `upTo` folded into one Yjs update, and the sessions still open. */
export interface FieldSnapshot {
  fieldId: string;
  state: Uint8Array;
  upTo: number;
  open: WorkSession[];
  etag?: string;
}
