import {
  Badge,
  Caption1,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApplicationSummary, HubOverviewResponse, PublishedListResponse, ResourcesResponse, WorkspaceDefinitions } from '../../../shared/workspace-api';
import { Problem } from '../shell/Problem';
import { workspaceHref } from './ApplicationList';
import { formatDate } from './countdown';
import { RecordOutcomeDialog, RequestChangesDialog, SchedulePanelDialog } from './HubDialogs';
import { OUTCOME_COLOR, OUTCOME_LABEL, RISK_COLOR, RISK_LABEL, STAGE_LABEL } from './labels';
import { ResourceLibrary } from './ResourceLibrary';
import { isForbidden } from './workspace-client';
import { useLayout } from '../ui/styles';
import { useBits } from './bits';
import { SectionTabs } from '../ui/SectionTabs';
import { useApiQuery } from '../data/use-api';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { minWidth: '900px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  progress: { minWidth: '120px' },
});

type HubTab = 'applications' | 'published' | 'library';

function ownersSummary(a: ApplicationSummary): string {
  const names = new Set(a.owners.map((o) => o.owner?.person?.name ?? o.owner?.practiceName).filter(Boolean));
  const unassigned = a.owners.filter((o) => !o.owner).length;
  return `${names.size ? [...names].join(', ') : 'No owners yet'}${unassigned ? ` · ${unassigned} unassigned` : ''}`;
}

function Applications({ overview, definitions, onChanged }: { overview: HubOverviewResponse; definitions: WorkspaceDefinitions | undefined; onChanged: () => void }) {
  const bits = useBits();
  const styles = useStyles();
  if (!overview.applications.length) return <Caption1 block as="p">No PCN has started an application yet.</Caption1>;
  return (
    <div className={styles.wrap}>
      <Table className={styles.table} aria-label="Applications from every PCN">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>PCN</TableHeaderCell>
            <TableHeaderCell>Stage</TableHeaderCell>
            <TableHeaderCell>Progress</TableHeaderCell>
            <TableHeaderCell>Owners</TableHeaderCell>
            <TableHeaderCell>Deadline risk</TableHeaderCell>
            <TableHeaderCell>Panel</TableHeaderCell>
            <TableHeaderCell>Outcome</TableHeaderCell>
            <TableHeaderCell>Actions</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {overview.applications.map((a) => {
            const stage = a.lifecycle.stage;
            return (
              <TableRow key={a.id}>
                <TableCell>
                  <Link href={workspaceHref(a.id)}>{a.pcnName}</Link>
                  <Caption1 block as="p" className={bits.flush}>
                    {a.practices.length} practices
                  </Caption1>
                </TableCell>
                <TableCell>{STAGE_LABEL[stage]}</TableCell>
                <TableCell>
                  <div className={styles.progress}>
                    <ProgressBar value={a.progress.percent / 100} aria-label={`${a.pcnName} progress`} />
                    <Caption1>
                      {a.progress.percent}% · {a.progress.agreed}/{a.progress.sections} agreed
                    </Caption1>
                  </div>
                </TableCell>
                <TableCell>
                  <Caption1>{ownersSummary(a)}</Caption1>
                </TableCell>
                <TableCell>
                  <Badge appearance="tint" color={RISK_COLOR[a.countdown.risk]}>
                    {RISK_LABEL[a.countdown.risk]}
                  </Badge>
                  <Caption1 block as="p" className={bits.flush}>
                    {a.countdown.reason}
                  </Caption1>
                </TableCell>
                <TableCell>{a.lifecycle.panel ? `${formatDate(a.lifecycle.panel.date)} (${a.lifecycle.panel.members.length} members)` : '—'}</TableCell>
                <TableCell>
                  {a.lifecycle.outcome ? (
                    <Badge appearance="filled" color={OUTCOME_COLOR[a.lifecycle.outcome.outcome]}>
                      {OUTCOME_LABEL[a.lifecycle.outcome.outcome]}
                    </Badge>
                  ) : (
                    '—'
                  )}
                </TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    {definitions && <RequestChangesDialog app={a} sections={definitions.sections} onSaved={onChanged} />}
                    {(stage === 'submitted' || stage === 'panel-scheduled') && <SchedulePanelDialog app={a} onSaved={onChanged} />}
                    {stage === 'panel-scheduled' && <RecordOutcomeDialog app={a} onSaved={onChanged} />}
                  </div>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

function Published({ list }: { list: PublishedListResponse }) {
  if (!list.learningOrganisations.length) return <Caption1 block as="p">No Learning Organisation has been approved yet.</Caption1>;
  return (
    <Table aria-label="Approved Learning Organisations">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Learning Organisation</TableHeaderCell>
          <TableHeaderCell>Aligned practices</TableHeaderCell>
          <TableHeaderCell>Outcome</TableHeaderCell>
          <TableHeaderCell>Approved</TableHeaderCell>
          <TableHeaderCell>Annual review</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {list.learningOrganisations.map((lo) => (
          <TableRow key={lo.applicationId}>
            <TableCell>{lo.pcnName}</TableCell>
            <TableCell>{lo.practices.map((p) => `${p.name} (${p.odsCode})`).join(', ')}</TableCell>
            <TableCell>{OUTCOME_LABEL[lo.outcome]}</TableCell>
            <TableCell>{formatDate(lo.approvedOn)}</TableCell>
            <TableCell>{formatDate(lo.annualReviewDate)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The training hub's side: every PCN's application, the published list of approved Learning Organisations, and the resource library. */
export default function HubPage() {
  const layout = useLayout();
  const [tab, setTab] = useState<HubTab>('applications');
  // Each list is a cached query; a change made here refetches the list it changed.
  const overviewQuery = useApiQuery<HubOverviewResponse>(['hub', 'applications'], '/api/hub/applications');
  const publishedQuery = useApiQuery<PublishedListResponse>(['hub', 'published'], '/api/hub/learning-organisations');
  const resourcesQuery = useApiQuery<ResourcesResponse>(['hub', 'resources'], '/api/resources');
  const definitionsQuery = useApiQuery<WorkspaceDefinitions>(['workspace-definitions'], '/api/workspace-definitions');
  const overview = overviewQuery.data;
  const overviewError = overview ? undefined : (overviewQuery.error ?? undefined);
  const published = publishedQuery.data;
  const resources = resourcesQuery.data;
  const definitions = definitionsQuery.data;
  const error = publishedQuery.error ?? resourcesQuery.error ?? definitionsQuery.error ?? undefined;
  const loadOverview = () => overviewQuery.refetch();
  const loadResources = () => resourcesQuery.refetch();

  return (
    <main className={layout.page}>
      <Title2 block as="h1">Training hub: Learning Organisations</Title2>
      <SectionTabs<HubTab>
        tabs={[
          { id: 'applications', title: 'Applications' },
          { id: 'published', title: 'Approved Learning Organisations' },
          { id: 'library', title: 'Resource library' },
        ]}
        selected={tab}
        onSelect={setTab}
        label="Hub views"
      />
      {error ? <Problem error={error} /> : null}
      {tab === 'applications' && (
        <section aria-labelledby="hub-apps">
          <Title3 block as="h2" id="hub-apps">
            Every PCN's application
          </Title3>
          {overviewError !== undefined &&
            (isForbidden(overviewError) ? (
              <MessageBar intent="info">
                <MessageBarBody>This overview is for the training hub's reviewers. The approved Learning Organisations and the resource library are open to everyone.</MessageBarBody>
              </MessageBar>
            ) : (
              <Problem error={overviewError} title="Could not load the applications" />
            ))}
          {!overview && overviewError === undefined && <Spinner label="Loading applications" />}
          {overview && <Applications overview={overview} definitions={definitions} onChanged={() => void loadOverview()} />}
        </section>
      )}
      {tab === 'published' && (
        <section aria-labelledby="hub-published">
          <Title3 block as="h2" id="hub-published">
            Approved Learning Organisations and their practices
          </Title3>
          {published ? <Published list={published} /> : <Spinner label="Loading the list" />}
        </section>
      )}
      {tab === 'library' &&
        (resources ? (
          <ResourceLibrary resources={resources.resources} canManage={resources.canManage} sections={definitions?.sections ?? []} onChanged={() => void loadResources()} />
        ) : (
          <Spinner label="Loading the library" />
        ))}
    </main>
  );
}
