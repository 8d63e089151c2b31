import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowImportRegular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  marker: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, marginLeft: tokens.spacingHorizontalXS, color: tokens.colorBrandForeground1 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

/** The team view's mark on learning that arrived in a learning passport: an icon and a word, the whole provenance for screen readers and on hover. */
export function PassportMarker({ source }: { source: string }) {
  const styles = useStyles();
  return (
    <span className={styles.marker} title={source} data-provenance="passport">
      <ArrowImportRegular aria-hidden="true" />
      <Caption1 aria-hidden="true">passport</Caption1>
      <span className={styles.hidden}>{source}</span>
    </span>
  );
}
