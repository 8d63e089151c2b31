/** The text of list and table fields: one item or row per line, cells separated by a TAB. */
import type { ColumnDefinition } from './definition-types.js';


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
