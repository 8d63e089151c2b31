import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import { apiFetch, downloadFile } from '../api';

export const useReportStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '12px', paddingTop: '12px' },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: '12px', alignItems: 'end' },
  two: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))', gap: '16px', alignItems: 'start' },
  scroll: { overflowX: 'auto' },
  below: { backgroundColor: tokens.colorPaletteRedBackground2 },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  big: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
});

/** Loads JSON from the API for a panel; reload() fetches again (after a filter or an edit). */
export function useApi<T>(path: string | undefined): { data: T | undefined; error: unknown; loading: boolean; reload: () => void; set: (value: T) => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    setLoading(true);
    setError(undefined);
    apiFetch<T>(path).then(
      (value) => live && (setData(value), setLoading(false)),
      (e: unknown) => live && (setError(e), setLoading(false)),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  return { data, error, loading, reload: useCallback(() => setTick((t) => t + 1), []), set: setData };
}

/** "71.4 %" with a badge when below the threshold, so the highlight is never colour alone. */
export function Percent({ value, below, threshold }: { value: number; below: boolean; threshold: number }) {
  return (
    <span>
      {value.toLocaleString('en-GB', { maximumFractionDigits: 1 })} %
      {below && (
        <>
          {' '}
          <Badge appearance="filled" color="danger" size="small">
            below {threshold} %
          </Badge>
        </>
      )}
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
