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
import type { EsrWriteCounts, MappingTarget as EsrMappingTarget } from '../../core/learning/esr/esr-types.js';

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
