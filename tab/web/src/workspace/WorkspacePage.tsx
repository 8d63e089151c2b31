import { Body1, Link, Spinner, Title2 } from '@fluentui/react-components';
import type { WorkspaceListResponse } from '../../../shared/workspace-api';
import { Problem } from '../shell/Problem';
import { ApplicationList } from './ApplicationList';
import { NoAccess } from './NoAccess';
import { Workspace } from './Workspace';
import { isForbidden } from './workspace-client';
import { useApiQuery } from '../data/use-api';
import { useLayout } from '../ui/styles';

/** /tab/workspace?app=<id>: one application's workspace; without an id, the caller's applications to open. */
export default function WorkspacePage() {
  const layout = useLayout();
  const appId = new URLSearchParams(location.search).get('app');
  return <main className={layout.page}>{appId ? <Workspace appId={appId} /> : <PickApplication />}</main>;
}

function PickApplication() {
  const query = useApiQuery<WorkspaceListResponse>(['workspaces'], '/api/workspaces');
  const list = query.data;
  const error = list ? undefined : (query.error ?? undefined);
  const configHref = `/tab/config${location.search}`;
  return (
    <>
      <Title2 block as="h1">Learning Organisation applications</Title2>
      {error !== undefined && (isForbidden(error) ? <NoAccess /> : <Problem error={error} title="Could not list the applications" />)}
      {!list && error === undefined && <Spinner label="Loading your applications" />}
      {list && list.applications.length === 0 && (
        <Body1 block as="p">
          {list.pcnName ? `${list.pcnName} has no application yet.` : 'You are not part of any application yet.'}{' '}
          {list.canCreate && <Link href={configHref}>Start one</Link>}
        </Body1>
      )}
      {list && list.applications.length > 0 && <ApplicationList applications={list.applications} />}
    </>
  );
}
