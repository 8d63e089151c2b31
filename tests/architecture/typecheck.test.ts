import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** The compiler's answer for one project: its exit code and what it printed (the errors, one a line). */
async function typecheck(project: string): Promise<{ code: number; errors: string[] }> {
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', project, '--noEmit', '--pretty', 'false'], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, errors: [] };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? 1, errors: (failed.stdout ?? String(error)).split('\n').filter((line) => line.trim()) };
  }
}

/**
 * The type check is part of `npm test` as a test of its own, so it runs beside the rest of the suite
 * (on two cores the suite spends much of its time waiting on child processes and browsers) rather
 * than before it; `npm run typecheck` runs the same two projects on their own.
 */
describe('the type check (tsc --noEmit)', () => {
  it('when the server, bot, core, scripts and tests are checked, then there is no type error', { timeout: 240_000 }, async () => {
    expect(await typecheck('tsconfig.json')).toEqual({ code: 0, errors: [] });
  });

  it('when the tab web app is checked, then there is no type error', { timeout: 240_000 }, async () => {
    expect(await typecheck(join('tab', 'web', 'tsconfig.json'))).toEqual({ code: 0, errors: [] });
  });
});
