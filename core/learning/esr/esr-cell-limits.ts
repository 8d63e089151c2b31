import { FIELD_LABELS, type ColumnMap, type EsrField } from './esr-columns.js';

/**
 * The longest value each column may hold, in characters. What an import keeps (names, positions,
 * organisation levels, competence names) ends up in Table Storage, whose properties hold 32 K
 * characters and entities 1 MiB; these limits are far below that and far above any real ESR value,
 * so an oversized cell is refused on its own line before anything is written.
 */
export const CELL_LIMITS: Record<EsrField, number> = {
  employeeNumber: 30,
  assignmentNumber: 40,
  fullName: 200,
  firstName: 200,
  lastName: 200,
  email: 254,
  position: 200,
  staffGroup: 100,
  category: 100,
  orgL3: 200,
  orgL4: 200,
  orgL5: 200,
  orgL6: 200,
  orgL7: 200,
  organisation: 200,
  supervisor: 200,
  assignmentStart: 40,
  competence: 300,
  completedOn: 40,
  expiresOn: 40,
};

/** The first cell of a row that is longer than its column may hold, in words for the line's issue. */
export function oversizedCell(record: readonly string[], columns: ColumnMap): string | undefined {
  for (const [field, at] of Object.entries(columns) as [EsrField, number | undefined][]) {
    if (at === undefined) continue;
    const length = (record[at] ?? '').trim().length;
    const limit = CELL_LIMITS[field];
    if (length > limit) {
      return `${FIELD_LABELS[field]} is ${length.toLocaleString('en-GB')} characters; at most ${limit.toLocaleString('en-GB')} fit, so the row was left out.`;
    }
  }
  return undefined;
}

/** Quotes input in an answer: at most `max` characters, marked when cut. */
export function quote(text: string, max = 60): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max)}… (${trimmed.length.toLocaleString('en-GB')} characters)`;
}
