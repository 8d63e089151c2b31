import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_SCHEMA } from '../../server/config.js';
import { bicepProblems, PLATFORM_SETTINGS, PRODUCTION_SETTINGS } from './bicep-checks.js';
import { appSettingNames, outputs, params } from './bicep-text.js';

const infra = join(import.meta.dirname, '..', '..', 'infra');
const bicep = readFileSync(join(infra, 'azure.bicep'), 'utf8');
const parameters = JSON.parse(readFileSync(join(infra, 'azure.parameters.json'), 'utf8')) as { parameters: Record<string, { value: unknown }> };
const configKeys = new Set(Object.keys(ENV_SCHEMA.shape));

const BROKEN = `
param location string = resourceGroup().location
param botPassword string
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st'
  properties: {
    minimumTlsVersion: 'TLS1_2'
  }
}
resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app'
  properties: {
    siteConfig: {
      appSettings: [
        {
          name: 'APP_MODE'
          value: 'production'
        }
        {
          name: 'MICROSOFT_APPID'
          value: 'typo'
        }
      ]
    }
  }
}
`;

describe('infra/azure.bicep against server/config.ts', () => {
  it('when the template is checked, then it breaks none of the rules', () => {
    expect(bicepProblems(bicep, configKeys)).toEqual([]);
  });

  it('when the app settings are read, then each is a key of ENV_SCHEMA or an allowed platform setting, and none is missing for production', () => {
    const settings = appSettingNames(bicep);
    expect(settings.filter((name) => !configKeys.has(name) && !PLATFORM_SETTINGS.has(name))).toEqual([]);
    expect(PRODUCTION_SETTINGS.filter((name) => !settings.includes(name))).toEqual([]);
    expect(settings).toEqual(expect.arrayContaining(['MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TENANT_ID', 'STORAGE_QUEUE_URL', 'TABLE_PREFIX', 'ORGANISATION_NAME', 'SUPPORT_CONTACT', 'LOG_LEVEL']));
  });

  it('when a template has a misspelt setting, a missing production setting, a bare secret and shared keys allowed, then each is reported', () => {
    const problems = bicepProblems(BROKEN, configKeys).join('\n');
    expect(problems).toMatch(/MICROSOFT_APPID is not a key of ENV_SCHEMA/);
    expect(problems).toMatch(/MICROSOFT_APP_ID, which production needs, is missing/);
    expect(problems).toMatch(/STORAGE_TABLE_URL, which production needs, is missing/);
    expect(problems).toMatch(/param botPassword looks like a secret but is not @secure\(\)/);
    expect(problems).toMatch(/allowSharedKeyAccess: false/);
    expect(problems).toMatch(/Storage Table Data Contributor/);
    expect(problems).toMatch(/Storage Queue Data Contributor/);
  });

  it('when the bot and web app are read, then the bot is single-tenant on the Teams channel and the site is HTTPS only with a managed identity', () => {
    expect(bicep).toMatch(/msaAppType:\s*'SingleTenant'/);
    expect(bicep).toMatch(/endpoint:\s*'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/);
    expect(bicep).toMatch(/channelName:\s*'MsTeamsChannel'/);
    expect(bicep).toMatch(/httpsOnly:\s*true/);
    expect(bicep).toMatch(/type:\s*'SystemAssigned'/);
    expect(bicep).toMatch(/alwaysOn:\s*true/);
    expect(bicep).toMatch(/linuxFxVersion:\s*'NODE\|20-lts'/);
    expect(bicep).toMatch(/minimumTlsVersion:\s*'TLS1_2'/);
    expect(bicep).toMatch(/allowBlobPublicAccess:\s*false/);
    expect(bicep).toMatch(/WorkspaceResourceId:\s*logAnalytics\.id/);
  });

  it('when the parameters file is compared with the params, then every required param has a value and no value is for an unknown param', () => {
    const declared = params(bicep);
    const given = Object.keys(parameters.parameters);
    expect(declared.filter((p) => !p.hasDefault && !given.includes(p.name)).map((p) => p.name)).toEqual([]);
    expect(given.filter((name) => !declared.some((p) => p.name === name))).toEqual([]);
  });

  it('when a secure param is given a value, then it comes from a SECRET_ placeholder, never a literal', () => {
    const secure = params(bicep).filter((p) => p.decorators.some((d) => d.startsWith('@secure()')));
    expect(secure.map((p) => p.name)).toEqual(['botAadAppClientPassword']);
    for (const p of secure) expect(parameters.parameters[p.name]?.value).toMatch(/^\$\{\{SECRET_[A-Z0-9_]+\}\}$/);
  });

  it('when provisioned, then the outputs feed the env file with the names the manifest and m365agents.yml use', () => {
    expect(outputs(bicep)).toEqual(expect.arrayContaining(['AZURE_APP_SERVICE_RESOURCE_ID', 'APP_DOMAIN', 'BOT_ID', 'STORAGE_TABLE_URL', 'STORAGE_QUEUE_URL']));
  });
});
