import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseOptions, type IViolation } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const config = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs')) as { forbidden: NonNullable<ICruiseOptions['ruleSet']>['forbidden']; options: ICruiseOptions };

async function violations(baseDir: string, folders: string[], tsConfig?: string): Promise<IViolation[]> {
  const { options } = config;
  const result = await cruise(folders, {
    ...options,
    baseDir,
    ruleSet: { forbidden: config.forbidden },
    ...(tsConfig ? { tsConfig: { fileName: tsConfig } } : { tsConfig: undefined }),
    validate: true,
  } as ICruiseOptions);
  if (typeof result.output === 'string') throw new Error(result.output);
  return result.output.summary.violations;
}

/** A throw-away tree with the project's folder names, for proving that each rule bites. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ml-deps-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('the layering rules (dependency-cruiser, .dependency-cruiser.cjs)', () => {
  it('when the project is cruised, then no rule is broken', { timeout: 60_000 }, async () => {
    const found = await violations(root, ['core', 'bot', 'tab', 'server', 'scripts'], 'tsconfig.json');
    expect(found.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  it('when a tree breaks each rule once, then each break is reported by name', { timeout: 60_000 }, async () => {
    const dir = tree({
      'core/learning/uses-storage.ts': "import { repo } from '../storage/repo';\nexport const x = repo;\n",
      'core/learning/uses-storage-type.ts': "import type { Repo } from '../storage/repo';\nexport type Y = Repo;\n",
      'core/storage/repo.ts': 'export const repo = 1;\nexport type Repo = number;\n',
      'core/people/reaches-server.ts': "import { s } from '../../server/root';\nexport const y = s;\n",
      'server/root.ts': 'export const s = 1;\n',
      'bot/uses-tab.ts': "import { t } from '../tab/api/thing';\nexport const z = t;\n",
      'tab/api/thing.ts': "import { b } from '../../bot/thing';\nexport const t = b;\n",
      'bot/thing.ts': 'export const b = 1;\n',
      'core/time/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'core/time/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
    });
    const found = (await violations(dir, ['core', 'bot', 'tab', 'server'])).map((v) => `${v.rule.name}: ${v.from}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'domain-reaches-storage-through-ports: core/learning/uses-storage.ts',
        'core-imports-no-outer-layer: core/people/reaches-server.ts',
        'only-the-composition-root-imports-server: core/people/reaches-server.ts',
        'bot-and-tab-never-meet: bot/uses-tab.ts',
        'tab-and-bot-never-meet: tab/api/thing.ts',
        'no-runtime-cycles: core/time/a.ts',
      ]),
    );
    expect(found.filter((f) => f.endsWith('uses-storage-type.ts'))).toEqual([]);
  });
});
