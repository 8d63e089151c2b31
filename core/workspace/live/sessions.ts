import * as Y from 'yjs';
import type { FieldKind } from '../model.js';
import { charactersChanged } from './change-size.js';
import type { DocRecord, FieldSnapshot, WorkSession } from './doc-types.js';
import { contentOf, docFromState } from './yjs-field-content.js';
import type { Block } from './rich-text.js';

/**
 * Folds a field's new changes into its snapshot and groups them into sessions of work: one
 * person's changes stay in one session until they pause for `pauseMs` (other people's changes in
 * between do not end it); a restore is a session of its own. Each session keeps Yjs snapshots of
 * the field before and after it, so its difference can be shown and its text restored later.
 * Pure: the same snapshot and changes give the same result on any instance.
 */
export interface Compacted {
  state: Uint8Array;
  upTo: number;
  open: WorkSession[];
  /** Sessions that ended (by a pause, or because the same person restored). */
  closed: WorkSession[];
  text: string;
  blocks?: Block[];
  last?: { by: DocRecord['by']; at: number };
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const snap = (doc: Y.Doc) => b64(Y.encodeSnapshot(Y.snapshot(doc)));

export function compactField(
  snapshot: Pick<FieldSnapshot, 'state' | 'upTo' | 'open'> | undefined,
  records: readonly DocRecord[],
  options: { kind: FieldKind | undefined; now: number; pauseMs: number },
): Compacted {
  const doc = docFromState(snapshot?.state);
  let upTo = snapshot?.upTo ?? 0;
  const open = new Map((snapshot?.open ?? []).map((s) => [s.by.staffId, { ...s }]));
  const closed: WorkSession[] = [];
  let counted = { added: 0, removed: 0 };
  const listener = (transaction: Y.Transaction) => {
    const c = charactersChanged(doc, transaction);
    counted = { added: counted.added + c.added, removed: counted.removed + c.removed };
  };
  doc.on('afterTransaction', listener);
  let pendingAfter: WorkSession | undefined;
  let last: Compacted['last'];
  for (const record of [...records].sort((a, b) => a.dseq - b.dseq)) {
    if (record.dseq <= upTo || !record.update) {
      upTo = Math.max(upTo, record.dseq);
      continue;
    }
    const before = snap(doc);
    if (pendingAfter) pendingAfter.after = before;
    pendingAfter = undefined;
    counted = { added: 0, removed: 0 };
    Y.applyUpdate(doc, record.update, 'log');
    upTo = record.dseq;
    if (counted.added === 0 && counted.removed === 0 && !record.restoredFrom) continue;
    last = { by: record.by, at: record.at };
    const mine = open.get(record.by.staffId);
    const continues = mine && mine.kind === 'edit' && !record.restoredFrom && record.at - mine.endedAt <= options.pauseMs;
    let session: WorkSession;
    if (continues) {
      session = mine;
      session.endedAt = record.at;
      session.added += counted.added;
      session.removed += counted.removed;
    } else {
      if (mine) closed.push(mine);
      session = {
        id: `s${record.dseq}`,
        fieldId: record.fieldId,
        kind: record.restoredFrom ? 'restore' : 'edit',
        by: record.by,
        startedAt: record.at,
        endedAt: record.at,
        added: counted.added,
        removed: counted.removed,
        before,
        after: before,
        ...(record.restoredFrom ? { restoredFrom: record.restoredFrom } : {}),
      };
      open.set(record.by.staffId, session);
    }
    pendingAfter = session;
  }
  doc.off('afterTransaction', listener);
  if (pendingAfter) pendingAfter.after = snap(doc);
  const stillOpen: WorkSession[] = [];
  for (const session of open.values()) {
    // A restore is whole at once; an edit session ends when its person has paused long enough.
    if (session.kind === 'restore' || options.now - session.endedAt > options.pauseMs) closed.push(session);
    else stillOpen.push(session);
  }
  const content = contentOf(doc, options.kind);
  return {
    state: Y.encodeStateAsUpdate(doc),
    upTo,
    open: stillOpen,
    closed: closed.sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id)),
    text: content.text,
    ...(content.blocks ? { blocks: content.blocks } : {}),
    ...(last ? { last } : {}),
  };
}

/** The field as it was at an encoded snapshot (before or after a session). */
export function contentAt(state: Uint8Array, encodedSnapshot: string, kind: FieldKind | undefined): { text: string; blocks?: Block[] } {
  const doc = docFromState(state);
  const at = Y.createDocFromSnapshot(doc, Y.decodeSnapshot(Buffer.from(encodedSnapshot, 'base64')), new Y.Doc({ gc: false }));
  return contentOf(at, kind);
}
