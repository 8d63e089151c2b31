import type { EnvValues } from './env-file.js';

/**
 * `${{NAME}}` placeholders, the Agents Toolkit's convention, filled from an environment file. Filling
 * walks the parsed JSON and replaces inside string values only, so a value holding a quote or a
 * backslash cannot break the document.
 */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const OPENING = '${{';

export interface FillResult {
  value: unknown;
  /** Named by the template but absent from the environment file. */
  unknown: string[];
  /** In the environment file, but with an empty value. */
  unfilled: string[];
  /** `${{` not followed by a NAME and `}}`. */
  malformed: string[];
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((item) => strings(item, out));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((item) => strings(item, out));
  return out;
}

/** Every placeholder name in the strings of `value`, sorted, each once. */
export function placeholdersIn(value: unknown): string[] {
  const names = new Set<string>();
  for (const text of strings(value)) for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1]!);
  return [...names].sort();
}

export function fillPlaceholders(value: unknown, env: EnvValues): FillResult {
  const names = placeholdersIn(value);
  const malformed = strings(value).filter((text) => text.replace(PLACEHOLDER, '').includes(OPENING));
  const fill = (item: unknown): unknown => {
    if (typeof item === 'string') return item.replace(PLACEHOLDER, (whole, name: string) => env.get(name) || whole);
    if (Array.isArray(item)) return item.map(fill);
    if (item !== null && typeof item === 'object') return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, fill(v)]));
    return item;
  };
  return {
    value: fill(value),
    unknown: names.filter((name) => !env.has(name)),
    unfilled: names.filter((name) => env.get(name) === ''),
    malformed: [...new Set(malformed)],
  };
}
