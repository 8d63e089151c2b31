import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_SCHEMA, loadConfig } from '../../server/config.js';
import { appSettingNames, outputs } from '../infra/bicep-text.js';

const bicep = readFileSync(join(import.meta.dirname, '..', '..', 'infra', 'azure.bicep'), 'utf8');

/** The text of one resource declaration, from `resource <name> '` to the next top-level declaration. */
function resource(name: string): string {
  const start = bicep.indexOf(`resource ${name} '`);
  if (start < 0) throw new Error(`no resource ${name}`);
  const rest = bicep.slice(start + 1);
  const end = rest.search(/\n(resource|output|param|var|\/\/ )/);
  return bicep.slice(start, end < 0 ? undefined : start + 1 + end);
}

const KEY_VAULT_CRYPTO_USER = '12338af0-0e69-4776-bea7-57ae8d297424';
const KEY_VAULT_ADMINISTRATOR = '00482a5a-887f-4fb3-b363-3b7fe8e74483';
const KEY_VAULT_CRYPTO_OFFICER = '14b46e9e-c2b7-41b4-b07b-48a6ebf60603';

describe("infra/azure.bicep: the app's identity may sign passports and do nothing else with the key", () => {
  it('when the Key Vault is read, then it uses Azure RBAC (no access policies) with purge protection', () => {
    const vault = resource('keyVault');
    expect(vault).toMatch(/enableRbacAuthorization:\s*true/);
    expect(vault).toMatch(/enablePurgeProtection:\s*true/);
    expect(vault).not.toMatch(/accessPolicies/);
  });

  it('when the key is read, then it is a non-exportable P-256 EC key for signing, rotated in Key Vault', () => {
    const key = resource('passportKey');
    expect(key).toMatch(/kty:\s*'EC'/);
    expect(key).toMatch(/curveName:\s*'P-256'/);
    expect(key).toMatch(/exportable:\s*false/);
    expect(key).toMatch(/type:\s*'rotate'/);
  });

  it('when the role is read, then its only permissions are to read the key and sign with it', () => {
    const role = resource('passportSignerRole');
    const dataActions = [...(/dataActions:\s*\[([^\]]*)\]/.exec(role)?.[1] ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]);
    expect(dataActions.sort()).toEqual(['Microsoft.KeyVault/vaults/keys/read', 'Microsoft.KeyVault/vaults/keys/sign/action']);
    expect(/\bactions:\s*\[\s*\]/.test(role)).toBe(true); // no control-plane actions
    expect(role).not.toMatch(/\*'/); // no wildcards
  });

  it('when the role assignment is read, then it gives that role to the web app’s managed identity on the key alone', () => {
    const assignment = resource('passportSignerAssignment');
    expect(assignment).toMatch(/scope:\s*passportKey\b/);
    expect(assignment).toMatch(/roleDefinitionId:\s*passportSignerRole\.id/);
    expect(assignment).toMatch(/principalId:\s*webApp\.identity\.principalId/);
    for (const broad of [KEY_VAULT_CRYPTO_USER, KEY_VAULT_ADMINISTRATOR, KEY_VAULT_CRYPTO_OFFICER]) expect(bicep).not.toContain(broad);
  });

  it('when the app settings and outputs are read, then the server is told the key and the issuer URL, and both are valid configuration', () => {
    expect(appSettingNames(bicep)).toEqual(expect.arrayContaining(['PASSPORT_KEY_VAULT_KEY_ID', 'PASSPORT_ISSUER_URL', 'PASSPORT_ODS_CODE']));
    for (const name of ['PASSPORT_KEY_VAULT_KEY_ID', 'PASSPORT_ISSUER_URL', 'PASSPORT_ODS_CODE']) expect(Object.keys(ENV_SCHEMA.shape)).toContain(name);
    expect(bicep).toMatch(/name: 'PASSPORT_KEY_VAULT_KEY_ID'\s*value: passportKey\.properties\.keyUri/);
    expect(outputs(bicep)).toEqual(expect.arrayContaining(['KEY_VAULT_URI', 'PASSPORT_KEY_VAULT_KEY_ID', 'PASSPORT_ISSUER_URL']));
    // What Key Vault hands out (keyUri is versionless) is accepted by the configuration.
    const config = loadConfig({ PASSPORT_KEY_VAULT_KEY_ID: 'https://kvmlprod.vault.azure.net/keys/passport-signing', PASSPORT_ISSUER_URL: 'https://ml-prod.azurewebsites.net', PASSPORT_ODS_CODE: '' });
    expect(config.passport).toMatchObject({ keyVaultKeyId: 'https://kvmlprod.vault.azure.net/keys/passport-signing', issuerUrl: 'https://ml-prod.azurewebsites.net' });
  });
});
