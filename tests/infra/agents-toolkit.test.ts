import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readEnvFile } from '../../scripts/package/env-file.js';
import { placeholdersIn } from '../../scripts/package/placeholders.js';
import { outputs } from './bicep-text.js';

const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Step {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface Project {
  version: string;
  environmentFolderPath: string;
  provision: Step[];
  deploy: Step[];
  publish: Step[];
}

const project = parse(read('m365agents.yml')) as Project;
const allSteps = [...project.provision, ...project.deploy, ...project.publish];
const uses = (steps: Step[]) => steps.map((step) => step.uses);

/** Set by the Toolkit itself, or asked for when empty. */
const BUILT_IN = ['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME'];

describe('m365agents.yml', () => {
  it('when read, then it is a Toolkit project of schema v1.x whose environments live in env/', () => {
    expect(project.version).toMatch(/^v1\.\d+$/);
    expect(read('m365agents.yml')).toContain(`https://aka.ms/m365-agents-toolkits/${project.version}/yaml.schema.json`);
    expect(project.environmentFolderPath).toBe('./env');
  });

  it('when provisioning, then it creates the apps, deploys the Bicep, then sets up sign-in and the Teams app, in that order', () => {
    const order = uses(project.provision);
    const expected = ['teamsApp/create', 'aadApp/create', 'botAadApp/create', 'arm/deploy', 'aadApp/update', 'teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/update'];
    expect(order.filter((action) => expected.includes(action))).toEqual(expected);
    const arm = project.provision.find((step) => step.uses === 'arm/deploy');
    expect(arm?.with?.templates).toEqual([expect.objectContaining({ path: './infra/azure.bicep', parameters: './infra/azure.parameters.json' })]);
  });

  it('when deploying and publishing, then it builds with npm, zip-deploys to App Service and publishes the package', () => {
    expect(project.deploy).toEqual(expect.arrayContaining([expect.objectContaining({ uses: 'cli/runNpmCommand', with: { args: 'run build' } })]));
    expect(uses(project.deploy).at(-1)).toBe('azureAppService/zipDeploy');
    expect(uses(project.publish).at(-1)).toBe('teamsApp/publishAppPackage');
  });

  it('when a step names a file, then that file exists', () => {
    const fileKeys = ['manifestPath', 'parameters', 'path', 'ignoreFile'];
    const named = allSteps.flatMap((step) => {
      const templates = (step.with?.templates as Array<Record<string, unknown>> | undefined) ?? [];
      return [step.with ?? {}, ...templates].flatMap((w) => fileKeys.map((key) => w[key]).filter((v): v is string => typeof v === 'string'));
    });
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });

  it('when the Toolkit packages the app, then it writes where build-package does', () => {
    const zip = project.provision.find((step) => step.uses === 'teamsApp/zipAppPackage');
    expect(zip?.with).toEqual({
      manifestPath: './manifest/manifest.template.json',
      outputZipPath: './dist/app-package/appPackage.${{TEAMSFX_ENV}}.zip',
      outputFolder: './dist/app-package/${{TEAMSFX_ENV}}',
    });
  });
});

describe('the env files and every ${{NAME}} the project uses', () => {
  const written = new Set([...BUILT_IN, ...allSteps.flatMap((step) => Object.values(step.writeToEnvironmentFile ?? {})), ...outputs(read('infra/azure.bicep'))]);
  const example = readEnvFile(join(root, 'env', '.env.dev.example'));
  const dev = readEnvFile(join(root, 'env', '.env.dev'));
  const referenced = placeholdersIn([
    read('m365agents.yml'),
    read('infra/azure.parameters.json'),
    read('manifest/manifest.template.json'),
    read('manifest/aad.manifest.json'),
  ]);

  it('when a file uses a placeholder, then the Toolkit writes it or env/.env.dev.example explains it', () => {
    expect(referenced.filter((name) => !written.has(name) && !example.has(name))).toEqual([]);
  });

  it('when the Toolkit writes a key, then the example explains it, unless it is a secret kept in the .user file', () => {
    const notSecret = [...written].filter((name) => !name.startsWith('SECRET_') && !['AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'TEAMSFX_ENV'].includes(name));
    expect(notSecret.filter((name) => !example.has(name))).toEqual([]);
  });

  it('when env/.env.dev and the example are compared, then they have the same keys and neither holds a secret', () => {
    expect([...dev.keys()].sort()).toEqual([...example.keys()].sort());
    expect([...dev.keys(), ...example.keys()].filter((key) => key.startsWith('SECRET_'))).toEqual([]);
  });
});
