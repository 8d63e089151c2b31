import type { ColumnDefinition, FieldDefinition } from './model.js';

/** Building blocks of the application's definitions: a field, an evidence table of links. */
export const LINK_COLUMNS: ColumnDefinition[] = [
  { key: 'label', label: 'What it is' },
  { key: 'url', label: 'Link (e.g. a file in the channel)', kind: 'url' },
];

export const field = (sectionId: string, key: string, label: string, kind: FieldDefinition['kind'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({
  id: `${sectionId}.${key}`,
  key,
  label,
  kind,
  ...extra,
});

export const evidence = (sectionId: string, key = 'evidence', label = 'Evidence (links to documents in the channel)') =>
  field(sectionId, key, label, 'table', { columns: LINK_COLUMNS, help: 'One row per document: what it is, and a link to it (for example a file in this channel).' });

