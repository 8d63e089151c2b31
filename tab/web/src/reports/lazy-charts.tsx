import { makeStyles, Spinner } from '@fluentui/react-components';
import { lazy, Suspense, type ComponentProps } from 'react';
import type { ComplianceBarChart, TrendLineChart } from './charts';

// chart.js is most of the reports page's weight: the figures and tables show first, the charts as soon as it arrives.
const Bar = lazy(() => import('./charts').then((m) => ({ default: m.ComplianceBarChart })));
const Trend = lazy(() => import('./charts').then((m) => ({ default: m.TrendLineChart })));

const useStyles = makeStyles({ placeholder: { minHeight: '220px', display: 'flex', alignItems: 'center', justifyContent: 'center' } });

function Placeholder() {
  const styles = useStyles();
  return (
    <div className={styles.placeholder}>
      <Spinner size="small" label="Drawing the chart" />
    </div>
  );
}

export function LazyBarChart(props: ComponentProps<typeof ComplianceBarChart>) {
  return (
    <Suspense fallback={<Placeholder />}>
      <Bar {...props} />
    </Suspense>
  );
}

export function LazyTrendChart(props: ComponentProps<typeof TrendLineChart>) {
  return (
    <Suspense fallback={<Placeholder />}>
      <Trend {...props} />
    </Suspense>
  );
}
