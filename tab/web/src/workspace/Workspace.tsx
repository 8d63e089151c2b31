import { Badge, Button, Caption1, Field, makeStyles, Select, Spinner, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Member, MembersResponse } from '../../../shared/workspace-api';
import { useApiQuery } from '../data/use-api';

const NO_MEMBERS: Member[] = [];
import { useSession } from '../session';
import { ChecklistPanel } from './ChecklistPanel';
import { todayFromCountdown } from './countdown';
import { STATUS_COLOR, STATUS_LABEL } from './labels';
import { NoAccess } from './NoAccess';
import { PracticesPanel } from './PracticesPanel';
import { ProgressBoard } from './ProgressBoard';
import { ResourcesPanel } from './ResourcesPanel';
import { newClientId, usePresence } from './use-presence';
import { OfflineBanner } from './editor/OfflineBanner';
import { useWorkspace } from './use-workspace';
import { isForbidden } from './workspace-client';
import { Problem } from '../shell/Problem';
import { WorkspaceHeader } from './WorkspaceHeader';
import { useBits } from './bits';

// A section's editors (Tiptap, ProseMirror) download when a section is first opened, not with the overview.
const SectionView = lazy(() => import('./SectionView').then((m) => ({ default: m.SectionView })));

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: '240px minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXXL,
    '@media (max-width: 760px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  nav: { '@media (max-width: 760px)': { display: 'none' } },
  narrowNav: { display: 'none', '@media (max-width: 760px)': { display: 'block' } },
  navList: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  navButton: { width: '100%', justifyContent: 'space-between', textAlign: 'start', minHeight: '40px', fontWeight: tokens.fontWeightRegular },
  group: { marginBlock: `${tokens.spacingVerticalM} ${tokens.spacingVerticalXS}`, color: tokens.colorNeutralForeground3 },
  overview: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(260px, 1fr)',
    gap: tokens.spacingHorizontalXXL,
    '@media (max-width: 1100px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, minWidth: 0 },
  content: { minWidth: 0 },
  fill: { width: '100%', minWidth: 0, maxWidth: '100%' },
});

function sectionFromUrl(): string | undefined {
  return new URLSearchParams(location.search).get('section') ?? undefined;
}

/** The workspace of one application: header, section navigation, and either the overview (board, checklist) or one section. */
export function Workspace({ appId }: { appId: string }) {
  const styles = useStyles();
  const { me } = useSession();
  const [origin] = useState(newClientId);
  const store = useWorkspace(appId, me.staffId, origin);
  const { view, error, live } = store;
  const [sectionId, setSectionId] = useState(sectionFromUrl);
  const [focusField, setFocusField] = useState<string>();
  const membersQuery = useApiQuery<MembersResponse>(['workspace', appId, 'members'], `/api/workspaces/${encodeURIComponent(appId)}/members`);
  const members: Member[] = membersQuery.data?.members ?? NO_MEMBERS;
  const unsent = useRef(0);
  unsent.current = store.docsState === 'synced' ? 0 : 1;

  const clientId = usePresence(view ? appId : undefined, { sectionId, fieldId: focusField, editing: focusField !== undefined }, store.applyPresence, origin);

  useEffect(() => {
    const onPop = () => setSectionId(sectionFromUrl());
    window.addEventListener('popstate', onPop);
    // Changes not yet shared are kept in this browser anyway; leaving still asks, so nobody leaves thinking they were shared.
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (unsent.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);

  const open = useCallback((id: string | undefined) => {
    const url = new URL(location.href);
    if (id) url.searchParams.set('section', id);
    else url.searchParams.delete('section');
    history.pushState(null, '', url);
    setSectionId(id);
    setFocusField(undefined);
    window.scrollTo({ top: 0 });
  }, []);

  if (error) {
    if (isForbidden(error)) return <NoAccess />;
    return <Problem error={error} title="Could not open the workspace" />;
  }
  if (!view) return <Spinner label="Loading the application" />;

  const defs = view.definitions.sections;
  const current = defs.find((d) => d.id === sectionId);
  const today = todayFromCountdown(view.application.countdown.deadline, view.application.countdown.daysLeft);
  const navItem = (id: string | undefined, label: string, badge?: React.ReactNode) => (
    <li key={id ?? 'overview'}>
      <Button appearance={(current?.id ?? undefined) === id ? 'secondary' : 'subtle'} className={styles.navButton} aria-current={(current?.id ?? undefined) === id ? 'page' : undefined} onClick={() => open(id)}>
        <span>{label}</span>
        {badge}
      </Button>
    </li>
  );
  const groups: { title: string; group: 'application' | 'domain' }[] = [
    { title: 'The application', group: 'application' },
    { title: 'Quality Framework domains', group: 'domain' },
  ];

  return (
    <>
      <WorkspaceHeader view={view} live={live} myClientId={clientId} onChanged={() => void store.reload()} />
      <OfflineBanner state={store.docsState} refused={store.refused} />
      {store.recent && (
        <RecentNotice
          text={`${store.recent.by} ${store.recent.kind === 'restore' ? 'restored' : 'saved'} “${defs.flatMap((d) => d.fields).find((f) => f.id === store.recent!.fieldId)?.label ?? 'a field'}” at ${new Date(store.recent.at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`}
        />
      )}
      <div className={styles.layout}>
        <nav className={styles.nav} aria-label="Sections">
          <ul className={styles.navList}>
            {navItem(undefined, 'Overview')}
            {groups.map((g) => (
              <li key={g.group}>
                <Caption1 block as="p" className={styles.group} id={`nav-${g.group}`}>
                  {g.title}
                </Caption1>
                <ul className={styles.navList} aria-labelledby={`nav-${g.group}`}>
                  {defs
                    .filter((d) => d.group === g.group)
                    .map((d) => {
                      const s = view.sections[d.id]?.status ?? 'not-started';
                      return navItem(
                        d.id,
                        `${d.number}. ${d.title}`,
                        <Badge appearance="tint" size="small" color={STATUS_COLOR[s]}>
                          {STATUS_LABEL[s]}
                        </Badge>,
                      );
                    })}
                </ul>
              </li>
            ))}
          </ul>
        </nav>
        <div className={styles.narrowNav}>
          <Field label="Go to">
            <Select className={styles.fill} select={{ className: styles.fill }} value={current?.id ?? ''} onChange={(_, d) => open(d.value || undefined)}>
              <option value="">Overview</option>
              {defs.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.number}. {d.title}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div id="workspace-main" className={styles.content}>
          {current ? (
            <Suspense fallback={<Spinner label="Opening the section" />}>
            <SectionView
              key={current.id}
              appId={appId}
              def={current}
              view={view}
              store={store}
              members={members}
              myClientId={clientId}
              onFocusField={setFocusField}
            />
            </Suspense>
          ) : (
            <div className={styles.overview}>
              <ProgressBoard view={view} today={today} onOpen={open} />
              <div className={styles.side}>
                <ChecklistPanel items={view.checklist} onOpen={open} />
                <PracticesPanel application={view.application} canEdit={view.me.canEdit} onSaved={(a) => {
                  store.applyApplication(a);
                  store.scheduleRefresh();
                }} />
                <ResourcesPanel sectionId={undefined} resources={view.resources} />
              </div>
            </div>
          )}
        </div>
      </div>
    </>
  );
}

/** "Megan Bowen saved Induction information at 14:02": a quiet, polite line (announced, never in the way). */
function RecentNotice({ text }: { text: string }) {
  const bits = useBits();
  return (
    <Caption1 block as="p" role="status" className={bits.flush}>
      {text}
    </Caption1>
  );
}
