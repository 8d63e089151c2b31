/** The shapes of what an application asks (sections, fields, checklist): data, see definitions.ts. */
import { MAX_FIELD_CHARS } from './ids-and-limits.js';
import type { ResourceKind } from './hub.js';
import { formatTable, parseTable } from './list-table-text.js';


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
