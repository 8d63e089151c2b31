import { appSettingNames, params } from './bicep-text.js';

/**
 * The rules the Azure template must keep, as one function returning every breach, so the test can
 * run it on the real template and on a deliberately broken one.
 */

/** Settings that App Service, Application Insights or the build read, not server/config.ts. */
export const PLATFORM_SETTINGS = new Set(['WEBSITE_NODE_DEFAULT_VERSION', 'SCM_DO_BUILD_DURING_DEPLOYMENT']);

/** What a production start needs from the environment (server/config.ts refuses to start without). */
export const PRODUCTION_SETTINGS = ['APP_MODE', 'MICROSOFT_APP_ID', 'MICROSOFT_APP_TYPE', 'STORAGE_TABLE_URL'];

export const ROLE_DEFINITIONS = {
  'Storage Table Data Contributor': '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
  'Storage Queue Data Contributor': '974c5e8b-45b9-4653-ba55-5f855dd0fb88',
};

const SECRET_NAME = /password|secret|key/i;

export function bicepProblems(bicep: string, configKeys: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const settings = appSettingNames(bicep);
  if (settings.length === 0) problems.push('no appSettings array with name entries was found');

  for (const name of settings) {
    if (!configKeys.has(name) && !PLATFORM_SETTINGS.has(name)) problems.push(`app setting ${name} is not a key of ENV_SCHEMA (server/config.ts) nor a platform setting`);
  }
  const duplicates = settings.filter((name, i) => settings.indexOf(name) !== i);
  if (duplicates.length > 0) problems.push(`app settings set twice: ${duplicates.join(', ')}`);
  for (const name of PRODUCTION_SETTINGS) {
    if (!configKeys.has(name)) problems.push(`${name} is expected in production but is no longer a key of ENV_SCHEMA`);
    if (!settings.includes(name)) problems.push(`app setting ${name}, which production needs, is missing`);
  }

  for (const param of params(bicep)) {
    if (SECRET_NAME.test(param.name) && !param.decorators.some((d) => d.startsWith('@secure()'))) {
      problems.push(`param ${param.name} looks like a secret but is not @secure()`);
    }
  }

  // App Service's health check decides which instances get traffic: it must be the readiness endpoint
  // (storage reachable, 503 while draining), not liveness alone.
  const healthCheckPath = /\bhealthCheckPath:\s*'([^']*)'/.exec(bicep)?.[1];
  if (healthCheckPath !== '/readyz') problems.push(`healthCheckPath must be '/readyz' (server/http-server.ts), found ${healthCheckPath === undefined ? 'none' : `'${healthCheckPath}'`}`);

  if (!/\ballowSharedKeyAccess:\s*false\b/.test(bicep)) problems.push('the storage account must set allowSharedKeyAccess: false');
  for (const [role, id] of Object.entries(ROLE_DEFINITIONS)) {
    if (!bicep.includes(id)) problems.push(`no role assignment for ${role} (${id})`);
  }
  return problems;
}
