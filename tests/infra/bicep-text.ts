/**
 * Just enough reading of Bicep text for the drift tests (no Bicep compiler here): the entries of the
 * web app's appSettings array, the params with their decorators, and the outputs.
 */

export interface BicepParam {
  name: string;
  type: string;
  hasDefault: boolean;
  decorators: string[];
}

/** The text between the `[` after `appSettings:` and its matching `]`; undefined when absent. */
function appSettingsBlock(bicep: string): string | undefined {
  const start = /appSettings:\s*\[/.exec(bicep);
  if (!start) return undefined;
  let depth = 0;
  for (let i = start.index + start[0].length - 1; i < bicep.length; i++) {
    if (bicep[i] === '[') depth++;
    if (bicep[i] === ']' && --depth === 0) return bicep.slice(start.index + start[0].length, i);
  }
  return undefined;
}

/** The `name: '…'` of each app setting, in order. */
export function appSettingNames(bicep: string): string[] {
  const block = appSettingsBlock(bicep);
  if (block === undefined) return [];
  const withoutComments = block.replace(/\/\/.*$/gm, '');
  return [...withoutComments.matchAll(/\bname:\s*'([^']+)'/g)].map((m) => m[1]!);
}

export function params(bicep: string): BicepParam[] {
  const out: BicepParam[] = [];
  let decorators: string[] = [];
  let inDecorator = 0;
  for (const raw of bicep.split(/\r?\n/)) {
    const line = raw.trim();
    if (inDecorator > 0 || line.startsWith('@')) {
      if (line.startsWith('@')) decorators.push(line);
      const code = line.replace(/'(?:[^'\\]|\\.)*'/g, "''");
      inDecorator += (code.match(/\(/g) ?? []).length - (code.match(/\)/g) ?? []).length;
      continue;
    }
    const param = /^param\s+([A-Za-z_][A-Za-z0-9_]*)\s+([A-Za-z]+)(\s*=.*)?$/.exec(line);
    if (param) out.push({ name: param[1]!, type: param[2]!, hasDefault: Boolean(param[3]), decorators });
    if (line !== '' && !line.startsWith('//')) decorators = [];
  }
  return out;
}

export function outputs(bicep: string): string[] {
  return [...bicep.matchAll(/^output\s+([A-Za-z_][A-Za-z0-9_]*)\s/gm)].map((m) => m[1]!);
}
