import {
  Button,
  FluentProvider,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Toaster,
  tokens,
} from '@fluentui/react-components';
import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useState } from 'react';
import { apiFetch, ApiProblem, setTokenSource } from './api';
import { queryClient } from './data/query-client';
import { ROUTES, routeFor } from './routes';
import { SessionContext, type Me, type Session } from './session';
import { DevPersonPicker } from './shell/DevPersonPicker';
import { Problem } from './shell/Problem';
import { connectToHost, type Host, type HostTheme } from './teams-host';
import { useGlobalStyles, useLayout } from './ui/styles';
import { THEMES } from './ui/themes';

const DEV_PERSON_KEY = 'ml.devPerson';
export const TOASTER_ID = 'ml-toaster';

const useStyles = makeStyles({
  devBar: { paddingBlockStart: tokens.spacingVerticalS, paddingInline: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, '@media (max-width: 600px)': { paddingInline: tokens.spacingHorizontalM } },
  devNav: { listStyle: 'none', display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, padding: 0, margin: 0 },
});

/** The shell every page shares: host detection, theme, identity, the signed-in person, the data cache, then the page. */
export function App() {
  useGlobalStyles();
  const styles = useStyles();
  const layout = useLayout();
  const [host, setHost] = useState<Host>();
  const [theme, setTheme] = useState<HostTheme>('default');
  const [devPerson, setDevPerson] = useState<string | null>(() => new URLSearchParams(location.search).get('as') ?? sessionStorage.getItem(DEV_PERSON_KEY));
  const [me, setMe] = useState<Me>();
  const [error, setError] = useState<unknown>();

  const route = routeFor(location.pathname) ?? ROUTES[0]!;
  useEffect(() => {
    // The page's code downloads while the host is asked and the caller signed in, not after.
    void route.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    void connectToHost().then((connected) => {
      setTheme(connected.theme);
      connected.onThemeChange(setTheme);
      setHost(connected);
    });
  }, []);

  useEffect(() => {
    if (!host) return;
    if (host.kind === 'teams') setTokenSource(() => host.getToken());
    else if (devPerson) {
      sessionStorage.setItem(DEV_PERSON_KEY, devPerson);
      setTokenSource(async () => `dev:${devPerson}`);
    } else return;
    setMe(undefined);
    setError(undefined);
    queryClient.clear();
    // The page's first read goes out beside /api/me: one round trip saved on a slow link.
    route.prefetch?.(queryClient);
    apiFetch<Me>('/api/me').then(setMe, setError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host, devPerson]);

  const switchPerson = useCallback(() => {
    sessionStorage.removeItem(DEV_PERSON_KEY);
    const url = new URL(location.href);
    url.searchParams.delete('as');
    history.replaceState(null, '', url);
    setDevPerson(null);
    setMe(undefined);
  }, []);

  useEffect(() => {
    document.title = `${route.title} · Mandatory Learning`;
  }, [route]);

  let body;
  if (!host) body = <Spinner label="Starting" />;
  else if (host.kind === 'standalone' && !devPerson) body = <DevPersonPicker onPick={setDevPerson} />;
  else if (error) {
    const offerSwitch = host.kind === 'standalone' && error instanceof ApiProblem && (error.status === 401 || error.status === 403);
    body = (
      <main className={layout.page}>
        <Problem error={error} title="Could not sign you in" />
        {offerSwitch && <Link onClick={switchPerson}>Choose another demo person</Link>}
      </main>
    );
  } else if (!me) body = <Spinner label="Signing in" />;
  else {
    const session: Session = { host, me, theme };
    const Page = route.component;
    body = (
      <SessionContext.Provider value={session}>
        {host.kind === 'standalone' && (
          <header className={styles.devBar}>
            <MessageBar intent="warning">
              <MessageBarBody>
                Development mode: you are <strong>{me.name}</strong>.
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={switchPerson}>
                  Switch person
                </Button>
              </MessageBarActions>
            </MessageBar>
            <nav aria-label="Pages">
              <ul className={styles.devNav}>
                {ROUTES.filter((r) => r.nav).map((r) => (
                  <li key={r.path}>
                    <Link href={`/tab/${r.path}${location.search}`} aria-current={r === route ? 'page' : undefined}>
                      {r.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </header>
        )}
        <Suspense fallback={<Spinner label="Loading" />}>
          <Page />
        </Suspense>
      </SessionContext.Provider>
    );
  }

  return (
    <QueryClientProvider client={queryClient}>
      <FluentProvider theme={THEMES[theme]} className={layout.app} data-theme={theme}>
        <Toaster toasterId={TOASTER_ID} position="bottom-end" />
        {body}
      </FluentProvider>
    </QueryClientProvider>
  );
}
