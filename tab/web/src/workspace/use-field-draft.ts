import { useCallback, useEffect, useRef, useState } from 'react';
import { rebaseDraft } from './text-diff';

/** A version of a field's text. */
export interface FieldSnapshot {
  value: string;
  version: number;
  by?: string | undefined;
  at?: string | undefined;
}

export type SaveResult =
  | { kind: 'saved'; value: string; version: number; merged: boolean }
  | { kind: 'conflict'; conflictId: string; theirs: FieldSnapshot; base: FieldSnapshot | undefined }
  | { kind: 'failed'; message: string };

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed' | 'conflict';

export interface Conflict {
  conflictId: string;
  mine: string;
  theirs: FieldSnapshot;
  base: FieldSnapshot | undefined;
}

export type Resolution = { keep: 'theirs' } | { keep: 'text'; text: string };

export type SaveFn = (value: string, baseVersion: number, resolvesConflict?: string) => Promise<SaveResult>;

/** How long after the last keystroke an edit is saved on its own. */
export const AUTOSAVE_PAUSE_MS = 1000;

/**
 * One field's draft and its save cycle: autosave after a pause and on blur, always carrying the
 * version the draft started from; at most one save in flight; what was typed during a save is
 * re-applied to the text the server answered with; a newer server version arriving while the user
 * has unsaved changes is announced, never written over the draft (the next save merges or conflicts).
 */
export function useFieldDraft(server: FieldSnapshot, save: SaveFn) {
  const [draft, setDraftState] = useState(server.value);
  const [base, setBaseState] = useState<FieldSnapshot>(server);
  const [state, setState] = useState<SaveState>('idle');
  const [failure, setFailure] = useState<string>();
  const [remote, setRemoteState] = useState<FieldSnapshot>();
  const [conflict, setConflictState] = useState<Conflict>();
  const [merged, setMerged] = useState(false);

  // Refs mirror the state for the async save loop, which must always see the latest values.
  const draftRef = useRef(draft);
  const baseRef = useRef(base);
  const remoteRef = useRef<FieldSnapshot | undefined>(undefined);
  const conflictRef = useRef<Conflict | undefined>(undefined);
  const resolvesRef = useRef<string | undefined>(undefined);
  const savingRef = useRef(false);
  const sentRef = useRef<string | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;

  const setDraftValue = (value: string) => {
    draftRef.current = value;
    setDraftState(value);
  };
  const setBase = (snapshot: FieldSnapshot) => {
    baseRef.current = snapshot;
    setBaseState(snapshot);
  };
  const setRemote = (snapshot: FieldSnapshot | undefined) => {
    remoteRef.current = snapshot;
    setRemoteState(snapshot);
  };
  const setConflict = (found: Conflict | undefined) => {
    conflictRef.current = found;
    setConflictState(found);
  };

  const runSave = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    if (savingRef.current || conflictRef.current) return;
    const sent = draftRef.current;
    const from = baseRef.current;
    if (sent === from.value && !resolvesRef.current) {
      setState((s) => (s === 'pending' || s === 'failed' ? 'idle' : s));
      return;
    }
    savingRef.current = true;
    sentRef.current = sent;
    setState('saving');
    setFailure(undefined);
    let result: SaveResult;
    try {
      result = await saveRef.current(sent, from.version, resolvesRef.current);
    } catch (error) {
      result = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    savingRef.current = false;
    if (result.kind === 'saved') {
      resolvesRef.current = undefined;
      // A live event may already have brought an even newer version: never step back.
      if (result.version >= baseRef.current.version) setBase({ value: result.value, version: result.version });
      if (remoteRef.current && remoteRef.current.version <= result.version) setRemote(undefined);
      const rebased = rebaseDraft(sent, draftRef.current, baseRef.current.value);
      setDraftValue(rebased);
      setMerged(result.merged);
      // A newer version that arrived while this save was in flight: adopt it now if nothing else was typed.
      const newer = remoteRef.current;
      if (newer && newer.version > baseRef.current.version && rebased === baseRef.current.value) {
        setBase(newer);
        setDraftValue(newer.value);
        setRemote(undefined);
        setState('saved');
      } else if (rebased !== baseRef.current.value) {
        setState('pending');
        timer.current = setTimeout(() => void runSave(), AUTOSAVE_PAUSE_MS);
      } else setState('saved');
    } else if (result.kind === 'conflict') {
      setConflict({ conflictId: result.conflictId, mine: draftRef.current, theirs: result.theirs, base: result.base });
      setState('conflict');
    } else {
      setFailure(result.message);
      setState('failed');
    }
  }, []);

  const setDraft = useCallback(
    (value: string) => {
      setDraftValue(value);
      if (conflictRef.current) return;
      setState('pending');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void runSave(), AUTOSAVE_PAUSE_MS);
    },
    [runSave],
  );

  const flush = useCallback(() => void runSave(), [runSave]);

  // A newer version from the server: another user's save, a restore, or our own save echoed back.
  useEffect(() => {
    if (server.version <= baseRef.current.version) return;
    const snapshot: FieldSnapshot = { value: server.value, version: server.version, by: server.by, at: server.at };
    if (draftRef.current === baseRef.current.value && !savingRef.current && !conflictRef.current) {
      setBase(snapshot);
      setDraftValue(snapshot.value);
      setRemote(undefined);
    } else if (!(savingRef.current && snapshot.value === sentRef.current)) setRemote(snapshot); // (our own save's echo is not news)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [server.version]);

  /** Ends a conflict with the chosen text, saved on top of the current version (or just adopts theirs). */
  const resolve = useCallback(
    (choice: Resolution) => {
      const found = conflictRef.current;
      if (!found) return;
      setConflict(undefined);
      setBase({ value: found.theirs.value, version: found.theirs.version });
      setRemote(undefined);
      const text = choice.keep === 'theirs' ? found.theirs.value : choice.text;
      setDraftValue(text);
      // The save names the conflict it resolves, so the history shows the attempt as settled.
      resolvesRef.current = found.conflictId;
      if (text === found.theirs.value) {
        resolvesRef.current = undefined;
        setState('saved');
      } else void runSave();
    },
    [runSave],
  );

  /** Takes the newer server text the user was told about, dropping their unsaved edit (they asked for it; it stays undoable by "Keep typing"). */
  const takeRemote = useCallback(() => {
    const r = remoteRef.current;
    if (!r) return;
    clearTimeout(timer.current);
    setBase(r);
    setDraftValue(r.value);
    setRemote(undefined);
    setState('idle');
  }, []);

  const dismissRemote = useCallback(() => setRemote(undefined), []);

  useEffect(() => () => clearTimeout(timer.current), []);

  return {
    draft,
    setDraft,
    flush,
    base,
    state,
    failure,
    dirty: draft !== base.value,
    remote,
    takeRemote,
    dismissRemote,
    conflict,
    resolve,
    merged,
    clearMerged: () => setMerged(false),
  };
}
