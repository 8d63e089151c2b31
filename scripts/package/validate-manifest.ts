import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { PackageError } from './package-error.js';

/**
 * Checks a Teams app manifest against Microsoft's JSON schema for its version, offline: the schema is
 * read from the copy bundled in @microsoft/app-manifest and handed to its validator, so nothing is
 * ever fetched. A version the package does not bundle is an error, not a download.
 */
const TEAMS_SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?json-schemas\/teams\/v(\d+\.\d+)\/MicrosoftTeams\.schema\.json$/;

const require = createRequire(import.meta.url);

/** The bundled schema file for a manifest version such as "1.29". */
export function bundledTeamsSchemaPath(manifestVersion: string): string {
  const buildFolder = dirname(require.resolve('@microsoft/app-manifest'));
  return join(buildFolder, 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

type JsonSchema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];

/** Schema errors for `manifest`, as the package words them; an empty list when it is valid. */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) return ['the manifest is not a JSON object'];
  const { $schema, manifestVersion } = manifest as { $schema?: unknown; manifestVersion?: unknown };
  const match = typeof $schema === 'string' ? TEAMS_SCHEMA_URL.exec($schema) : null;
  if (!match) return [`$schema must be a Teams manifest schema URL on developer.microsoft.com, found ${JSON.stringify($schema)}`];
  if (manifestVersion !== match[1]) return [`manifestVersion ${JSON.stringify(manifestVersion)} does not match the $schema version ${match[1]}`];

  const schemaPath = bundledTeamsSchemaPath(match[1]!);
  if (!existsSync(schemaPath)) {
    throw new PackageError(`@microsoft/app-manifest bundles no schema for manifest version ${match[1]}; choose a version it ships`, [schemaPath]);
  }
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as JsonSchema;
  // The cast is the boundary: the schema check below is what decides whether this is a manifest.
  return AppManifestUtils.validateAgainstSchema(manifest as AppManifest, schema);
}
