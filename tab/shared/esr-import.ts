/** The ESR import API's contract, shared by the server and the browser (plain types only). */

export type EsrIssueKind =
  | 'missing-employee-number'
  | 'invalid-employee-number'
  | 'impossible-date'
  | 'missing-date'
  | 'expiry-before-completion'
  | 'future-date'
  | 'missing-competence'
  | 'unknown-competence'
  | 'duplicate-row'
  | 'encoding'
  | 'malformed-row'
  | 'unknown-position'
  | 'unknown-supervisor';

export interface EsrIssue {
  line: number;
  kind: EsrIssueKind;
  severity: 'error' | 'warning';
  message: string;
  employeeNumber?: string;
}

export interface EsrUnknownName {
  name: string;
  key: string;
  rows: number;
  firstLine: number;
  reason: string;
}

export interface EsrWriteCounts {
  peopleCreated: number;
  peopleUpdated: number;
  peopleUnchanged: number;
  recordsAdded: number;
  recordsUpdated: number;
  recordsUnchanged: number;
  peopleFailed: number;
  failures?: { employeeNumber: string; reason: string }[];
}

/** POST /api/esr/imports?mode=preview|import&fileName=… (the file as the body) → this. */
export interface EsrImportResult {
  id: string;
  mode: 'preview' | 'import';
  fileName: string;
  sha256: string;
  at: string;
  by: string;
  milliseconds: number;
  timings: { readMs: number; writeMs: number; indexMs: number };
  file: { bytes: number; encoding: string; byteOrderMark: boolean; delimiter: string; columnsIgnored: string[] };
  notices: string[];
  rows: number;
  goodRows: number;
  errorRows: number;
  notHeldRows: number;
  ignoredRows: number;
  people: number;
  records: number;
  issueCounts: Partial<Record<EsrIssueKind, number>>;
  issues: EsrIssue[];
  issuesTruncated: boolean;
  unknownCompetences: EsrUnknownName[];
  unknownPositions: EsrUnknownName[];
  written?: EsrWriteCounts;
}

export type EsrMappingTarget = { kind: 'topic'; subjectId: string; level: number } | { kind: 'role'; roleId: string } | { kind: 'ignore' };

export interface EsrMapping {
  kind: 'competence' | 'position';
  name: string;
  key: string;
  target: EsrMappingTarget;
  updatedBy: string;
  updatedAt: string;
}

/** GET /api/esr/mappings: what is remembered, and what a name can be mapped to. */
export interface EsrMappingsResponse {
  mappings: EsrMapping[];
  topics: { subjectId: string; level: number; label: string; kind: string }[];
  roles: { id: string; name: string }[];
}

/** PUT /api/esr/mappings: target null forgets a mapping. */
export interface EsrMappingsUpdate {
  mappings: { kind: 'competence' | 'position'; name: string; target: EsrMappingTarget | null }[];
}

export interface EsrRunListItem {
  id: string;
  mode: 'preview' | 'import';
  fileName: string;
  by: string;
  at: string;
  rows?: number;
  errorRows?: number;
  written?: EsrWriteCounts;
}

export const ESR_LIMITS = { maxBytes: 200 * 1024 * 1024, maxRows: 500_000 } as const;
