import { makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';

/** The only global rules: the document fills the frame Teams gives it, with no margin of its own. */
export const useGlobalStyles = makeStaticStyles({
  'html, body, #root': { margin: 0, minHeight: '100%' },
  body: { overflowWrap: 'break-word' },
  // A select is as wide as its longest option unless told otherwise: never wider than its column (a phone's screen).
  '.fui-Field, .fui-Select, .fui-Input, .fui-Textarea, .fui-DatePicker': { maxWidth: '100%', minWidth: 0, boxSizing: 'border-box' },
  '.fui-Select__select': { maxWidth: '100%', textOverflow: 'ellipsis' },
});

/**
 * The layout every page shares (Fluent tokens, no pixel values of its own beyond the page's
 * width): a page column, vertical stacks, wrapping toolbars and form columns.
 */
export const useLayout = makeStyles({
  app: { minHeight: '100vh' },
  page: {
    boxSizing: 'border-box',
    maxWidth: '1400px',
    marginInline: 'auto',
    paddingBlock: tokens.spacingVerticalL,
    paddingInline: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    '@media (max-width: 600px)': { paddingInline: tokens.spacingHorizontalM, paddingBlock: tokens.spacingVerticalM },
  },
  narrowPage: { maxWidth: '760px' },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, paddingTop: tokens.spacingVerticalS },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end', minWidth: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(220px, 100%), 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  problem: { color: tokens.colorPaletteRedForeground1, margin: 0 },
  cardList: { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(280px, 100%), 1fr))', gap: tokens.spacingHorizontalM },
  plainList: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  fill: { width: '100%', minWidth: 0, maxWidth: '100%' },
  // Dialogs fit a phone: never wider than the screen less a margin, scrolling inside when tall.
  dialog: { boxSizing: 'border-box', maxWidth: 'min(600px, calc(100vw - 16px))', maxHeight: 'calc(100vh - 16px)', overflowY: 'auto' },
});
