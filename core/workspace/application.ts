import type { ChannelLink, Lifecycle, PersonRef, Practice, SectionState } from './model.js';

/** What the checklist needs to know about a field without reading its text (kept up to date by every save). */
export interface FieldFacts {
  /** Characters that are not white space. */
  chars: number;
  /** Non-empty lines: list items or table rows. */
  items: number;
  /** Table rows whose `column` cell contains `value`, keyed `column=value` (for checklist rules). */
  matches?: Record<string, number>;
}

/**
 * One Learning Organisation application as stored in its partition's `app` row. Fields, revisions,
 * comments and events are rows of their own in the same partition; `seq` is the number of the last
 * event, moved by every change, so the row's ETag orders every write to the application.
 */
export interface ApplicationRecord {
  id: string;
  title: string;
  pcnName: string;
  practices: Practice[];
  lifecycle: Lifecycle;
  channel?: ChannelLink;
  sections: Record<string, SectionState>;
  /** Members added by hand (people outside the aligned practices, e.g. a PCN-employed educator). */
  addedMembers: PersonRef[];
  facts: Record<string, FieldFacts>;
  createdAt: string;
  createdBy: PersonRef;
  seq: number;
}
