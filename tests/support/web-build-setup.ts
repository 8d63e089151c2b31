import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const root = join(import.meta.dirname, '..', '..');
const built = join(root, 'dist', 'tab-web', 'index.html');

function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the tab's browser app once per run, unless the build is newer than every source file. */
export async function setup(): Promise<void> {
  const sources = Math.max(newestUnder(join(root, 'tab', 'web')), existsSync(join(root, 'tab', 'shared')) ? newestUnder(join(root, 'tab', 'shared')) : 0);
  if (existsSync(built) && statSync(built).mtimeMs > sources) return;
  await build({ configFile: join(root, 'tab', 'web', 'vite.config.ts') });
}
