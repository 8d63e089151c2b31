import { Badge, Body1, Caption1, Card, CardHeader, Link, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import type { ApplicationSummary } from '../../../shared/workspace-api';
import { formatDate } from './countdown';
import { RISK_COLOR, RISK_LABEL, STAGE_LABEL } from './labels';
import { useLayout } from '../ui/styles';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function workspaceHref(id: string): string {
  const url = new URL('/tab/workspace', location.origin);
  const as = new URLSearchParams(location.search).get('as');
  const theme = new URLSearchParams(location.search).get('theme');
  url.searchParams.set('app', id);
  if (as) url.searchParams.set('as', as);
  if (theme) url.searchParams.set('theme', theme);
  return `${url.pathname}${url.search}`;
}

/** Applications as cards: progress, stage, deadline risk, and a link to open each. */
export function ApplicationList({ applications }: { applications: ApplicationSummary[] }) {
  const layout = useLayout();
  const styles = useStyles();
  return (
    <ul className={layout.cardList} aria-label="Applications">
      {applications.map((a) => (
        <li key={a.id}>
          <Card className={styles.card}>
            <CardHeader
              header={
                <Body1>
                  <Link href={workspaceHref(a.id)}>
                    <strong>{a.title || a.pcnName}</strong>
                  </Link>
                </Body1>
              }
              description={<Caption1>{a.practices.map((p) => p.name).join(', ')}</Caption1>}
            />
            <span>
              <Badge appearance="tint" color="brand">
                {STAGE_LABEL[a.lifecycle.stage]}
              </Badge>{' '}
              <Badge appearance="tint" color={RISK_COLOR[a.countdown.risk]}>
                {RISK_LABEL[a.countdown.risk]}
              </Badge>
            </span>
            <ProgressBar value={a.progress.percent / 100} aria-label={`${a.title || a.pcnName}: ${a.progress.percent}% complete`} />
            <Caption1>
              {a.progress.percent}% complete · {a.progress.agreed}/{a.progress.sections} sections agreed
              {a.lifecycle.panel ? ` · panel ${formatDate(a.lifecycle.panel.date)}` : ''}
            </Caption1>
          </Card>
        </li>
      ))}
    </ul>
  );
}
