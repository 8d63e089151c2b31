import * as Y from 'yjs';
import type { FieldHistoryResponse, FieldDocsResponse, DocChangeResponse, FieldState, SaveFieldResponse, SessionContentResponse, SessionEntry } from './model.js';
import { MAX_FIELD_CHARS } from './model.js';
import type { Person } from '../people/types.js';
import { personRef } from './access.js';
import type { ApplicationRecord } from './application.js';
import { fieldDefinition, sectionDefinition, sectionOfField } from './definitions.js';
import { factsOf } from './field-facts.js';
import { fieldsEditable, STAGE_LABELS } from './lifecycle.js';
import type { CursorPositions, WorkSession } from './live/doc-types.js';
import type { Compacted } from './live/sessions.js';
import { contentAt } from './live/sessions.js';
import { contentOf, docFromState, replaceContent, replaceText } from './live/yjs-field-content.js';
import { notFoundProblem, readOnlyProblem, Refused, resultOf, tooLongProblem, wrongStageProblem, badRequestProblem, type WorkspaceResult } from './problem.js';
import { loadFor, mutateApp, SYSTEM_ACCESS, type Change, type DecideContext, type WorkspaceDeps } from './workspace-deps.js';
import type { Access } from './access.js';

/**
 * A field is a live document (Yjs): every keystroke is a change appended to the application's feed,
 * merged with everyone else's, never refused for being concurrent. These use cases check who may
 * do what (members edit while the application is with the practices; hub reviewers read), and
 * turn the document into what the rest of the workspace reads: its plain text and the checklist's
 * facts (after each compaction), its sessions of work (the history), and restores.
 */
const emptyField = (fieldId: string): FieldState => ({ fieldId, text: '', version: 0 });
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function knownField(fieldId: string) {
  const definition = fieldDefinition(fieldId);
  if (!definition) throw notFoundProblem(`There is no field "${fieldId}" in the application.`);
  return definition;
}

function assertEditable(app: ApplicationRecord, access: Access): void {
  if (!access.canEdit) throw readOnlyProblem('Training hub reviewers can read and comment, but not edit the application.');
  if (!fieldsEditable(app.lifecycle)) throw wrongStageProblem(`The application is "${STAGE_LABELS[app.lifecycle.stage]}": it cannot be edited until the training hub returns it.`, app.lifecycle.stage);
}

/** The live documents of a section's fields (or every field), to edit or watch. */
export function openDocs(deps: WorkspaceDeps, person: Person, appId: string, sectionId: string | undefined): Promise<WorkspaceResult<FieldDocsResponse>> {
  return resultOf(async () => {
    await loadFor(deps, person, appId);
    const section = sectionId ? sectionDefinition(sectionId) : undefined;
    if (sectionId && !section) throw notFoundProblem(`There is no section "${sectionId}".`);
    const fieldIds = section?.fields.map((f) => f.id);
    // The head first: every change up to it is in the states read after.
    const dseq = await deps.docRows.readDseq(appId);
    const states = await deps.docs.loadStates(appId, fieldIds);
    const docs: Record<string, string> = {};
    for (const [fieldId, state] of states) docs[fieldId] = b64(state);
    return { docs, dseq };
  });
}

/** A change from a browser: a Yjs update (members, while editable), a cursor, or both. */
export function changeDoc(
  deps: WorkspaceDeps,
  person: Person,
  appId: string,
  fieldId: string,
  change: { origin: string; update?: string | undefined; yclient?: number | undefined; cursor?: CursorPositions | null | undefined },
): Promise<WorkspaceResult<DocChangeResponse>> {
  return resultOf(async () => {
    const { app, access } = await loadFor(deps, person, appId);
    knownField(fieldId);
    if (!access.canEdit) throw readOnlyProblem('Training hub reviewers can read and comment, but not edit the application.');
    const update = change.update ? new Uint8Array(Buffer.from(change.update, 'base64')) : undefined;
    if (update && update.length > 0) assertEditable(app, access);
    const appended = await deps.docs.append(appId, {
      fieldId,
      by: personRef(person),
      at: deps.docs.now(),
      origin: change.origin,
      ...(update && update.length > 0 ? { update } : {}),
      ...(change.yclient !== undefined ? { yclient: change.yclient } : {}),
      ...(change.cursor !== undefined ? { cursor: change.cursor } : {}),
    });
    if (!appended.ok) {
      if (appended.problem === 'too-long') throw tooLongProblem(MAX_FIELD_CHARS);
      throw badRequestProblem('That change could not be read: reload the page.');
    }
    return { dseq: appended.record.dseq };
  });
}

/** Makes a change to a field's live document on the server (a whole text saved, a restore), as the person. */
async function serverChange(deps: WorkspaceDeps, person: Person, appId: string, fieldId: string, edit: (doc: Y.Doc) => void, restoredFrom?: string): Promise<boolean> {
  const doc = docFromState(await deps.docs.loadState(appId, fieldId));
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  edit(doc);
  if (updates.length === 0) return false;
  const appended = await deps.docs.append(appId, {
    fieldId,
    by: personRef(person),
    at: deps.docs.now(),
    origin: 'server',
    update: updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates),
    yclient: doc.clientID,
    ...(restoredFrom ? { restoredFrom } : {}),
  });
  if (!appended.ok) throw appended.problem === 'too-long' ? tooLongProblem(MAX_FIELD_CHARS) : badRequestProblem('That text could not be saved.');
  await deps.docs.compact(appId, fieldId);
  return true;
}

async function headOf(deps: WorkspaceDeps, appId: string, fieldId: string): Promise<FieldState> {
  return (await deps.repo.getField(appId, fieldId)) ?? emptyField(fieldId);
}

/**
 * Saves a whole text (an API client, not the live editor): it becomes the smallest change from the
 * field's current text, so it merges with anyone typing at the same moment. A long answer gets one
 * paragraph per line.
 */
export function saveFieldText(deps: WorkspaceDeps, person: Person, appId: string, fieldId: string, text: string): Promise<WorkspaceResult<SaveFieldResponse>> {
  return resultOf(async () => {
    if (text.length > MAX_FIELD_CHARS) throw tooLongProblem(MAX_FIELD_CHARS);
    const { app, access } = await loadFor(deps, person, appId);
    const definition = knownField(fieldId);
    assertEditable(app, access);
    const changed = await serverChange(deps, person, appId, fieldId, (doc) => replaceText(doc, definition.kind, text));
    return { outcome: changed ? 'saved' : 'unchanged', field: await headOf(deps, appId, fieldId) };
  });
}

/** A field's current text, straight from its live document. */
export function getField(deps: WorkspaceDeps, person: Person, appId: string, fieldId: string): Promise<WorkspaceResult<FieldState>> {
  return resultOf(async () => {
    await loadFor(deps, person, appId);
    const definition = knownField(fieldId);
    const [head, state] = await Promise.all([headOf(deps, appId, fieldId), deps.docs.loadState(appId, fieldId)]);
    return { ...head, text: contentOf(docFromState(state), definition.kind).text };
  });
}

const iso = (ms: number) => new Date(ms).toISOString();

function sessionEntry(session: WorkSession, open: boolean): SessionEntry {
  return {
    id: session.id,
    fieldId: session.fieldId,
    kind: session.kind,
    by: session.by,
    startedAt: iso(session.startedAt),
    endedAt: iso(session.endedAt),
    added: session.added,
    removed: session.removed,
    open,
    ...(session.restoredFrom ? { restoredFrom: session.restoredFrom } : {}),
  };
}

const LEGACY = 'h-';

/** A field's sessions of work, newest first: open ones, finished ones, and the versions saved before live editing. */
export function fieldHistory(deps: WorkspaceDeps, person: Person, appId: string, fieldId: string, limit: number): Promise<WorkspaceResult<FieldHistoryResponse>> {
  return resultOf(async () => {
    await loadFor(deps, person, appId);
    knownField(fieldId);
    const compacted = await deps.docs.compact(appId, fieldId);
    const [finished, legacy] = await Promise.all([deps.docRows.listSessions(appId, fieldId, limit), deps.repo.listHistory(appId, fieldId, limit)]);
    const sessions: SessionEntry[] = [
      ...(compacted?.open ?? []).map((s) => sessionEntry(s, true)),
      ...finished.map((s) => sessionEntry(s, false)),
      ...legacy.map((h): SessionEntry => ({ id: `${LEGACY}${h.id}`, fieldId, kind: 'earlier', by: h.by, startedAt: h.at, endedAt: h.at, added: 0, removed: 0, open: false })),
    ];
    sessions.sort((a, b) => b.endedAt.localeCompare(a.endedAt) || b.id.localeCompare(a.id));
    return { fieldId, sessions: sessions.slice(0, limit) };
  });
}

async function sessionBeforeAfter(deps: WorkspaceDeps, appId: string, fieldId: string, sessionId: string) {
  const kind = fieldDefinition(fieldId)?.kind;
  if (sessionId.startsWith(LEGACY)) {
    const entries = await deps.repo.listHistory(appId, fieldId, 100_000);
    const entry = entries.find((e) => `${LEGACY}${e.id}` === sessionId);
    if (!entry) return undefined;
    const previous = entries.find((e) => e.kind !== 'conflict' && e.version === (entry.kind === 'conflict' ? entry.baseVersion : entry.version - 1));
    return { before: { text: previous?.text ?? '' }, after: { text: entry.text } };
  }
  const compacted = await deps.docs.compact(appId, fieldId);
  const session = (compacted?.open ?? []).find((s) => s.id === sessionId) ?? (await deps.docRows.listSessions(appId, fieldId, 100_000)).find((s) => s.id === sessionId);
  if (!session) return undefined;
  const state = await deps.docs.loadState(appId, fieldId);
  return { before: contentAt(state, session.before, kind), after: contentAt(state, session.after, kind) };
}

/** The field before and after one session, for its difference. */
export function sessionContent(deps: WorkspaceDeps, person: Person, appId: string, fieldId: string, sessionId: string): Promise<WorkspaceResult<SessionContentResponse>> {
  return resultOf(async () => {
    await loadFor(deps, person, appId);
    knownField(fieldId);
    const found = await sessionBeforeAfter(deps, appId, fieldId, sessionId);
    if (!found) throw notFoundProblem('That session is not in this field\'s history.');
    return { fieldId, sessionId, before: found.before.text, after: found.after.text };
  });
}

/** Brings a field back to how it was at the end of a session; the restore is itself a session. */
export function restoreSession(deps: WorkspaceDeps, person: Person, appId: string, fieldId: string, sessionId: string): Promise<WorkspaceResult<SaveFieldResponse>> {
  return resultOf(async () => {
    const { app, access } = await loadFor(deps, person, appId);
    const definition = knownField(fieldId);
    assertEditable(app, access);
    const found = await sessionBeforeAfter(deps, appId, fieldId, sessionId);
    if (!found) throw notFoundProblem('That session is not in this field\'s history.');
    const changed = await serverChange(deps, person, appId, fieldId, (doc) => replaceContent(doc, definition.kind, found.after), sessionId);
    if (changed) await deps.audit.append({ actorId: person.id, action: 'workspace.field-restored', target: appId, summary: `${fieldId} restored from ${sessionId}` });
    return { outcome: changed ? 'saved' : 'unchanged', field: await headOf(deps, appId, fieldId) };
  });
}

/** The application after a field's text changed: its facts, and a not-started section now being drafted. */
function withFieldChanged(deps: WorkspaceDeps, ctx: DecideContext, field: FieldState): { app: ApplicationRecord; sectionEvent?: Change<unknown>['events'][number] } {
  const sectionId = sectionOfField(field.fieldId);
  const app: ApplicationRecord = { ...ctx.app, facts: { ...ctx.app.facts, [field.fieldId]: factsOf(field.text, fieldDefinition(field.fieldId), deps.definitions.checklist) } };
  const section = app.sections[sectionId] ?? { sectionId, status: 'not-started' as const };
  if (section.status !== 'not-started' || field.text.trim() === '' || !field.updatedBy) return { app };
  const drafting = { ...section, status: 'drafting' as const, updatedAt: ctx.at, updatedBy: field.updatedBy };
  return { app: { ...app, sections: { ...app.sections, [sectionId]: drafting } }, sectionEvent: { type: 'section', at: ctx.at, by: field.updatedBy, section: drafting } };
}

/**
 * After a compaction: the field's plain text (what lists, the board, the checklist and other
 * instances' pages read) and the checklist's facts follow the live document, as one `field` event.
 */
export async function projectField(deps: WorkspaceDeps, appId: string, fieldId: string, compacted: Pick<Compacted, 'text' | 'last'>): Promise<FieldState | undefined> {
  const load = async () => {
    const read = await deps.repo.getApplication(appId);
    if (!read) throw new Refused({ kind: 'not-found', message: 'no such application' });
    return { ...read, access: SYSTEM_ACCESS };
  };
  try {
    return await mutateApp(
      deps,
      appId,
      load,
      async (ctx, read): Promise<Change<FieldState | undefined>> => {
        const head = read?.field ?? emptyField(fieldId);
        if (head.text === compacted.text && ctx.app.facts[fieldId]) return { events: [], result: head };
        const by = compacted.last?.by ?? head.updatedBy;
        const field: FieldState = { fieldId, text: compacted.text, version: head.version + 1, updatedAt: compacted.last ? iso(compacted.last.at) : ctx.at, ...(by ? { updatedBy: by } : {}) };
        const { app, sectionEvent } = withFieldChanged(deps, ctx, field);
        return {
          app,
          fields: [{ field, etag: read?.etag ?? null }],
          events: [{ type: 'field', at: ctx.at, by: by ?? { staffId: 'system', name: 'System' }, field, kind: 'edit' }, ...(sectionEvent ? [sectionEvent] : [])],
          result: field,
        };
      },
      () => deps.repo.getFieldWithEtag(appId, fieldId),
    );
  } catch (error) {
    if (error instanceof Refused) return undefined;
    throw error;
  }
}
