import { makeStyles, tokens } from '@fluentui/react-components';
import DiffMatchPatch from 'diff-match-patch';

const dmp = new DiffMatchPatch();
// Long fields (up to 200,000 characters) must never freeze the tab: give the diff a time budget.
dmp.Diff_Timeout = 0.5;

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/** A human-readable difference between two texts: word-ish chunks, cleaned up for reading. */
export function diffParts(before: string, after: string): DiffPart[] {
  const diffs = dmp.diff_main(before, after);
  dmp.diff_cleanupSemantic(diffs);
  return diffs.map(([op, text]) => ({ kind: op === 0 ? 'same' : op > 0 ? 'added' : 'removed', text }));
}

const useStyles = makeStyles({
  diff: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: tokens.fontFamilyBase, lineHeight: tokens.lineHeightBase300, margin: 0 },
  added: { backgroundColor: tokens.colorPaletteGreenBackground2, color: tokens.colorNeutralForeground1, textDecorationLine: 'underline' },
  removed: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorNeutralForeground1, textDecorationLine: 'line-through' },
});

/** Insertions and deletions, marked with <ins>/<del> (so screen readers and high contrast keep the meaning without colour). */
export function DiffView({ before, after, className }: { before: string; after: string; className?: string }) {
  const styles = useStyles();
  const parts = diffParts(before, after);
  if (parts.length === 0) return <p className={styles.diff}><em>(empty)</em></p>;
  return (
    <p className={`${styles.diff} ${className ?? ''}`}>
      {parts.map((part, i) =>
        part.kind === 'added' ? (
          <ins key={i} className={styles.added}>
            {part.text}
          </ins>
        ) : part.kind === 'removed' ? (
          <del key={i} className={styles.removed}>
            {part.text}
          </del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}
