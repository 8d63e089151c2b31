import { makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';

/** The only global rules: the document fills the frame Teams gives it, with no margin of its own. */
export const useGlobalStyles = makeStaticStyles({
  html: { margin: 0, minHeight: '100%' },
  body: { margin: 0, minHeight: '100%', overflowWrap: 'break-word' },
  '#root': { minHeight: '100%' },
});

/**
 * The layout every page shares (Fluent tokens, no pixel values of its own beyond the page's
 * width): a page column, vertical stacks, wrapping toolbars and form columns.
 */
/** Fluent's controls inside a page or dialog keep to their column: a select is as wide as its longest option unless told otherwise. */
const FIT_CONTROLS = {
  '& .fui-Field': { maxWidth: '100%', minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  '& .fui-Field > *': { minWidth: 0 },
  '& .fui-Select': { maxWidth: '100%', minWidth: 0 },
  '& .fui-Select__select': { maxWidth: '100%', textOverflow: 'ellipsis' },
  '& .fui-Input': { maxWidth: '100%' },
  '& .fui-Textarea': { maxWidth: '100%' },
} as const;

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
    ...FIT_CONTROLS,
  },
  narrowPage: { maxWidth: '760px' },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, paddingTop: tokens.spacingVerticalS },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end', minWidth: 0, '& > *': { maxWidth: '100%', minWidth: 0 }, '& select': { maxWidth: '100%' } },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(220px, 100%), 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start', '& > *': { minWidth: 0 }, '& select': { maxWidth: '100%' } },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  problem: { color: tokens.colorPaletteRedForeground1, margin: 0 },
  cardList: { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(280px, 100%), 1fr))', gap: tokens.spacingHorizontalM },
  plainList: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  fill: { width: '100%', minWidth: 0, maxWidth: '100%' },
  // Dialogs fit a phone: never wider than the screen less a margin, scrolling inside when tall.
  dialog: { boxSizing: 'border-box', maxWidth: 'min(600px, calc(100vw - 16px))', maxHeight: 'calc(100vh - 16px)', overflowY: 'auto', ...FIT_CONTROLS },
});
