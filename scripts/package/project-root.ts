import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root folder, from a module in scripts/package (run by vitest from source) or in
 * dist/scripts/package (compiled by `npm run build`).
 */
export function projectRoot(moduleUrl: string): string {
  const here = dirname(fileURLToPath(moduleUrl));
  const compiled = here.endsWith(`${sep}${join('dist', 'scripts', 'package')}`);
  return compiled ? resolve(here, '../../..') : resolve(here, '../..');
}

/** True when the module at `moduleUrl` is the script node was asked to run. */
export function isMain(moduleUrl: string): boolean {
  return Boolean(process.argv[1]) && resolve(process.argv[1]!) === fileURLToPath(moduleUrl);
}
