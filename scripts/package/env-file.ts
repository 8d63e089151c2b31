import { readFileSync } from 'node:fs';
import { PackageError } from './package-error.js';

/**
 * Reads an environment file of the Agents Toolkit's kind (env/.env.<name>): one KEY=VALUE a line,
 * blank lines and lines starting with # ignored, a value optionally in matching quotes. Nothing is
 * expanded and no inline comment is stripped (a URL may hold a #).
 */
export type EnvValues = ReadonlyMap<string, string>;

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseEnvFile(text: string, fileLabel: string): EnvValues {
  const values = new Map<string, string>();
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const equals = line.indexOf('=');
    const key = equals < 0 ? line : line.slice(0, equals).trim();
    if (equals < 0 || !KEY.test(key)) {
      problems.push(`line ${index + 1}: expected KEY=VALUE, found "${line.slice(0, 60)}"`);
      return;
    }
    if (values.has(key)) problems.push(`line ${index + 1}: ${key} is set twice`);
    values.set(key, unquote(line.slice(equals + 1).trim()));
  });
  if (problems.length > 0) throw new PackageError(`${fileLabel} is not a valid environment file:`, problems);
  return values;
}

function unquote(value: string): string {
  const first = value[0];
  return value.length >= 2 && (first === '"' || first === "'") && value.endsWith(first) ? value.slice(1, -1) : value;
}

export function readEnvFile(path: string, fileLabel: string = path): EnvValues {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new PackageError(`${fileLabel} was not found: create it from env/.env.dev.example`, []);
  }
  return parseEnvFile(text, fileLabel);
}
