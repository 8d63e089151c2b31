import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PEOPLE, startDemoTab } from '../support/demo-tab.js';
import { ms, summarise } from './stats.js';

/**
 * `npm run bench:tab`: how long each page of the tab takes to show its content, cold cache, in
 * Debian's chromium, on a throttled link (Chromium's network emulation through the DevTools
 * protocol: Network.emulateNetworkConditions, 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency) and,
 * in the same run and interleaved, on loopback (the baseline). Each sample is a fresh browser
 * context (empty cache), timed from navigation until the page's content is visible: for My learning
 * its first requirement row. Also what each page downloads (bytes on the wire, as compressed).
 */
const { values } = parseArgs({ options: { samples: { type: 'string', default: '5' }, staff: { type: 'string', default: '200' } } });
const SAMPLES = Number(values.samples);
const THROTTLED = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

interface PageSpec {
  name: string;
  path: string;
  as: string;
  extra?: Record<string, string>;
  /** The content that counts as "shown". */
  shown(page: Page): Promise<unknown>;
  goal: number;
}

async function sample(browser: Browser, base: string, spec: PageSpec, throttled: boolean): Promise<{ ms: number; bytes: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttled) await cdp.send('Network.emulateNetworkConditions', THROTTLED);
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength));
  const search = new URLSearchParams({ as: spec.as, ...(spec.extra ?? {}) });
  const started = performance.now();
  await page.goto(`${base}/tab/${spec.path}?${search.toString()}`, { waitUntil: 'commit' });
  await spec.shown(page);
  const took = performance.now() - started;
  await context.close();
  return { ms: took, bytes };
}

async function main(): Promise<void> {
  const demo = await startDemoTab({ staff: Number(values.staff) });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const visible = (page: Page, selector: string) => page.locator(selector).first().waitFor({ state: 'visible', timeout: 60_000 });
  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { name }).first().waitFor({ timeout: 60_000 });
  const specs: PageSpec[] = [
    { name: 'My learning (first row)', path: 'my-learning', as: PEOPLE.alex, shown: (p) => visible(p, 'tr[data-subject]'), goal: 2500 },
    { name: 'My team (decisions and matrix)', path: 'team', as: PEOPLE.megan, shown: (p) => visible(p, 'tr[data-staff]'), goal: 3500 },
    { name: 'Reports (figures and subject table)', path: 'reports', as: PEOPLE.adele, shown: (p) => p.getByRole('table', { name: 'Compliance by subject', exact: true }).waitFor({ timeout: 60_000 }), goal: 3500 },
    { name: 'Reports (the chart drawn)', path: 'reports', as: PEOPLE.adele, shown: (p) => p.getByRole('img', { name: /Compliance by subject/ }).waitFor({ timeout: 60_000 }), goal: 3500 },
    { name: 'Administration (matrix)', path: 'admin', as: PEOPLE.adele, shown: (p) => heading(p, 'Roles and what they require'), goal: 3500 },
    { name: 'Learning Organisation workspace', path: 'workspace', as: PEOPLE.megan, extra: { app: demo.workspaceId }, shown: (p) => p.getByRole('navigation', { name: 'Sections' }).waitFor({ timeout: 60_000 }), goal: 3500 },
    { name: 'Training hub', path: 'hub', as: PEOPLE.nestor, shown: (p) => p.getByRole('table').first().or(p.getByText(/No applications/)).first().waitFor({ timeout: 60_000 }), goal: 3500 },
  ];
  const rows: string[] = [];
  // The floor on this machine: a fresh context opening the server's one-line /healthz answer (a page with no script).
  specs.unshift({ name: 'baseline: /healthz, no script', path: '../healthz', as: PEOPLE.alex, shown: (p) => p.getByText('ok').first().waitFor({ timeout: 60_000 }), goal: 600 });
  try {
    // One warm-up each (the server's caches, Chromium's own start-up), not counted.
    for (const spec of specs) await sample(browser, demo.url, spec, false);
    for (const spec of specs) {
      const slow: number[] = [];
      const fast: number[] = [];
      let wire = 0;
      for (let i = 0; i < SAMPLES; i++) {
        // Interleaved: a throttled load, then a loopback load, so both see the same machine.
        const s = await sample(browser, demo.url, spec, true);
        slow.push(s.ms);
        wire = s.bytes;
        fast.push((await sample(browser, demo.url, spec, false)).ms);
      }
      const a = summarise(slow);
      const b = summarise(fast);
      const goal = spec.goal === 600 ? '—' : `${spec.goal === 2500 ? '< 2.5 s' : '< 3.5 s'} ${a.max < spec.goal ? 'met' : 'NOT met'}`;
      const line = `| ${spec.name} | ${ms(a.p50)} | ${ms(a.max)} | ${goal} | ${ms(b.p50)} | ${ms(b.max)} | ${spec.goal === 600 ? '—' : b.max < 600 ? 'met' : 'NOT met'} | ${Math.round(wire / 1024)} KB |`;
      rows.push(line);
      console.log(line);
    }
    console.log(`\n| page (n = ${SAMPLES} each) | throttled p50 | throttled max | goal | loopback p50 | loopback max | loopback < 600 ms | on the wire |\n|---|---|---|---|---|---|---|---|\n${rows.join('\n')}`);
  } finally {
    await browser.close();
    await demo.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
