import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { downloadFile } from '../api';
import { CountBadge } from '../ui/badges';

export const useReportStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalM, minWidth: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end', minWidth: 0, '& > *': { maxWidth: '100%', minWidth: 0 }, '& select': { maxWidth: '100%' } },
  two: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(420px, 100%), 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'start', minWidth: 0 },
  below: { backgroundColor: tokens.colorPaletteRedBackground1 },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  big: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  sticky: { position: 'sticky', left: 0, backgroundColor: tokens.colorNeutralBackground1, zIndex: 1, textAlign: 'start', padding: tokens.spacingHorizontalS, minWidth: '12rem', maxWidth: '16rem', whiteSpace: 'normal', fontWeight: tokens.fontWeightRegular },
  cell: { padding: tokens.spacingHorizontalS, whiteSpace: 'nowrap', textAlign: 'start' },
});

/** "71.4 %" with a badge when below the threshold, so the highlight is never colour alone. */
export function Percent({ value, below, threshold }: { value: number; below: boolean; threshold: number }) {
  return (
    <span>
      {value.toLocaleString('en-GB', { maximumFractionDigits: 1 })} %{below && <> <CountBadge>{`below ${threshold} %`}</CountBadge></>}
    </span>
  );
}

export function ExportButtons({ report, query, label, onError }: { report: string; query?: Record<string, string | undefined>; label: string; onError: (e: unknown) => void }) {
  const params = new URLSearchParams({ report });
  for (const [k, v] of Object.entries(query ?? {})) if (v) params.set(k, v);
  const go = (format: 'csv' | 'xlsx') => {
    params.set('format', format);
    downloadFile(`/api/reports/export?${params.toString()}`, `${report}.${format}`).catch(onError);
  };
  return (
    <>
      <Button icon={<ArrowDownloadRegular />} onClick={() => go('csv')}>
        Export {label} as CSV
      </Button>
      <Button icon={<ArrowDownloadRegular />} onClick={() => go('xlsx')}>
        Export {label} as Excel
      </Button>
    </>
  );
}
