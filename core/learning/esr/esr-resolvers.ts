import type { CatalogueIndex } from '../catalogue-index.js';
import { competenceKey, matchCompetence, matchPosition, parseCompetenceName } from './esr-competence.js';
import type { Mappings } from './esr-types.js';

export type Resolution = { kind: 'topic'; subjectId: string; level: number } | { kind: 'ignore' } | { kind: 'unknown'; reason: string };

/**
 * What an ESR competence or position name means here: a remembered mapping first, else a match on
 * the catalogue's names; each distinct name is resolved once per file.
 */
export function createResolvers(context: { catalogue: CatalogueIndex; mappings: Mappings }) {
  const competences = new Map<string, Resolution>();
  const positions = new Map<string, string | undefined>();
  const resolveCompetence = (raw: string): Resolution => {
    const key = competenceKey(raw);
    let resolution = competences.get(key);
    if (!resolution) {
      const mapped = context.mappings.competences.get(key);
      if (mapped?.kind === 'topic' && context.catalogue.topicFor(mapped.subjectId, mapped.level)) resolution = mapped;
      else if (mapped?.kind === 'ignore') resolution = mapped;
      else {
        const match = matchCompetence(parseCompetenceName(raw), context.catalogue);
        resolution = match.kind === 'topic' ? { kind: 'topic', subjectId: match.subjectId, level: match.level } : match;
      }
      competences.set(key, resolution);
    }
    return resolution;
  };
  const resolvePosition = (raw: string): { roleId?: string; known: boolean } => {
    const key = competenceKey(raw);
    if (positions.has(key)) return { ...(positions.get(key) ? { roleId: positions.get(key)! } : {}), known: positions.get(key) !== undefined || context.mappings.positions.get(key)?.kind === 'ignore' };
    const mapped = context.mappings.positions.get(key);
    let roleId: string | undefined;
    if (mapped?.kind === 'role' && context.catalogue.role(mapped.roleId)) roleId = mapped.roleId;
    else if (mapped?.kind !== 'ignore') roleId = matchPosition(raw, context.catalogue);
    positions.set(key, roleId);
    return { ...(roleId ? { roleId } : {}), known: roleId !== undefined || mapped?.kind === 'ignore' };
  };
  return { resolveCompetence, resolvePosition };
}
