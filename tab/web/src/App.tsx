import {
  Button,
  FluentProvider,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  Toaster,
  type Theme,
} from '@fluentui/react-components';
import { Suspense, useCallback, useEffect, useState } from 'react';
import { apiFetch, ApiProblem, setTokenSource } from './api';
import { ROUTES, routeFor } from './routes';
import { SessionContext, type Me, type Session } from './session';
import { DevPersonPicker } from './shell/DevPersonPicker';
import { Problem } from './shell/Problem';
import { connectToHost, type Host, type HostTheme } from './teams-host';

const THEMES: Record<HostTheme, Theme> = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };
const DEV_PERSON_KEY = 'ml.devPerson';
export const TOASTER_ID = 'ml-toaster';

/** The shell every page shares: host detection, theme, identity, the signed-in person, then the page. */
export function App() {
  const [host, setHost] = useState<Host>();
  const [theme, setTheme] = useState<HostTheme>('default');
  const [devPerson, setDevPerson] = useState<string | null>(() => new URLSearchParams(location.search).get('as') ?? sessionStorage.getItem(DEV_PERSON_KEY));
  const [me, setMe] = useState<Me>();
  const [error, setError] = useState<unknown>();

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
    apiFetch<Me>('/api/me').then(setMe, setError);
  }, [host, devPerson]);

  const switchPerson = useCallback(() => {
    sessionStorage.removeItem(DEV_PERSON_KEY);
    const url = new URL(location.href);
    url.searchParams.delete('as');
    history.replaceState(null, '', url);
    setDevPerson(null);
    setMe(undefined);
  }, []);

  const route = routeFor(location.pathname) ?? ROUTES[0]!;
  useEffect(() => {
    document.title = `${route.title} · Mandatory Learning`;
  }, [route]);

  let body;
  if (!host) body = <Spinner label="Starting" />;
  else if (host.kind === 'standalone' && !devPerson) body = <DevPersonPicker onPick={setDevPerson} />;
  else if (error) {
    const offerSwitch = host.kind === 'standalone' && error instanceof ApiProblem && (error.status === 401 || error.status === 403);
    body = (
      <main className="page">
        <Problem error={error} title="Could not sign you in" />
        {offerSwitch && <Link onClick={switchPerson}>Choose another demo person</Link>}
      </main>
    );
  } else if (!me) body = <Spinner label="Signing in" />;
  else {
    const session: Session = { host, me };
    const Page = route.component;
    body = (
      <SessionContext.Provider value={session}>
        {host.kind === 'standalone' && (
          <header className="dev-bar">
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
              <ul className="dev-nav">
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
    <FluentProvider theme={THEMES[theme]} className="app" data-theme={theme}>
      <Toaster toasterId={TOASTER_ID} position="bottom-end" />
      {body}
    </FluentProvider>
  );
}
