import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage, parseArguments, renderManifest, type BuiltPackage } from '../../scripts/package/build-package.js';
import { readEnvFile } from '../../scripts/package/env-file.js';
import { PackageError } from '../../scripts/package/package-error.js';
import { placeholdersIn } from '../../scripts/package/placeholders.js';
import { bundledTeamsSchemaPath, validateManifest } from '../../scripts/package/validate-manifest.js';

const root = join(import.meta.dirname, '..', '..');
const template: unknown = JSON.parse(readFileSync(join(root, 'manifest', 'manifest.template.json'), 'utf8'));
const devEnv = readEnvFile(join(root, 'env', '.env.dev'));

const PHRASES = [
  "what's due",
  'record a completion',
  'bring a certificate',
  'ask for an extension',
  'not relevant to my role',
  'my team',
  'who is overdue',
  'pending requests',
  'is <name> cleared to work',
  'help',
];

interface Manifest {
  id: string;
  manifestVersion: string;
  bots: Array<{ botId: string; scopes: string[]; supportsFiles: boolean; commandLists: Array<{ scopes: string[]; commands: Array<{ title: string }> }> }>;
  staticTabs: Array<{ entityId: string; name?: string; contentUrl?: string }>;
  configurableTabs: Array<{ configurationUrl: string; scopes: string[]; canUpdateConfiguration: boolean }>;
  webApplicationInfo: { id: string; resource: string };
  validDomains: string[];
}

describe('the Teams app package for env dev', () => {
  let outDir: string;
  let built: BuiltPackage;
  let manifest: Manifest;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'ml-app-package-'));
    built = await buildPackage({ envName: 'dev', root, outDir });
    manifest = JSON.parse(readFileSync(built.manifestPath, 'utf8')) as Manifest;
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('when built, then it writes <out>/dev/manifest.json and <out>/appPackage.dev.zip', () => {
    expect(built.manifestPath).toBe(join(outDir, 'dev', 'manifest.json'));
    expect(built.zipPath).toBe(join(outDir, 'appPackage.dev.zip'));
  });

  it('when built, then every placeholder of the template is filled with the value from env/.env.dev', () => {
    const text = readFileSync(built.manifestPath, 'utf8');
    expect(placeholdersIn(template).length).toBeGreaterThan(5);
    expect(text).not.toContain('${{');
    expect(manifest.id).toBe(devEnv.get('TEAMS_APP_ID'));
    expect(manifest.bots[0]?.botId).toBe(devEnv.get('BOT_ID'));
    expect(manifest.validDomains).toEqual([devEnv.get('APP_DOMAIN')]);
    expect(manifest.webApplicationInfo).toEqual({
      id: devEnv.get('AAD_APP_CLIENT_ID'),
      resource: `api://${devEnv.get('APP_DOMAIN')}/${devEnv.get('AAD_APP_CLIENT_ID')}`,
    });
  });

  it("when validated offline against Microsoft's bundled JSON schema, then there are no errors", async () => {
    expect(readFileSync(bundledTeamsSchemaPath(manifest.manifestVersion), 'utf8')).toContain('"$schema"');
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it('when the manifest is broken (no id, an unknown bot scope), then the schema check reports it', async () => {
    const { id: _id, ...withoutId } = manifest;
    const errors = await validateManifest(withoutId);
    expect(errors.join('\n')).toMatch(/must have required property 'id'/);
    const badScope = { ...manifest, bots: [{ ...manifest.bots[0], scopes: ['everyone'] }] };
    expect((await validateManifest(badScope)).length).toBeGreaterThan(0);
  });

  it('when the zip is opened, then it holds exactly manifest.json, color.png and outline.png at its root', async () => {
    const zip = await JSZip.loadAsync(readFileSync(built.zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(await zip.file('manifest.json')?.async('string')).toBe(readFileSync(built.manifestPath, 'utf8'));
    const color = await zip.file('color.png')?.async('nodebuffer');
    expect(color?.equals(readFileSync(join(root, 'manifest', 'color.png')))).toBe(true);
  });

  it('when a person opens the bot, then the main phrases are offered as commands in the personal scope', () => {
    const bot = manifest.bots[0]!;
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot.supportsFiles).toBe(false);
    const personal = bot.commandLists.find((list) => list.scopes.includes('personal'));
    expect(personal?.commands.map((command) => command.title)).toEqual(PHRASES);
  });

  it('when installed, then the tabs are My learning, My team and Reports, and a configurable channel tab', () => {
    const domain = devEnv.get('APP_DOMAIN');
    const named = manifest.staticTabs.filter((tab) => tab.name).map((tab) => [tab.name, tab.contentUrl]);
    expect(named).toEqual([
      ['My learning', `https://${domain}/tab/my-learning`],
      ['My team', `https://${domain}/tab/team`],
      ['Reports', `https://${domain}/tab/reports`],
    ]);
    expect(manifest.configurableTabs).toEqual([
      expect.objectContaining({ configurationUrl: `https://${domain}/tab/config`, scopes: ['team', 'groupChat'], canUpdateConfiguration: true }),
    ]);
  });
});

describe('filling the manifest template', () => {
  const tiny = { id: '${{TEAMS_APP_ID}}', name: 'x ${{ APP_DOMAIN }}', list: ['${{NOT_IN_ENV}}', '${{EMPTY_ONE}}'] };

  it('when a placeholder is missing from the env file or empty there, then it fails naming each of them', () => {
    const env = new Map([
      ['TEAMS_APP_ID', 'abc'],
      ['APP_DOMAIN', 'example.net'],
      ['EMPTY_ONE', ''],
    ]);
    expect(() => renderManifest(tiny, env, 'env/.env.test')).toThrow(PackageError);
    try {
      renderManifest(tiny, env, 'env/.env.test');
    } catch (error) {
      const problems = (error as PackageError).problems.join('\n');
      expect(problems).toMatch(/NOT_IN_ENV.*does not define NOT_IN_ENV/);
      expect(problems).toMatch(/EMPTY_ONE.*left unfilled/);
    }
  });

  it('when every placeholder has a value, then strings are filled and nothing else changes', () => {
    const env = new Map([
      ['TEAMS_APP_ID', 'a"b\\c'],
      ['APP_DOMAIN', 'example.net'],
      ['NOT_IN_ENV', '1'],
      ['EMPTY_ONE', '2'],
    ]);
    expect(renderManifest(tiny, env, 'env/.env.test')).toEqual({ id: 'a"b\\c', name: 'x example.net', list: ['1', '2'] });
  });

  it('when a placeholder is malformed, then it is reported rather than left in the manifest', () => {
    expect(() => renderManifest({ a: '${{lower-case}}' }, new Map(), 'env/.env.test')).toThrow(/malformed placeholder/);
  });

  it('when the environment file does not exist, then the message says which one and how to make it', async () => {
    await expect(buildPackage({ envName: 'nowhere', root, outDir: tmpdir() })).rejects.toThrow(/env\/\.env\.nowhere was not found/);
  });

  it('when the command line is wrong, then usage is shown', () => {
    expect(parseArguments(['--env', 'dev', '--out', 'x'])).toEqual({ envName: 'dev', outDir: 'x' });
    expect(() => parseArguments([])).toThrow(/usage/);
    expect(() => parseArguments(['--env'])).toThrow(/unexpected argument/);
  });
});
