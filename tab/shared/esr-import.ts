/** The ESR import API's contract, shared by the server and the browser (plain types only). */

// The shapes of an import's outcome are the use case's own (core/learning/esr/esr-types.ts), named here as the API says them.
export type {
  IssueKind as EsrIssueKind,
  ImportIssue as EsrIssue,
  UnknownName as EsrUnknownName,
  EsrWriteCounts,
  /** POST /api/esr/imports?mode=preview|import&fileName=… (the file as the body) → this. */
  EsrImportSummary as EsrImportResult,
  MappingTarget as EsrMappingTarget,
} from '../../core/learning/esr/esr-types.js';
import type { EsrImportSummary, EsrWriteCounts, MappingTarget as EsrMappingTarget } from '../../core/learning/esr/esr-types.js';

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

/** How far a preview or import has gone: bytes and rows read, then people written. */
export interface EsrImportProgress {
  phase: 'reading' | 'writing' | 'done';
  bytes: number;
  /** The upload's size when the browser said it (Content-Length). */
  totalBytes: number | null;
  rows: number;
  people: number;
  peopleTotal: number;
}

/**
 * POST /api/esr/imports with `Accept: application/x-ndjson`: one JSON object a line, progress
 * events every quarter second while anything moves, then exactly one result or error as the last line.
 */
export type EsrImportEvent =
  | { type: 'progress'; progress: EsrImportProgress }
  | { type: 'result'; result: EsrImportSummary }
  | { type: 'error'; error: { status: number; code: string; message: string; details?: unknown } };
