import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  Subtitle2,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { formatDateTime } from './countdown';
import { DiffView } from './text-diff';
import type { Conflict } from './use-field-draft';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(1100px, 96vw)', width: '100%' },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: tokens.spacingHorizontalL },
  column: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  text: { maxHeight: '30vh', overflowY: 'auto' },
  merged: { minHeight: '8em' },
});

/**
 * Both versions side by side when two people changed the same words: theirs (saved) and mine (not
 * saved), each shown as a difference from the version both started from. Nothing is dropped: the
 * dialog cannot be dismissed without choosing, and "edit a merged text" starts from both.
 */
export function ConflictDialog({ label, conflict, onResolve }: { label: string; conflict: Conflict; onResolve: (choice: { keep: 'theirs' } | { keep: 'text'; text: string }) => void }) {
  const styles = useStyles();
  const [merging, setMerging] = useState(false);
  const [merged, setMerged] = useState('');
  const titleId = useId();
  const base = conflict.base?.value ?? '';
  useEffect(() => {
    setMerging(false);
    setMerged(`${conflict.theirs.value}\n\n${conflict.mine}`);
  }, [conflict]);
  const who = conflict.theirs.by ?? 'someone else';
  return (
    <Dialog open modalType="alert">
      <DialogSurface className={styles.surface} aria-labelledby={titleId}>
        <DialogBody>
          <DialogTitle id={titleId}>Your edit and {who}'s overlap: choose what to keep</DialogTitle>
          <DialogContent>
            <Body1 block as="p">
              While you were editing <strong>{label}</strong>, {who} saved a change to the same words. Neither version has been lost. Differences are shown against
              the version you both started from.
            </Body1>
            <div className={styles.columns}>
              <section className={styles.column} aria-label="Their version">
                <Subtitle2 block as="h3">Theirs (saved{conflict.theirs.at ? ` ${formatDateTime(conflict.theirs.at)}` : ''})</Subtitle2>
                <Caption1>by {who}, version {conflict.theirs.version}</Caption1>
                <div className={styles.text} tabIndex={0} role="region" aria-label="Their text with changes marked">
                  <DiffView before={base} after={conflict.theirs.value} />
                </div>
              </section>
              <section className={styles.column} aria-label="Your version">
                <Subtitle2 block as="h3">Yours (not saved yet)</Subtitle2>
                <Caption1>your edit</Caption1>
                <div className={styles.text} tabIndex={0} role="region" aria-label="Your text with changes marked">
                  <DiffView before={base} after={conflict.mine} />
                </div>
              </section>
              {conflict.base && (
                <section className={styles.column} aria-label="Version you both started from">
                  <Subtitle2 block as="h3">Where you both started</Subtitle2>
                  <Caption1>version {conflict.base.version}</Caption1>
                  <div className={styles.text} tabIndex={0} role="region" aria-label="The common starting text">
                    <p style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{base || <em>(empty)</em>}</p>
                  </div>
                </section>
              )}
            </div>
            {merging && (
              <Field label="Merged text (saved on top of theirs)" style={{ marginTop: tokens.spacingVerticalM }}>
                <Textarea className={styles.merged} resize="vertical" value={merged} onChange={(_, d) => setMerged(d.value)} />
              </Field>
            )}
          </DialogContent>
          <DialogActions fluid>
            {merging ? (
              <>
                <Button appearance="primary" onClick={() => onResolve({ keep: 'text', text: merged })}>
                  Save merged text
                </Button>
                <Button onClick={() => setMerging(false)}>Back</Button>
              </>
            ) : (
              <>
                <Button onClick={() => onResolve({ keep: 'theirs' })}>Keep theirs</Button>
                <Button onClick={() => onResolve({ keep: 'text', text: conflict.mine })}>Keep mine</Button>
                <Button appearance="primary" onClick={() => setMerging(true)}>
                  Edit a merged text
                </Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
