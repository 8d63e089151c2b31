import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/**
 * Comments on a range of a long answer, as Word has them: the range is kept as two Yjs relative
 * positions (its first character and its last), so it stays on the same words however the text
 * around it changes; the editor marks each open thread's range.
 */
export interface AnchoredThread {
  id: string;
  start?: unknown;
  end?: unknown;
}

const key = new PluginKey<DecorationSet>('comment-anchors');

function bindingOf(state: EditorState) {
  const y = ySyncPluginKey.getState(state) as { doc: Y.Doc; type: Y.XmlFragment; binding?: { mapping: unknown } } | undefined;
  return y?.binding ? { doc: y.doc, type: y.type, mapping: y.binding.mapping } : undefined;
}

/** Where a thread's words are now, or undefined when they have been deleted. */
export function rangeOf(state: EditorState, thread: AnchoredThread): { from: number; to: number } | undefined {
  const binding = bindingOf(state);
  if (!binding || !thread.start || !thread.end) return undefined;
  const toAbs = (json: unknown) => relativePositionToAbsolutePosition(binding.doc, binding.type, Y.createRelativePositionFromJSON(json), binding.mapping as never);
  const from = toAbs(thread.start);
  const last = toAbs(thread.end);
  if (from === null || last === null || last + 1 <= from) return undefined;
  return { from, to: last + 1 };
}

/** The selection as an anchor (relative positions) and the words in it. */
export function selectionAnchor(state: EditorState): { start: unknown; end: unknown; quote: string } | undefined {
  const binding = bindingOf(state);
  const { from, to } = state.selection;
  if (!binding || to <= from) return undefined;
  const rel = (pos: number) => Y.relativePositionToJSON(absolutePositionToRelativePosition(pos, binding.type, binding.mapping as never));
  // The end names the last character of the range (inclusive), so typing just after it does not stretch it.
  return { start: rel(from), end: rel(to - 1), quote: state.doc.textBetween(from, to, ' ').slice(0, 500) };
}

export const CommentAnchors = Extension.create<{ threads: () => AnchoredThread[] }>({
  name: 'commentAnchors',
  addOptions() {
    return { threads: () => [] };
  },
  addProseMirrorPlugins() {
    const threads = this.options.threads;
    const build = (state: EditorState) =>
      DecorationSet.create(
        state.doc,
        threads().flatMap((t) => {
          const range = rangeOf(state, t);
          return range ? [Decoration.inline(range.from, range.to, { class: 'comment-anchor', 'data-thread-id': t.id })] : [];
        }),
      );
    return [
      new Plugin({
        key,
        state: {
          init: (_, state) => build(state),
          apply: (tr, previous, _old, state) => (tr.docChanged || tr.getMeta(key) ? build(state) : previous),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});

/** Tells the editor the threads changed (redraws the marks). */
export const refreshAnchors = (view: { state: EditorState; dispatch: (tr: ReturnType<EditorState['tr']['setMeta']>) => void }) => view.dispatch(view.state.tr.setMeta(key, true));
