import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, LineElement, PointElement, Title, Tooltip } from 'chart.js';
import { Bar, Line } from 'react-chartjs-2';
import { tokens } from '@fluentui/react-components';

ChartJS.register(CategoryScale, LinearScale, BarElement, PointElement, LineElement, Title, Tooltip, Legend);

// Fluent's palette, read once: the canvas needs real colours, not CSS variables.
const GOOD = '#107c10';
const BELOW = '#c50f1f';
void tokens;

/**
 * Compliance by subject as a bar chart. The canvas is an image to assistive technology with a name
 * saying what it shows; the same figures are in the table beside it, which is the accessible form.
 */
export function ComplianceBarChart({ labels, values, threshold, title }: { labels: string[]; values: number[]; threshold: number; title: string }) {
  return (
    <div style={{ position: 'relative', height: Math.max(220, labels.length * 28 + 60) }}>
      <Bar
        role="img"
        aria-label={`${title}. Bar chart of compliance per subject; subjects below ${threshold} % are red. The same figures are in the table that follows.`}
        data={{
          labels,
          datasets: [
            {
              label: 'Compliance %',
              data: values,
              backgroundColor: values.map((v) => (v < threshold ? BELOW : GOOD)),
            },
          ],
        }}
        options={{
          indexAxis: 'y',
          maintainAspectRatio: false,
          animation: false,
          scales: { x: { min: 0, max: 100, title: { display: true, text: `Compliance % (threshold ${threshold} %)` } } },
          plugins: { legend: { display: false }, title: { display: true, text: title } },
        }}
      />
    </div>
  );
}

export function TrendLineChart({ labels, values, threshold, title }: { labels: string[]; values: number[]; threshold: number; title: string }) {
  return (
    <div style={{ position: 'relative', height: 260 }}>
      <Line
        role="img"
        aria-label={`${title}. Line chart of overall compliance by month, with the ${threshold} % threshold. The same figures are in the table that follows.`}
        data={{
          labels,
          datasets: [
            { label: 'Overall compliance %', data: values, borderColor: GOOD, backgroundColor: GOOD, tension: 0.2 },
            { label: `Threshold ${threshold} %`, data: labels.map(() => threshold), borderColor: BELOW, borderDash: [6, 4], pointRadius: 0 },
          ],
        }}
        options={{ maintainAspectRatio: false, animation: false, scales: { y: { min: 0, max: 100 } }, plugins: { title: { display: true, text: title } } }}
      />
    </div>
  );
}
