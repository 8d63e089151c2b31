import type { MatrixCellView, MatrixStatus, TeamMemberView, TeamView } from '../../../../shared/learning-api';
import { MATRIX_ORDER } from '../../ui/badges';

export type Filter = 'all' | 'overdue' | 'not-compliant' | 'away';
export interface TeamFilters {
  query: string;
  filter: Filter;
  subject: string;
}

/** The short word a matrix cell shows, and what it means, for the key. */
export const SHORT: Record<MatrixStatus, string> = { overdue: 'Overdue', 'due-soon': 'Due soon', 'not-completed': 'To do', extended: 'Extended', 'in-date': 'In date', exempt: 'Exempt', 'held-not-required': 'Held' };
export const MEANING: Record<MatrixStatus, string> = {
  overdue: 'past its due date (red)',
  'due-soon': 'due within the next few weeks (amber)',
  'not-completed': 'not done yet, still within the time a new starter or new role has (amber)',
  extended: 'a later date agreed with the manager (amber)',
  'in-date': 'done and valid (green)',
  'held-not-required': 'held, but not required by their roles (blue)',
  exempt: 'not required: exemption agreed by the MLOG (grey)',
};

export function filterMembers(view: TeamView, { query, filter, subject }: TeamFilters): TeamMemberView[] {
  const q = query.trim().toLowerCase();
  return view.members.filter((m) => {
    if (q && !m.name.toLowerCase().includes(q)) return false;
    const cells = subject ? m.cells.filter((c) => c.subjectId === subject) : m.cells;
    if (filter === 'overdue') return cells.some((c) => c.status === 'overdue');
    if (filter === 'not-compliant') return cells.some((c) => c.colour === 'red' || c.colour === 'amber');
    if (filter === 'away') return m.away;
    return true;
  });
}

/** The date a cell is about: when it is due, or (held) until when it is valid. */
export function cellDate(cell: MatrixCellView): string | null | undefined {
  return cell.status === 'held-not-required' || cell.status === 'in-date' ? cell.heldUntil : cell.dueDate;
}

/** A person's items worst first (overdue, then due soon…), earliest date first within each. */
export function worstFirst(cells: readonly MatrixCellView[]): MatrixCellView[] {
  return [...cells].sort((a, b) => MATRIX_ORDER.indexOf(a.status) - MATRIX_ORDER.indexOf(b.status) || (cellDate(a) ?? '9999').localeCompare(cellDate(b) ?? '9999'));
}
