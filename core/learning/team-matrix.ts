import type { LocalDate } from '../time/local-date.js';
import type { CatalogueIndex } from './catalogue-index.js';
import { computeCompliance, recordCounts, recordExpiry, type ComplianceInput, type ComplianceResult, type ComplianceStatus } from './compliance.js';

/**
 * ESR's colours: red = not compliant (overdue), amber = needs doing soon (due soon, not yet completed
 * within its window, or extended), green = in date, blue = held but not required by any current role.
 * Exempt items get their own neutral colour: they are neither a gap nor learning held.
 */
export type MatrixColour = 'red' | 'amber' | 'green' | 'blue' | 'exempt';
export type MatrixStatus = ComplianceStatus | 'held-not-required';

export interface MatrixCell {
  subjectId: string;
  level: number;
  status: MatrixStatus;
  colour: MatrixColour;
  dueDate: LocalDate | null;
  /** Valid until (null = never expires); only for learning held. */
  heldUntil?: LocalDate | null;
}

export function colourOf(status: MatrixStatus): MatrixColour {
  switch (status) {
    case 'overdue':
      return 'red';
    case 'due-soon':
    case 'not-completed':
    case 'extended':
      return 'amber';
    case 'in-date':
      return 'green';
    case 'held-not-required':
      return 'blue';
    case 'exempt':
      return 'exempt';
  }
}

/**
 * One person's row of the team matrix: every requirement with its colour, plus valid learning held
 * in subjects none of their current roles requires (blue), at the highest level held.
 */
export function matrixRow(input: ComplianceInput & { catalogue: CatalogueIndex }): { compliance: ComplianceResult; cells: MatrixCell[] } {
  const compliance = computeCompliance(input);
  const cells: MatrixCell[] = compliance.items.map((item) => ({
    subjectId: item.subjectId,
    level: item.level,
    status: item.status,
    colour: colourOf(item.status),
    dueDate: item.dueDate,
    ...(item.compliant && item.status !== 'exempt' ? { heldUntil: item.recordExpiresOn ?? null } : {}),
  }));
  const required = new Set(compliance.items.map((i) => i.subjectId));
  const held = new Map<string, MatrixCell>();
  for (const record of input.records) {
    if (required.has(record.subjectId) || !recordCounts(record) || !input.catalogue.subject(record.subjectId)) continue;
    const expires = recordExpiry(record, input.catalogue.topicFor(record.subjectId, record.level)?.renewalMonths ?? null);
    if (expires !== null && expires < input.today) continue;
    const existing = held.get(record.subjectId);
    if (existing && existing.level >= record.level) continue;
    held.set(record.subjectId, { subjectId: record.subjectId, level: record.level, status: 'held-not-required', colour: 'blue', dueDate: null, heldUntil: expires });
  }
  return { compliance, cells: [...cells, ...held.values()] };
}
