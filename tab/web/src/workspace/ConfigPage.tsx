import { mergeClasses, Body1, Button, Field, Input, Link, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Spinner, Subtitle2, Title2 } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ApplicationSummary, LinkChannelRequest, Practice, WorkspaceListResponse } from '../../../shared/workspace-api';
import { useSession } from '../session';
import { Problem } from '../shell/Problem';
import { pages } from '@microsoft/teams-js';
import { workspaceHref } from './ApplicationList';
import { PracticesEditor, practiceProblem } from './PracticesEditor';
import { workspaceApi } from './workspace-client';
import { useLayout } from '../ui/styles';
import { useBits } from './bits';

const NEW = 'new';

/**
 * The configurable channel tab's configuration page: links the channel to its PCN's application,
 * creating one or picking the existing one. In Teams, "Save" runs the link and then `setConfig`
 * (content URL /tab/workspace?app=<id>); standalone (development mode) the same choice is made with
 * a button, and the page links to the workspace.
 */
export default function ConfigPage() {
  const layout = useLayout();
  const bits = useBits();
  const { host } = useSession();
  const inTeams = host.kind === 'teams';
  const channel: LinkChannelRequest | undefined =
    host.kind === 'teams' && host.context.channel?.id
      ? {
          channelId: host.context.channel.id,
          teamId: host.context.team?.groupId ?? host.context.team?.internalId ?? host.context.channel.id,
          ...(host.context.team?.displayName ? { teamName: host.context.team.displayName } : {}),
          ...(host.context.channel.displayName ? { channelName: host.context.channel.displayName } : {}),
        }
      : undefined;

  const [list, setList] = useState<WorkspaceListResponse>();
  const [linkedId, setLinkedId] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [choice, setChoice] = useState<string>();
  const [title, setTitle] = useState('');
  const [practices, setPractices] = useState<Practice[]>([{ name: '', odsCode: '' }]);
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ApplicationSummary>();

  useEffect(() => {
    Promise.all([workspaceApi.list(), channel ? workspaceApi.byChannel(channel.channelId) : Promise.resolve(undefined)]).then(([l, link]) => {
      setList(l);
      if (link?.linked) setLinkedId(link.application.id);
      setChoice(link?.linked ? link.application.id : (l.applications[0]?.id ?? (l.canCreate ? NEW : undefined)));
      if (l.practiceName) setPractices([{ name: l.practiceName, odsCode: '' }]);
      if (l.pcnName) setTitle(`${l.pcnName} Learning Organisation application`);
    }, setError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const valid = choice !== undefined && (choice !== NEW || practices.every((p) => !practiceProblem(p)));

  /** Creates or links, as the server decides; answers the application the tab will show. */
  const commit = async (): Promise<ApplicationSummary> => {
    if (choice === NEW) return workspaceApi.create({ ...(title.trim() ? { title: title.trim() } : {}), practices, ...(channel ? { channel } : {}) });
    const existing = list?.applications.find((a) => a.id === choice);
    if (!existing) throw new Error('Choose an application.');
    return channel && linkedId !== existing.id ? workspaceApi.linkChannel(existing.id, channel) : existing;
  };
  const commitRef = useRef(commit);
  commitRef.current = commit;

  // Teams: the dialog's Save button is enabled only while the choice is valid, and runs the link.
  useEffect(() => {
    if (!inTeams) return;
    try {
      pages.config.setValidityState(valid);
    } catch {
      // not in a configuration frame
    }
  }, [inTeams, valid]);
  useEffect(() => {
    if (!inTeams) return;
    try {
      pages.config.registerOnSaveHandler((saveEvent) => {
        void (async () => {
          try {
            const app = await commitRef.current();
            const url = `${location.origin}/tab/workspace?app=${encodeURIComponent(app.id)}`;
            await pages.config.setConfig({ contentUrl: url, websiteUrl: url, entityId: `learning-organisation-${app.id}`, suggestedDisplayName: 'Learning Organisation' });
            saveEvent.notifySuccess();
          } catch (e) {
            setError(e);
            saveEvent.notifyFailure(e instanceof Error ? e.message : String(e));
          }
        })();
      });
    } catch {
      // not in a configuration frame
    }
  }, [inTeams]);

  const submitStandalone = async () => {
    setShowErrors(true);
    if (!valid) return;
    setBusy(true);
    setError(undefined);
    try {
      setDone(await commitRef.current());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className={mergeClasses(layout.page, layout.narrowPage)}>
      <Title2 block as="h1">Set up the Learning Organisation tab</Title2>
      <Body1 block as="p">
        {inTeams
          ? `This tab shows ${channel?.channelName ? `the ${channel.channelName} channel's` : "this channel's"} Learning Organisation application, so everyone in the PCN works on one copy.`
          : 'Outside Teams: choose or start an application, then open its workspace.'}
      </Body1>
      {error !== undefined && <Problem error={error} title="Could not set up the tab" />}
      {!list && error === undefined && <Spinner label="Loading your PCN's applications" />}
      {list && !list.canCreate && list.applications.length === 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>You are not part of a PCN's application, and cannot start one. Ask your practice manager to set up the tab.</MessageBarBody>
        </MessageBar>
      )}
      {list && (list.applications.length > 0 || list.canCreate) && !done && (
        <>
          <RadioGroup value={choice ?? ''} onChange={(_, d) => setChoice(d.value)} aria-label="Which application this tab shows">
            {list.applications.map((a) => (
              <Radio key={a.id} value={a.id} label={`${a.title || a.pcnName}${a.id === linkedId ? ' (linked to this channel)' : ''} — ${a.practices.length} practices, ${a.progress.percent}% complete`} />
            ))}
            {list.canCreate && <Radio value={NEW} label={`Start a new application${list.pcnName ? ` for ${list.pcnName}` : ''}`} />}
          </RadioGroup>
          {choice === NEW && (
            <section aria-labelledby="new-app" className={bits.column}>
              <Subtitle2 block as="h2" id="new-app">
                The new application
              </Subtitle2>
              <Field label="Title">
                <Input value={title} onChange={(_, d) => setTitle(d.value)} />
              </Field>
              <PracticesEditor practices={practices} onChange={setPractices} showErrors={showErrors} />
            </section>
          )}
          {!inTeams && (
            <div>
              <Button appearance="primary" disabled={busy || choice === undefined} onClick={() => void submitStandalone()}>
                {busy ? 'Working…' : choice === NEW ? 'Create the application' : 'Use this application'}
              </Button>
            </div>
          )}
        </>
      )}
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Ready</MessageBarTitle>
            {done.title || done.pcnName} is set up. <Link href={workspaceHref(done.id)}>Open the workspace</Link>
          </MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
