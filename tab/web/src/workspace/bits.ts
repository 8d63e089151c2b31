import { makeStyles, tokens } from '@fluentui/react-components';

/** Small spacing rules the workspace's components share (makeStyles + tokens, no inline styles). */
export const useBits = makeStyles({
  flush: { margin: 0 },
  flushTop: { marginTop: 0 },
  topXS: { marginTop: tokens.spacingVerticalXS },
  topS: { marginTop: tokens.spacingVerticalS },
  bareFieldset: { border: 'none', padding: 0, margin: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  inlineRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});
