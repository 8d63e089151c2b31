import DiffMatchPatch from 'diff-match-patch';

/**
 * Three-way text merge for co-edited fields. Both sides are diffed against the common base with
 * diff-match-patch; each side's changes become edits on base positions. When no edit of one side
 * touches a word the other side changed, both sets are applied to the base and nothing is lost.
 * When they do touch (same word, same place), the merge refuses: the caller keeps both texts and
 * the editor decides. We deliberately do not use dmp's fuzzy patch_apply: it can "succeed" on
 * overlapping changes by quietly dropping one side's words.
 */
export type MergeResult = { ok: true; text: string } | { ok: false; overlaps: { base: [number, number]; mine: string; theirs: string }[] };

interface Edit {
  /** Replaced range of the base, [start, end): start === end for a pure insertion. */
  start: number;
  end: number;
  text: string;
}

const dmp = new DiffMatchPatch();
// A diff of two very different 300,000-character texts must not hold a save for long; a timed-out
// diff is still a correct (if less minimal) diff.
dmp.Diff_Timeout = 0.5;

/** The edits that turn `base` into `changed`, on base positions, adjacent changes grouped. */
export function editsBetween(base: string, changed: string): Edit[] {
  const diffs = dmp.diff_main(base, changed);
  dmp.diff_cleanupSemantic(diffs);
  const edits: Edit[] = [];
  let position = 0;
  let current: Edit | undefined;
  for (const [op, text] of diffs) {
    if (op === DiffMatchPatch.DIFF_EQUAL) {
      if (current) edits.push(current);
      current = undefined;
      position += text.length;
    } else if (op === DiffMatchPatch.DIFF_DELETE) {
      current ??= { start: position, end: position, text: '' };
      current.end += text.length;
      position += text.length;
    } else {
      current ??= { start: position, end: position, text: '' };
      current.text += text;
    }
  }
  if (current) edits.push(current);
  return edits;
}

const WORD = /[\p{L}\p{N}_'’-]/u;

/** Widens a range to whole words of the base, so two edits inside (or at the edge of) one word count as touching. */
function wordSpan(base: string, edit: Edit): [number, number] {
  let from = edit.start;
  let to = edit.end;
  while (from > 0 && WORD.test(base[from - 1]!)) from--;
  while (to < base.length && WORD.test(base[to]!)) to++;
  return [from, to];
}

function touches(base: string, a: Edit, b: Edit): boolean {
  // The very same change on both sides is not a conflict: it is applied once.
  if (a.start === b.start && a.end === b.end && a.text === b.text) return false;
  // Two insertions at the same place would need an order nobody chose.
  if (a.start === b.start && (a.start === a.end || b.start === b.end)) return true;
  const [aFrom, aTo] = wordSpan(base, a);
  const [bFrom, bTo] = wordSpan(base, b);
  return aFrom < bTo && bFrom < aTo;
}

/** Merges `mine` and `theirs`, both made from `base`. */
export function mergeThreeWay(base: string, mine: string, theirs: string): MergeResult {
  if (mine === theirs) return { ok: true, text: mine };
  if (mine === base) return { ok: true, text: theirs };
  if (theirs === base) return { ok: true, text: mine };
  const mineEdits = editsBetween(base, mine);
  const theirEdits = editsBetween(base, theirs);
  const overlaps: { base: [number, number]; mine: string; theirs: string }[] = [];
  for (const m of mineEdits) {
    for (const t of theirEdits) {
      if (touches(base, m, t)) overlaps.push({ base: [Math.min(m.start, t.start), Math.max(m.end, t.end)], mine: m.text, theirs: t.text });
    }
  }
  if (overlaps.length > 0) return { ok: false, overlaps };

  const all = [...mineEdits, ...theirEdits.filter((t) => !mineEdits.some((m) => m.start === t.start && m.end === t.end && m.text === t.text))];
  all.sort((a, b) => a.start - b.start || a.end - b.end);
  let text = '';
  let position = 0;
  for (const edit of all) {
    text += base.slice(position, edit.start) + edit.text;
    position = edit.end;
  }
  text += base.slice(position);
  return { ok: true, text };
}
