import type { EditConflictDetails, FieldHistoryResponse, FieldState, HistoryEntry, SaveFieldResponse } from './model.js';
import { MAX_FIELD_CHARS } from './model.js';
import type { Person } from '../people/types.js';
import { conflictId, revisionId } from '../storage/workspace-repository.js';
import { personRef } from './access.js';
import type { ApplicationRecord } from './application.js';
import { fieldDefinition, sectionOfField } from './definitions.js';
import { factsOf } from './field-facts.js';
import { fieldsEditable, STAGE_LABELS } from './lifecycle.js';
import { mergeThreeWay } from './merge.js';
import { badRequestProblem, notFoundProblem, readOnlyProblem, WorkspaceProblem, wrongStageProblem } from './problem.js';
import { loadFor, mutate, type Change, type DecideContext, type WorkspaceDeps } from './workspace-deps.js';

/**
 * Saving one field without losing anyone's work. A save names the version its editor started from:
 * - nobody changed the field since → saved as the next revision;
 * - someone did, and the changes do not touch → three-way merged, saved as a `merge` revision;
 * - they touch → refused with both versions (409 `edit-conflict`), and the attempt is kept in the
 *   field's history as a `conflict` entry, in the same transaction, so even an editor who closes
 *   the tab at that moment has lost nothing.
 */
const emptyField = (fieldId: string): FieldState => ({ fieldId, text: '', version: 0 });

function assertEditable(ctx: DecideContext, fieldId: string): void {
  if (!ctx.access.canEdit) throw readOnlyProblem('Training hub reviewers can read and comment, but not edit the application.');
  if (!fieldDefinition(fieldId)) throw notFoundProblem(`There is no field "${fieldId}" in the application.`);
  if (!fieldsEditable(ctx.app.lifecycle)) throw wrongStageProblem(`The application is "${STAGE_LABELS[ctx.app.lifecycle.stage]}": it cannot be edited until the training hub returns it.`, ctx.app.lifecycle.stage);
}

/** The application after a field's text changed: its facts, and a not-started section now being drafted. */
function withFieldChanged(deps: WorkspaceDeps, ctx: DecideContext, person: Person, field: FieldState): { app: ApplicationRecord; sectionEvent?: Change<unknown>['events'][number] } {
  const sectionId = sectionOfField(field.fieldId);
  const app: ApplicationRecord = { ...ctx.app, facts: { ...ctx.app.facts, [field.fieldId]: factsOf(field.text, fieldDefinition(field.fieldId), deps.definitions.checklist) } };
  const section = app.sections[sectionId] ?? { sectionId, status: 'not-started' as const };
  if (section.status !== 'not-started' || field.text.trim() === '') return { app };
  const drafting = { ...section, status: 'drafting' as const, updatedAt: ctx.at, updatedBy: personRef(person) };
  return { app: { ...app, sections: { ...app.sections, [sectionId]: drafting } }, sectionEvent: { type: 'section', at: ctx.at, by: personRef(person), section: drafting } };
}

function revisionChange(
  deps: WorkspaceDeps,
  ctx: DecideContext,
  person: Person,
  head: FieldState,
  headEtag: string | null,
  text: string,
  kind: HistoryEntry['kind'],
  baseVersion: number,
  extra: { restoredFrom?: string; resolves?: HistoryEntry },
  outcome: SaveFieldResponse['outcome'],
): Change<SaveFieldResponse> {
  const by = personRef(person);
  const field: FieldState = { fieldId: head.fieldId, text, version: head.version + 1, updatedAt: ctx.at, updatedBy: by };
  const revision: HistoryEntry = {
    id: revisionId(field.version),
    fieldId: head.fieldId,
    kind,
    version: field.version,
    baseVersion,
    text,
    by,
    at: ctx.at,
    ...(extra.restoredFrom ? { restoredFrom: extra.restoredFrom } : {}),
    ...(extra.resolves ? { resolves: extra.resolves.id } : {}),
  };
  const { app, sectionEvent } = withFieldChanged(deps, ctx, person, field);
  return {
    app,
    fields: [{ field, etag: headEtag }],
    history: [revision],
    ...(extra.resolves ? { historyUpdates: [{ ...extra.resolves, resolvedBy: revision.id }] } : {}),
    events: [{ type: 'field', at: ctx.at, by, field, kind: kind === 'conflict' ? 'edit' : kind }, ...(sectionEvent ? [sectionEvent] : [])],
    result: { outcome, field, revision },
  };
}

export async function saveField(
  deps: WorkspaceDeps,
  person: Person,
  appId: string,
  fieldId: string,
  request: { text: string; baseVersion: number; resolvesConflict?: string | undefined },
): Promise<SaveFieldResponse> {
  if (request.text.length > MAX_FIELD_CHARS) throw badRequestProblem(`A field holds at most ${MAX_FIELD_CHARS.toLocaleString('en-GB')} characters.`);
  // The field's head and the version the editor started from are read at the same time as the
  // application (one round trip, a short window for others to slip in); the head's own ETag then
  // guards the write. Revisions never change, so the base read cannot go stale.
  const prefetch = () =>
    Promise.all([
      deps.repo.getFieldWithEtag(appId, fieldId),
      request.baseVersion > 0 ? deps.repo.getRevision(appId, fieldId, request.baseVersion) : Promise.resolve(undefined),
    ]);
  return mutate(deps, person, appId, async (ctx, [read, baseRevision]): Promise<Change<SaveFieldResponse>> => {
    assertEditable(ctx, fieldId);
    const head = read?.field ?? emptyField(fieldId);
    const headEtag = read?.etag ?? null;
    if (request.baseVersion > head.version) {
      throw new WorkspaceProblem(409, 'unknown-base', `Version ${request.baseVersion} of this field does not exist (it is at ${head.version}); reload it.`, { current: head });
    }
    const resolves = request.resolvesConflict ? await deps.repo.getConflict(appId, fieldId, request.resolvesConflict) : undefined;
    if (request.baseVersion === head.version) {
      if (request.text === head.text) return { events: [], result: { outcome: 'unchanged', field: head } };
      return revisionChange(deps, ctx, person, head, headEtag, request.text, 'edit', request.baseVersion, resolves ? { resolves } : {}, 'saved');
    }
    const base = request.baseVersion === 0 ? '' : baseRevision?.text;
    if (base === undefined) throw new WorkspaceProblem(409, 'unknown-base', 'The version you started from is not in the history; reload the field.', { current: head });
    const merged = mergeThreeWay(base, request.text, head.text);
    if (merged.ok) {
      if (merged.text === head.text) return { events: [], result: { outcome: 'unchanged', field: head } };
      return revisionChange(deps, ctx, person, head, headEtag, merged.text, 'merge', request.baseVersion, resolves ? { resolves } : {}, 'merged');
    }
    // Overlapping edits: keep the attempt, tell everyone it is there, and hand both versions back.
    const by = personRef(person);
    const id = conflictId(ctx.nextSeq);
    const entry: HistoryEntry = { id, fieldId, kind: 'conflict', version: head.version, baseVersion: request.baseVersion, text: request.text, by, at: ctx.at };
    const details: EditConflictDetails = {
      fieldId,
      conflictId: id,
      base: { version: request.baseVersion, text: base },
      mine: { text: request.text },
      theirs: { version: head.version, text: head.text, ...(head.updatedBy ? { by: head.updatedBy } : {}), ...(head.updatedAt ? { at: head.updatedAt } : {}) },
      current: head,
    };
    return {
      history: [entry],
      events: [{ type: 'conflict', at: ctx.at, by, fieldId, conflictId: id }],
      result: undefined as never,
      thenThrow: new WorkspaceProblem(409, 'edit-conflict', 'Someone changed the same words while you were editing. Both versions are kept: choose or combine them, then save again.', details),
    };
  }, prefetch);
}

export async function restoreField(
  deps: WorkspaceDeps,
  person: Person,
  appId: string,
  fieldId: string,
  request: { version?: number | undefined; conflictId?: string | undefined },
): Promise<SaveFieldResponse> {
  const result = await mutate(deps, person, appId, async (ctx): Promise<Change<SaveFieldResponse>> => {
    assertEditable(ctx, fieldId);
    const source = request.version !== undefined ? await deps.repo.getRevision(appId, fieldId, request.version) : await deps.repo.getConflict(appId, fieldId, request.conflictId ?? '');
    if (!source) throw notFoundProblem('That version is not in this field\'s history.');
    const read = await deps.repo.getFieldWithEtag(appId, fieldId);
    const head = read?.field ?? emptyField(fieldId);
    if (source.text === head.text) return { events: [], result: { outcome: 'unchanged', field: head } };
    return revisionChange(deps, ctx, person, head, read?.etag ?? null, source.text, 'restore', head.version, { restoredFrom: source.id, ...(source.kind === 'conflict' ? { resolves: source } : {}) }, 'saved');
  });
  if (result.revision) {
    await deps.audit.append({ actorId: person.id, action: 'workspace.field-restored', target: appId, summary: `${fieldId} restored from ${result.revision.restoredFrom}`, details: { fieldId, version: result.field.version } });
  }
  return result;
}

export async function getField(deps: WorkspaceDeps, person: Person, appId: string, fieldId: string): Promise<FieldState> {
  await loadFor(deps, person, appId);
  if (!fieldDefinition(fieldId)) throw notFoundProblem(`There is no field "${fieldId}" in the application.`);
  return (await deps.repo.getField(appId, fieldId)) ?? emptyField(fieldId);
}

export async function fieldHistory(deps: WorkspaceDeps, person: Person, appId: string, fieldId: string, limit: number): Promise<FieldHistoryResponse> {
  await loadFor(deps, person, appId);
  if (!fieldDefinition(fieldId)) throw notFoundProblem(`There is no field "${fieldId}" in the application.`);
  return { fieldId, entries: await deps.repo.listHistory(appId, fieldId, limit) };
}
