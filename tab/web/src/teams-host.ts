import type { app } from '@microsoft/teams-js';

/** Where the page is running: inside Teams (teams-js initialised) or on its own (development, tests). */
export type HostTheme = 'default' | 'dark' | 'contrast';

export interface TeamsHost {
  kind: 'teams';
  theme: HostTheme;
  context: app.Context;
  onThemeChange(handler: (theme: HostTheme) => void): void;
  getToken(): Promise<string>;
}

export interface StandaloneHost {
  kind: 'standalone';
  theme: HostTheme;
  onThemeChange(handler: (theme: HostTheme) => void): void;
}

export type Host = TeamsHost | StandaloneHost;

/** How long a framed page waits for Teams to answer before deciding it is not in Teams. */
const FRAMED_INIT_TIMEOUT_MS = 3000;

function asTheme(value: string | null | undefined): HostTheme {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

/**
 * Detects the host without waiting for teams-js's 60-second time-out: a top-level page is never in
 * Teams (teams-js would reject at once anyway, so it is not even asked); a framed page races
 * `app.initialize()` against a short timer, so a foreign frame (a preview, a test harness) falls
 * back to standalone within seconds.
 */
export async function connectToHost(search = window.location.search): Promise<Host> {
  const requestedTheme = asTheme(new URLSearchParams(search).get('theme'));
  const standalone: StandaloneHost = { kind: 'standalone', theme: requestedTheme, onThemeChange: () => undefined };
  if (window.self === window.top) return standalone;
  try {
    // teams-js is fetched only in a frame: a page on its own never downloads or runs it.
    const { app, authentication } = await import('@microsoft/teams-js');
    await Promise.race([
      app.initialize(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('teams-js did not answer')), FRAMED_INIT_TIMEOUT_MS)),
    ]);
    const context = await app.getContext();
    app.notifySuccess();
    return {
      kind: 'teams',
      theme: asTheme(context.app.theme),
      context,
      onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(asTheme(theme))),
      getToken: () => authentication.getAuthToken(),
    };
  } catch {
    return standalone;
  }
}

