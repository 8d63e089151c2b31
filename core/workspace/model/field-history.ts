/** A field's saved text and its history (sessions of work; earlier versions), and its live documents' answers. */
import type { FieldState, PersonRef } from './application-types.js';


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
