import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { readEnvFile, type EnvValues } from './env-file.js';
import { PackageError } from './package-error.js';
import { fillPlaceholders } from './placeholders.js';
import { isMain, projectRoot } from './project-root.js';
import { validateManifest } from './validate-manifest.js';
import { zipEntries } from './zip-package.js';

/**
 * Builds the Teams app package for one environment, offline:
 *   manifest/manifest.template.json + env/.env.<env>  →  dist/app-package/<env>/manifest.json
 *                                                     →  dist/app-package/appPackage.<env>.zip
 * The zip holds manifest.json, color.png and outline.png at its root. It stops, listing every
 * problem, when a placeholder has no value or the result does not satisfy Microsoft's schema.
 *
 *   node dist/scripts/package/build-package.js --env dev [--out <folder>]
 */

export interface BuildOptions {
  /** The environment's name: env/.env.<envName> is read. */
  envName: string;
  /** The project's root folder; by default, found from this file. */
  root?: string;
  /** Where to write; by default <root>/dist/app-package. */
  outDir?: string;
}

export interface BuiltPackage {
  manifest: Record<string, unknown>;
  manifestPath: string;
  zipPath: string;
}

const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
const ICON_FILE = /^[A-Za-z0-9_-]+\.png$/;

/** The template with every placeholder filled from `env`, or a PackageError naming each gap. */
export function renderManifest(template: unknown, env: EnvValues, envLabel: string): Record<string, unknown> {
  const filled = fillPlaceholders(template, env);
  const problems = [
    ...filled.unknown.map((name) => `\${{${name}}} is used by the manifest template but ${envLabel} does not define ${name}`),
    ...filled.unfilled.map((name) => `\${{${name}}} is left unfilled: ${name} is empty in ${envLabel}`),
    ...filled.malformed.map((text) => `malformed placeholder in "${text}": write \${{NAME}} with letters, digits and _`),
  ];
  if (problems.length > 0) throw new PackageError(`The app manifest cannot be filled from ${envLabel}:`, problems);
  const value = filled.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new PackageError('The manifest template is not a JSON object', []);
  return value as Record<string, unknown>;
}

function readJson(path: string, label: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PackageError(`${label} could not be read as JSON: ${error instanceof Error ? error.message : String(error)}`, []);
  }
}

function iconFiles(manifest: Record<string, unknown>): string[] {
  const icons = manifest.icons as { color?: unknown; outline?: unknown } | undefined;
  const names = [icons?.color, icons?.outline];
  const bad = names.filter((name) => typeof name !== 'string' || !ICON_FILE.test(name));
  if (bad.length > 0) throw new PackageError('icons.color and icons.outline must name PNG files beside the template', bad.map((b) => JSON.stringify(b)));
  return names as string[];
}

export async function buildPackage(options: BuildOptions): Promise<BuiltPackage> {
  const { envName } = options;
  if (!ENV_NAME.test(envName)) throw new PackageError(`"${envName}" is not an environment name (letters, digits, - and _)`, []);
  const root = resolve(options.root ?? projectRoot(import.meta.url));
  const outDir = resolve(options.outDir ?? join(root, 'dist', 'app-package'));
  const envLabel = `env/.env.${envName}`;

  const env = readEnvFile(join(root, 'env', `.env.${envName}`), envLabel);
  const template = readJson(join(root, 'manifest', 'manifest.template.json'), 'manifest/manifest.template.json');
  const manifest = renderManifest(template, env, envLabel);

  const errors = await validateManifest(manifest);
  if (errors.length > 0) throw new PackageError(`The manifest for ${envName} does not satisfy Microsoft's schema:`, errors);

  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  const icons = iconFiles(manifest).map((name) => ({ name: basename(name), data: readFileSync(join(root, 'manifest', name)) }));
  const zip = await zipEntries([{ name: 'manifest.json', data: manifestText }, ...icons]);

  const manifestPath = join(outDir, envName, 'manifest.json');
  const zipPath = join(outDir, `appPackage.${envName}.zip`);
  mkdirSync(join(outDir, envName), { recursive: true });
  writeFileSync(manifestPath, manifestText);
  writeFileSync(zipPath, zip);
  return { manifest, manifestPath, zipPath };
}

/** `--env <name>` and `--out <folder>`; anything else is refused. */
export function parseArguments(args: readonly string[]): { envName: string; outDir?: string } {
  let envName: string | undefined;
  let outDir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    if ((flag === '--env' || flag === '--out') && value && !value.startsWith('--')) {
      if (flag === '--env') envName = value;
      else outDir = value;
      i++;
    } else {
      throw new PackageError(`unexpected argument "${flag}": usage is build-package --env <name> [--out <folder>]`, []);
    }
  }
  if (!envName) throw new PackageError('usage: build-package --env <name> [--out <folder>]', []);
  return outDir ? { envName, outDir } : { envName };
}

async function main(): Promise<void> {
  try {
    const built = await buildPackage(parseArguments(process.argv.slice(2)));
    console.log(`wrote ${built.manifestPath}\nwrote ${built.zipPath}`);
  } catch (error) {
    console.error(error instanceof PackageError ? error.message : error);
    process.exitCode = 1;
  }
}

if (isMain(import.meta.url)) await main();
