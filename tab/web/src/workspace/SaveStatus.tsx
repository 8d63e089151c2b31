import { Button, Caption1, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Regular, ErrorCircle16Regular, Warning16Regular } from '@fluentui/react-icons';
import type { SaveState } from './use-field-draft';

const useStyles = makeStyles({
  status: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minHeight: '24px' },
  failed: { color: tokens.colorPaletteRedForeground1 },
  ok: { color: tokens.colorPaletteGreenForeground1 },
});

/** The per-field "Saving… / Saved / Not saved" line, announced politely to screen readers. */
export function SaveStatus({ state, failure, onRetry }: { state: SaveState; failure?: string | undefined; onRetry: () => void }) {
  const styles = useStyles();
  let body;
  switch (state) {
    case 'saving':
      body = <Spinner size="extra-tiny" label="Saving…" labelPosition="after" />;
      break;
    case 'saved':
      body = (
        <>
          <CheckmarkCircle16Regular className={styles.ok} aria-hidden /> <Caption1>Saved</Caption1>
        </>
      );
      break;
    case 'pending':
      body = <Caption1>Not saved yet (saves when you pause)</Caption1>;
      break;
    case 'conflict':
      body = (
        <>
          <Warning16Regular className={styles.failed} aria-hidden /> <Caption1>Not saved: choose between the two versions</Caption1>
        </>
      );
      break;
    case 'failed':
      body = (
        <>
          <ErrorCircle16Regular className={styles.failed} aria-hidden />
          <Caption1 className={styles.failed}>Not saved{failure ? `: ${failure}` : ''}</Caption1>
          <Button size="small" appearance="subtle" onClick={onRetry}>
            Try again
          </Button>
        </>
      );
      break;
    default:
      body = null;
  }
  return (
    <span className={styles.status} role="status" aria-live="polite" data-save-state={state}>
      {body}
    </span>
  );
}
