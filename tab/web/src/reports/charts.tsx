import { BarElement, CategoryScale, Chart as ChartJS, LinearScale, LineElement, PointElement, Title, Tooltip, type Plugin } from 'chart.js';
import { makeStyles } from '@fluentui/react-components';
import { Bar, Line } from 'react-chartjs-2';
import { useSession } from '../session';
import { THEMES } from '../ui/themes';

ChartJS.register(CategoryScale, LinearScale, BarElement, PointElement, LineElement, Title, Tooltip);

const useStyles = makeStyles({
  box: { position: 'relative', minWidth: 0, width: '100%' },
  trend: { position: 'relative', minWidth: 0, width: '100%', height: '280px' },
});

/** The canvas needs real colours: read from the Teams theme in force (light, dark, high contrast), never hard-coded. */
function usePalette() {
  const { theme } = useSession();
  const t = THEMES[theme];
  const contrast = theme === 'contrast';
  return {
    text: t.colorNeutralForeground1,
    muted: t.colorNeutralForeground2,
    grid: contrast ? t.colorNeutralStroke1 : t.colorNeutralStroke2,
    good: t.colorPaletteGreenBackground3,
    below: t.colorPaletteRedBackground3,
    background: t.colorNeutralBackground1,
    threshold: t.colorPaletteDarkOrangeBorderActive,
    line: t.colorCompoundBrandStroke,
    font: t.fontFamilyBase,
    // High contrast has one foreground colour: below-threshold bars are drawn hollow instead of red.
    contrast,
  };
}
type Palette = ReturnType<typeof usePalette>;

/** The axis starts low enough to hold every value and the threshold, in tens, so 81–89 % differences show. */
export function axisMinimum(values: readonly number[], threshold: number): number {
  const lowest = Math.min(threshold, ...values);
  return Math.max(0, Math.floor((lowest - 5) / 10) * 10);
}

/** A long label on lines of at most `width` characters, broken between words, never cut. */
export function wrapLabel(label: string, width = 24): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const pct = (v: number) => `${v.toLocaleString('en-GB', { maximumFractionDigits: 1 })} %`;

/** Draws the threshold as a dashed line across the plot, labelled, and each bar's value at its end. */
function overlay(palette: Palette, threshold: number, horizontal: boolean, valueLabels: boolean): Plugin<'bar' | 'line'> {
  return {
    id: 'ml-overlay',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const scale = horizontal ? scales.x! : scales.y!;
      const at = scale.getPixelForValue(threshold);
      ctx.save();
      ctx.strokeStyle = palette.threshold;
      ctx.lineWidth = 2;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      if (horizontal) {
        ctx.moveTo(at, chartArea.top);
        ctx.lineTo(at, chartArea.bottom);
      } else {
        ctx.moveTo(chartArea.left, at);
        ctx.lineTo(chartArea.right, at);
      }
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = palette.threshold;
      ctx.font = `600 12px ${palette.font}`;
      ctx.textBaseline = 'bottom';
      const label = `${threshold} % threshold`;
      if (horizontal) {
        ctx.textAlign = at > chartArea.right - 90 ? 'right' : 'left';
        ctx.fillText(label, at + (ctx.textAlign === 'left' ? 4 : -4), chartArea.top - 2);
      } else {
        ctx.textAlign = 'left';
        ctx.fillText(label, chartArea.left + 4, at - 2);
      }
      if (valueLabels) {
        const meta = chart.getDatasetMeta(0);
        const data = chart.data.datasets[0]!.data as number[];
        ctx.fillStyle = palette.text;
        ctx.font = `12px ${palette.font}`;
        ctx.textBaseline = 'middle';
        meta.data.forEach((bar, i) => {
          const value = data[i]!;
          const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
          const inside = x > chartArea.right - 48;
          ctx.textAlign = inside ? 'right' : 'left';
          ctx.fillStyle = inside ? palette.background : palette.text;
          ctx.fillText(pct(value), inside ? x - 4 : x + 4, y);
        });
      }
      ctx.restore();
    },
  };
}

/**
 * Compliance by subject as a horizontal bar chart: subjects below the threshold in red (hollow in
 * high contrast), the threshold drawn as a line, each bar labelled with its figure, subject names
 * wrapped in full. The canvas is an image to assistive technology with a name saying what it shows;
 * the same figures are in the table beside it, which is the accessible form.
 */
export function ComplianceBarChart({ labels, values, threshold, title }: { labels: string[]; values: number[]; threshold: number; title: string }) {
  const styles = useStyles();
  const palette = usePalette();
  const min = axisMinimum(values, threshold);
  const lines = labels.map((l) => wrapLabel(l));
  const height = Math.max(220, lines.reduce((n, l) => n + Math.max(1, l.length) * 16 + 14, 0) + 90);
  return (
    <div className={styles.box} style={{ height }}>
      <Bar
        key={`${palette.text}-${palette.contrast}`}
        role="img"
        aria-label={`${title}. Bar chart of compliance per subject, axis from ${min} % to 100 %; subjects below the ${threshold} % threshold are marked. The same figures are in the table that follows.`}
        data={{
          labels: lines,
          datasets: [
            {
              label: 'Compliance %',
              data: values,
              backgroundColor: values.map((v) => (v < threshold ? (palette.contrast ? 'transparent' : palette.below) : palette.good)),
              borderColor: values.map((v) => (v < threshold ? (palette.contrast ? palette.text : palette.below) : palette.good)),
              borderWidth: palette.contrast ? 2 : 0,
            },
          ],
        }}
        options={{
          indexAxis: 'y',
          maintainAspectRatio: false,
          animation: false,
          color: palette.text,
          layout: { padding: { top: 18, right: 8 } },
          scales: {
            x: { min, max: 100, grid: { color: palette.grid }, ticks: { color: palette.text, callback: (v) => `${v} %` }, title: { display: true, text: min > 0 ? `Compliance (axis starts at ${min} %)` : 'Compliance', color: palette.text } },
            y: { grid: { display: false }, ticks: { color: palette.text, autoSkip: false, font: { size: 12 } } },
          },
          plugins: { legend: { display: false }, title: { display: true, text: title, color: palette.text, font: { size: 14 }, padding: { bottom: 22 } }, tooltip: { callbacks: { label: (c) => pct(c.parsed.x ?? 0) } } },
        }}
        plugins={[overlay(palette, threshold, true, true) as Plugin<'bar'>]}
      />
    </div>
  );
}

/** Overall compliance by month: points worked out from records drawn hollow, snapshots and today solid; the threshold drawn. */
export function TrendLineChart({ labels, values, hollow, threshold, title }: { labels: string[]; values: number[]; hollow: boolean[]; threshold: number; title: string }) {
  const styles = useStyles();
  const palette = usePalette();
  const min = axisMinimum(values, threshold);
  return (
    <div className={styles.trend}>
      <Line
        key={`${palette.text}-${palette.contrast}`}
        role="img"
        aria-label={`${title}. Line chart of overall compliance by month, axis from ${min} % to 100 %, with the ${threshold} % threshold. The same figures are in the table that follows.`}
        data={{
          labels,
          datasets: [
            {
              label: 'Overall compliance %',
              data: values,
              borderColor: palette.line,
              backgroundColor: hollow.map((h) => (h ? palette.background : palette.line)),
              pointBorderColor: palette.line,
              pointRadius: 4,
              pointBorderWidth: 2,
              tension: 0.2,
            },
          ],
        }}
        options={{
          maintainAspectRatio: false,
          animation: false,
          color: palette.text,
          layout: { padding: { top: 8, right: 8 } },
          scales: {
            y: { min, max: 100, grid: { color: palette.grid }, ticks: { color: palette.text, callback: (v) => `${v} %` }, title: { display: min > 0, text: `axis starts at ${min} %`, color: palette.text } },
            x: { grid: { color: palette.grid }, ticks: { color: palette.text, maxRotation: 0, autoSkip: true } },
          },
          plugins: { legend: { display: false }, title: { display: true, text: title, color: palette.text, font: { size: 14 } }, tooltip: { callbacks: { label: (c) => pct(c.parsed.y ?? 0) } } },
        }}
        plugins={[overlay(palette, threshold, false, false) as Plugin<'line'>]}
      />
    </div>
  );
}
