import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import { defaultCatalogue } from '../../core/learning/default-matrix.js';
import { decodeExport } from '../../core/learning/esr/esr-decode.js';
import { parseEsrExport } from '../../core/learning/esr/esr-parse.js';
import type { Mappings, MappingTarget, ParseLimits } from '../../core/learning/esr/esr-types.js';
import { localDate } from '../../core/time/local-date.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'esr');
export const fixture = (name: string) => readFileSync(join(FIXTURES, name));
export const TODAY = localDate('2026-11-21');

/** Feeds bytes to the parser in small chunks, so multi-byte characters and lines are cut across chunks. */
export async function* chunked(bytes: Buffer, size = 7): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export async function parseBytes(bytes: Buffer, options: { competences?: [string, MappingTarget][]; positions?: [string, MappingTarget][]; limits?: Partial<ParseLimits>; chunk?: number } = {}) {
  const mappings: Mappings = { competences: new Map(options.competences ?? []), positions: new Map(options.positions ?? []) };
  const { text, report } = decodeExport(chunked(bytes, options.chunk ?? 7));
  return parseEsrExport(text, report, { catalogue: new CatalogueIndex(defaultCatalogue()), mappings, today: TODAY, ...(options.limits ? { limits: options.limits } : {}) });
}
