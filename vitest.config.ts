import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { LongestFirstSequencer } from './tests/support/longest-first-sequencer.js';

/**
 * Four kinds of test, each a Vitest project with only the set-up it needs:
 * - unit: pure code and use cases over in-memory fakes; no Azurite, no build (well under a minute);
 * - storage: repositories against their own in-memory Azurite;
 * - api: the real server in-process or as a process, over HTTP, Bot Framework activities and the
 *   Agents Playground, on their own Azurite (the tab is not built; its static routes answer 503);
 * - browser: the tab in Debian's chromium, on the built tab (built once per run) and their own Azurite.
 * A file's kind follows from what it reaches (its own imports and the test helpers they import), so a
 * new test lands in the right project by itself. `npm test` runs them all; `vitest --project unit` one.
 */
const root = import.meta.dirname;
const KINDS = ['unit', 'storage', 'api', 'browser'] as const;
type Kind = (typeof KINDS)[number];

const MARKS: [Kind, RegExp][] = [
  ['browser', /support\/(browser|built-tab)\.js/],
  ['api', /support\/(test-app|worker-processes|playground-driver|reminder-fixture)\.js|server\/server-process\.js|server\/app\.js'|\bstartApp\(/],
  ['storage', /support\/test-store\.js|server\/dev\/azurite\.js/],
];

const seen = new Map<string, Set<Kind>>();
function marksOf(file: string): Set<Kind> {
  const known = seen.get(file);
  if (known) return known;
  const marks = new Set<Kind>();
  seen.set(file, marks);
  const text = readFileSync(file, 'utf8');
  for (const [kind, pattern] of MARKS) if (pattern.test(text)) marks.add(kind);
  // Follow the test helpers it imports (relative imports inside tests/).
  for (const [, spec] of text.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
    const target = resolve(dirname(file), `${spec}.ts`);
    if (target.startsWith(join(root, 'tests')) && !target.endsWith('.test.ts')) {
      try {
        for (const kind of marksOf(target)) marks.add(kind);
      } catch {
        // not a TypeScript helper (a fixture, a .tsx): nothing to follow
      }
    }
  }
  return marks;
}

function kindOf(file: string): Kind {
  const marks = marksOf(file);
  return ([...KINDS].reverse().find((kind) => marks.has(kind)) ?? 'unit') as Kind;
}

const files = globSync('tests/**/*.test.ts', { cwd: root });
const byKind = Object.fromEntries(KINDS.map((kind) => [kind, files.filter((f) => kindOf(join(root, f)) === kind)])) as Record<Kind, string[]>;

const AZURITE = 'tests/support/azurite-global-setup.ts';
const WEB_BUILD = 'tests/support/web-build-setup.ts';
const SERVER_BUNDLE = 'tests/support/server-bundle-setup.ts';

const project = (name: Kind, globalSetup: string[], extra: TestProjectInlineConfiguration['test'] = {}): TestProjectInlineConfiguration => ({
  extends: true,
  test: { name, include: byKind[name].length ? byKind[name] : ['tests/__none__.test.ts'], globalSetup, ...extra },
});

export default defineConfig({
  test: {
    pool: 'forks',
    // Vitest's default on 2 cores is one file at a time; most files wait on Azurite, child processes and
    // browsers, so several at once keep both cores busy (measured: see README, "The test suite").
    maxWorkers: 3,
    // Each worker loads botbuilder, teams-ai, the Azure SDKs… once, not once per file: files share no
    // module state (each starts its own app on its own table prefix).
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      project('unit', []),
      project('storage', [AZURITE]),
      project('api', [AZURITE, SERVER_BUNDLE]),
      // A browser page on a loaded 2-core machine can take a while; the figures are measured by benchmarks, not here.
      project('browser', [AZURITE, WEB_BUILD], { testTimeout: 90_000 }),
    ],
  },
});

