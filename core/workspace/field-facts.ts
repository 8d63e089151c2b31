import type { ChecklistItemDefinition, FieldDefinition } from './model.js';
import { parseTable } from './model.js';
import type { FieldFacts } from './application.js';

/** The `column=value` keys the checklist asks about for a field. */
export function matchKeysFor(fieldId: string, checklist: readonly ChecklistItemDefinition[]): { column: string; value: string }[] {
  return checklist.flatMap((item) => (item.rule.kind === 'table-rows' && item.rule.fieldId === fieldId && item.rule.where ? [item.rule.where] : []));
}

export const matchKey = (where: { column: string; value: string }) => `${where.column}=${where.value}`;

/** Facts of a field's text, computed on every save so summaries never read field texts. */
export function factsOf(text: string, definition: FieldDefinition | undefined, checklist: readonly ChecklistItemDefinition[]): FieldFacts {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const facts: FieldFacts = { chars: text.replace(/\s+/g, '').length, items: lines.length };
  if (definition?.kind === 'table' && definition.columns) {
    const rows = parseTable(text, definition.columns);
    facts.items = rows.length;
    const wanted = matchKeysFor(definition.id, checklist);
    if (wanted.length) {
      facts.matches = Object.fromEntries(
        wanted.map((w) => [matchKey(w), rows.filter((row) => (row[w.column] ?? '').toLowerCase().includes(w.value.toLowerCase())).length]),
      );
    }
  }
  return facts;
}
