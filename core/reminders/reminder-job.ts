import { createHash } from 'node:crypto';
import type { LocalDate } from '../time/local-date.js';

/** What a queued reminder carries: ids and the few facts its card shows, computed when planned. */
export type ReminderJob =
  | {
      kind: 'due';
      id: string;
      staffId: string;
      aadObjectId: string;
      firstName: string;
      subjectId: string;
      level: number;
      dueDate: LocalDate;
      /** "30" … "1" days before, "0" on the day, "overdue-2" two weeks overdue. */
      threshold: string;
    }
  | {
      kind: 'digest';
      id: string;
      staffId: string;
      aadObjectId: string;
      firstName: string;
      week: string;
      overdue: { name: string; subjects: string[] }[];
      dueSoon: { name: string; subjectId: string; dueDate: LocalDate }[];
      pendingRequests: number;
      teamSize: number;
    }
  | {
      kind: 'requirement-change';
      id: string;
      staffId: string;
      aadObjectId: string;
      firstName: string;
      catalogueVersion: string;
      changes: RequirementChange[];
      /** For a manager: whose requirements changed. */
      forTeam?: { name: string; changes: number }[];
    };

export type RequirementChange =
  | { kind: 'added'; subjectId: string; level: number }
  | { kind: 'level-raised'; subjectId: string; from: number; to: number }
  | { kind: 'renewal-shortened'; subjectId: string; level: number; fromMonths: number | null; toMonths: number | null };

/** The same (person, requirement, due date, threshold) always gives the same id, so planning twice plans once. */
export function jobId(...parts: readonly (string | number)[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}
