import type { LocalDate } from '../../time/local-date.js';

export const ISSUE_KINDS = [
  'missing-employee-number',
  'invalid-employee-number',
  'impossible-date',
  'missing-date',
  'expiry-before-completion',
  'future-date',
  'missing-competence',
  'unknown-competence',
  'duplicate-row',
  'encoding',
  'malformed-row',
  'unknown-position',
  'unknown-supervisor',
  'oversized-cell',
  'different-name',
] as const;
export type IssueKind = (typeof ISSUE_KINDS)[number];

/** A problem with one line of the file. Errors keep the line's record out; warnings do not. */
export interface ImportIssue {
  line: number;
  kind: IssueKind;
  severity: 'error' | 'warning';
  message: string;
  employeeNumber?: string;
}

/** What an unknown competence or position is mapped to, remembered for the next import. */
export type MappingTarget = { kind: 'topic'; subjectId: string; level: number } | { kind: 'role'; roleId: string } | { kind: 'ignore' };
export type MappingKind = 'competence' | 'position';

export interface Mappings {
  competences: ReadonlyMap<string, MappingTarget>;
  positions: ReadonlyMap<string, MappingTarget>;
}

export interface UnknownName {
  name: string;
  key: string;
  rows: number;
  firstLine: number;
  reason: string;
}

export interface RecordDraft {
  id: string;
  subjectId: string;
  level: number;
  completedOn: LocalDate;
  /** ESR's own expiry: a date, null for "no expiry", undefined when the cell was empty. */
  expiresOn: LocalDate | null | undefined;
  line: number;
}

export interface AssignmentDraft {
  number: string;
  position?: string;
  /** undefined when the position is unknown or mapped to "not a role". */
  roleId?: string;
  staffGroup?: string;
  orgUnit?: string;
  supervisorId?: string;
  start?: LocalDate;
  line: number;
}

/** Everything the file says about one person, gathered from all their rows. */
export interface PersonDraft {
  employeeNumber: string;
  name?: string;
  /** The line the kept name came from, and the other names other lines gave (each once). */
  nameLine?: number;
  otherNames?: Set<string>;
  email?: string;
  category?: string;
  firstLine: number;
  assignments: Map<string, AssignmentDraft>;
  records: Map<string, RecordDraft>;
  /** Row identities already seen (assignment, competence, dates) → line, to spot duplicate rows. */
  rowKeys: Map<string, number>;
}

export interface ParseLimits {
  maxRows: number;
  maxIssues: number;
}

export const DEFAULT_LIMITS: ParseLimits = { maxRows: 500_000, maxIssues: 5_000 };

export interface ParsedExport {
  delimiter: string;
  encoding: { name: string; byteOrderMark: boolean; windows1252Lines: number; undecodableLines: number };
  bytes: number;
  columnsIgnored: string[];
  rows: number;
  errorRows: number;
  /** Rows for a competence required but not held (no dates): nothing to record, not an error. */
  notHeldRows: number;
  /** Rows whose competence is mapped to "not a mandatory topic". */
  ignoredRows: number;
  people: Map<string, PersonDraft>;
  records: number;
  issues: ImportIssue[];
  issueCounts: Partial<Record<IssueKind, number>>;
  issuesTruncated: boolean;
  unknownCompetences: UnknownName[];
  unknownPositions: UnknownName[];
  /** Supervisors named in the file who are not people in it: line of first mention. */
  supervisorsOutsideFile: Map<string, number>;
}

/** The whole file is refused (nothing read from it is used): a clear reason a person can act on. */
export class EsrFileError extends Error {
  constructor(
    readonly code: 'missing-columns' | 'empty-file' | 'too-many-rows' | 'too-large' | 'not-text',
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'EsrFileError';
  }
}

/** What an import wrote (absent from a preview). */
export interface EsrWriteCounts {
  peopleCreated: number;
  peopleUpdated: number;
  peopleUnchanged: number;
  recordsAdded: number;
  recordsUpdated: number;
  recordsUnchanged: number;
  /** People whose write failed (storage trouble): importing the same file again is safe and finishes them. */
  peopleFailed: number;
  /** The first few of them, each with a plain reason (storage's own message is logged, never shown). */
  failures?: { employeeNumber: string; reason: string }[];
}

export interface EsrImportSummary {
  id: string;
  mode: 'preview' | 'import';
  fileName: string;
  sha256: string;
  at: string;
  by: string;
  milliseconds: number;
  /** Where the time went: reading and checking the file, writing people, the summary and index rows. */
  timings: { readMs: number; writeMs: number; indexMs: number };
  file: { bytes: number; encoding: string; byteOrderMark: boolean; delimiter: string; columnsIgnored: string[] };
  /** Sentences about the file as a whole (its encoding, what was assumed). */
  notices: string[];
  rows: number;
  goodRows: number;
  errorRows: number;
  notHeldRows: number;
  ignoredRows: number;
  people: number;
  records: number;
  issueCounts: Partial<Record<IssueKind, number>>;
  issues: ImportIssue[];
  issuesTruncated: boolean;
  unknownCompetences: UnknownName[];
  unknownPositions: UnknownName[];
  written?: EsrWriteCounts;
  /**
   * An import's progress: `running` from just before its first write, then `finished`, or `stopped`
   * when something failed part-way (then `written` says exactly what was written, and `problem` why it stopped).
   */
  state?: 'running' | 'finished' | 'stopped';
  problem?: string;
}
