import { Cron } from 'croner';
import { z } from 'zod';
import type { ApprovalPolicy } from '../core/learning/approvals.js';
import type { ComplianceRules } from '../core/learning/compliance.js';
import type { PassportConfig } from '../core/passport/passport-settings.js';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '../core/reminders/reminder-settings.js';
import type { StorageConnection } from '../core/storage/table-store.js';
import { ENTRA_ISSUERS, ENTRA_JWKS_URL, type SsoSettings } from '../tab/api/sso-token.js';

/**
 * The one place that reads the environment. Every setting has a working default for a developer's
 * machine (Azurite, development identity); production must say who the bot is, or it will not start.
 */

/** Azurite's published development account; not a secret. */
const AZURITE_ACCOUNT = 'devstoreaccount1';
const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(host: string, tablePort: number, queuePort: number): string {
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${AZURITE_ACCOUNT}`,
    `AccountKey=${AZURITE_KEY}`,
    `TableEndpoint=http://${host}:${tablePort}/${AZURITE_ACCOUNT}`,
    `QueueEndpoint=http://${host}:${queuePort}/${AZURITE_ACCOUNT}`,
  ].join(';');
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

const intFrom = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

export const ENV_SCHEMA = z.object({
  APP_MODE: z.enum(['development', 'production']).default('development'),
  NODE_ENV: z.string().optional(),
  PORT: intFrom(3978, 0, 65535),
  HOST: z.string().min(1).optional(),
  MICROSOFT_APP_ID: z.string().uuid().optional(),
  MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MICROSOFT_APP_TENANT_ID: z.string().uuid().optional(),
  /** Only for a cloud other than public Azure (or a test): where the channel's keys are published, and its token issuer. */
  BOT_OPENID_METADATA_URL: z.string().url().optional(),
  BOT_TOKEN_ISSUER: z.string().min(1).optional(),
  STORAGE_CONNECTION_STRING: z.string().min(1).optional(),
  STORAGE_TABLE_URL: z.string().url().optional(),
  STORAGE_QUEUE_URL: z.string().url().optional(),
  TABLE_PREFIX: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,20}$/, 'letters and digits, starting with a letter').default('ml'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DUE_SOON_DAYS: intFrom(30, 1, 365),
  NEW_STARTER_WEEKS: intFrom(12, 0, 104),
  RETURN_FROM_ABSENCE_DAYS: intFrom(28, 0, 365),
  COMPLIANCE_THRESHOLD: intFrom(80, 1, 100),
  EXTENSION_MAX_MONTHS: intFrom(3, 1, 24),
  EXTENSION_REASON_REQUIRED: z.enum(['true', 'false']).default('true'),
  /** How often each instance's chain writer settles audit intents left by a crash; and after how long an unmatched intent is fenced. */
  AUDIT_SWEEP_SECONDS: intFrom(5, 1, 3600),
  AUDIT_FENCE_SECONDS: intFrom(30, 1, 3600),
  REMINDER_SCHEDULE: z.string().min(1).default('5 * * * *'),
  REMINDER_WORKERS: intFrom(1, 0, 16),
  REMINDER_THRESHOLDS: z.string().regex(/^\d{1,3}(,\d{1,3})*$/, 'days, comma-separated, e.g. 30,14,7,1').default('30,14,7,1'),
  REMINDER_OVERDUE_EVERY_DAYS: intFrom(7, 0, 90),
  REMINDER_MAX_ATTEMPTS: intFrom(6, 1, 20),
  REMINDER_VISIBILITY_SECONDS: intFrom(300, 1, 3600),
  WORKING_HOURS: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/, 'HH:MM-HH:MM').default('08:00-18:00'),
  WORKING_DAYS: z.string().regex(/^[0-6](,[0-6])*$/, 'days of week 0–6 (0 = Sunday), comma-separated').default('1,2,3,4,5'),
  DIGEST_DAY: intFrom(1, 0, 6),
  SEND_RATE_PER_SECOND: intFrom(50, 1, 1000),
  SEND_RATE_PER_CONVERSATION: intFrom(7, 1, 7),
  ORGANISATION_NAME: z.string().min(1).default('Avon Vale NHS Foundation Trust'),
  SUPPORT_CONTACT: z.string().min(1).default('your learning and development team'),
  /** Who may call the tab's API with a Teams SSO token: the audiences (client id, `api://…` URI) and tenants. */
  TAB_SSO_AUDIENCES: z.string().regex(/^[^,\s]+(,[^,\s]+)*$/, 'comma-separated, no spaces').optional(),
  TAB_SSO_TENANTS: z.string().regex(/^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36})*$/, 'tenant ids, comma-separated').optional(),
  TAB_SSO_JWKS_URL: z.string().url().default(ENTRA_JWKS_URL),
  /** Where the built tab is served from; the build's own folder (dist/tab-web) unless a test run built it elsewhere. */
  TAB_WEB_DIR: z.string().min(1).optional(),
  /** Application Insights (OpenTelemetry through @azure/monitor-opentelemetry); unset = no telemetry leaves the process. */
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.string().regex(/(^|;)\s*(InstrumentationKey|IngestionEndpoint)=/i, 'an Application Insights connection string (InstrumentationKey=…;IngestionEndpoint=…)').optional(),
  /** After SIGTERM, how long in-flight work may take before the process exits anyway (App Service kills at 30 s). */
  SHUTDOWN_DEADLINE_SECONDS: intFrom(25, 1, 600),
  /** Each /readyz probe (table read, lease, queue) gives up after this long. */
  READINESS_TIMEOUT_MS: intFrom(2000, 100, 30_000),
  /** Learning passports: this deployment's public base URL (the issuer id; an origin, https), the organisation's ODS code. */
  PASSPORT_ISSUER_URL: z.string().url().optional(),
  PASSPORT_ODS_CODE: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^[A-Z0-9]{3,10}$/, 'an ODS code: 3–10 capital letters and digits').optional()),
  /** The passport signing key in Key Vault, versionless: https://<vault>.vault.azure.net/keys/<name>. */
  PASSPORT_KEY_VAULT_KEY_ID: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^https:\/\/[^/\s]+\/keys\/[A-Za-z0-9-]{1,127}\/?$/, 'a versionless Key Vault key id, https://<vault>.vault.azure.net/keys/<name>').optional()),
  /** The Entra tenant whose object ids this organisation's people carry (passport identity rule). */
  PASSPORT_TENANT_ID: z.string().regex(/^[0-9a-fA-F-]{36}$/, 'a tenant id').optional(),
  PASSPORT_VALID_DAYS: intFrom(90, 1, 730),
  /** How long another organisation's keys, status list or passport link may take to answer. */
  PASSPORT_FETCH_TIMEOUT_MS: intFrom(5000, 50, 30_000),
  PASSPORT_KEYS_CACHE_SECONDS: intFrom(3600, 0, 86_400),
  /** The Teams app's id (the manifest's `id`): the bot's passport card then opens My learning in Teams (a deep link) for the PDF. */
  TEAMS_APP_ID: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^[0-9a-fA-F-]{36}$/, 'the Teams app id (a GUID)').optional()),
  /** Set by Azure App Service; its presence means "this is not a developer's machine". */
  WEBSITE_SITE_NAME: z.string().optional(),
});

export interface BotIdentity {
  appId: string;
  appPassword?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId?: string;
  channelAuthority?: { openIdMetadataUrl: string; tokenIssuer: string };
}

export interface AppConfig {
  mode: 'development' | 'production';
  port: number;
  host: string;
  bot: BotIdentity | undefined;
  storage: { connection: StorageConnection; tablePrefix: string };
  logLevel: z.infer<typeof ENV_SCHEMA>['LOG_LEVEL'];
  rules: ComplianceRules;
  complianceThreshold: number;
  approvals: ApprovalPolicy;
  reminders: { settings: ReminderSettings; schedule: string | undefined; workers: number; visibilityTimeoutSeconds: number };
  organisationName: string;
  supportContact: string;
  /** Teams SSO for the tab's API; undefined when no audience and tenant are known (then only development identities work). */
  sso: SsoSettings | undefined;
  tabWebDir: string | undefined;
  /** Undefined = telemetry off (the default on a developer's machine). */
  telemetryConnectionString: string | undefined;
  shutdownDeadlineMs: number;
  readinessTimeoutMs: number;
  /** The audit chain writer: how often it sweeps, and how old an intent without its change must be to be fenced. */
  audit: { sweepMs: number; fenceAfterMs: number };
  passport: PassportConfig;
  /** The Teams app's id, for deep links to the app's tabs; undefined: links go to the tab's URL on this deployment. */
  teamsAppId: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export type Env = Record<string, string | undefined>;

/** Parses and checks the environment; throws ConfigError listing every problem at once. */
export function loadConfig(env: Env = process.env): AppConfig {
  const parsed = ENV_SCHEMA.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const production = e.APP_MODE === 'production';

  if (!production && (e.NODE_ENV === 'production' || e.WEBSITE_SITE_NAME)) {
    problems.push('APP_MODE=development (demo identities, no bot authentication) cannot run in production: set APP_MODE=production and the bot identity');
  }
  if (production && !e.MICROSOFT_APP_ID) {
    problems.push('MICROSOFT_APP_ID is required in production: without it the bot would accept unauthenticated requests');
  }
  if (production && e.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && e.MICROSOFT_APP_ID && !e.MICROSOFT_APP_PASSWORD) {
    problems.push(`MICROSOFT_APP_PASSWORD is required for MICROSOFT_APP_TYPE=${e.MICROSOFT_APP_TYPE}`);
  }
  if (e.MICROSOFT_APP_TYPE !== 'MultiTenant' && e.MICROSOFT_APP_ID && !e.MICROSOFT_APP_TENANT_ID) {
    problems.push(`MICROSOFT_APP_TENANT_ID is required for MICROSOFT_APP_TYPE=${e.MICROSOFT_APP_TYPE}`);
  }
  if (!production && e.MICROSOFT_APP_ID) {
    problems.push('MICROSOFT_APP_ID is set but APP_MODE is development: set APP_MODE=production to run as a registered bot');
  }
  if (e.REMINDER_SCHEDULE !== 'off') {
    try {
      new Cron(e.REMINDER_SCHEDULE, { paused: true, timezone: 'Europe/London' }).stop();
    } catch {
      problems.push(`REMINDER_SCHEDULE: "${e.REMINDER_SCHEDULE}" is not a cron pattern (or "off")`);
    }
  }
  const host = e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1');
  if (!production && !LOOPBACK.has(host)) {
    problems.push(`development mode listens on loopback only; HOST=${host} is refused`);
  }

  let connection: StorageConnection;
  if (e.STORAGE_TABLE_URL) {
    connection = { kind: 'account-url', tableUrl: e.STORAGE_TABLE_URL, ...(e.STORAGE_QUEUE_URL ? { queueUrl: e.STORAGE_QUEUE_URL } : {}) };
  } else if (e.STORAGE_CONNECTION_STRING) {
    connection = { kind: 'connection-string', connectionString: e.STORAGE_CONNECTION_STRING };
  } else if (production) {
    problems.push('storage is not configured: set STORAGE_TABLE_URL (managed identity) or STORAGE_CONNECTION_STRING');
    connection = { kind: 'connection-string', connectionString: '' };
  } else {
    connection = { kind: 'connection-string', connectionString: azuriteConnectionString('127.0.0.1', 10002, 10001) };
  }

  const ssoAudiences = e.TAB_SSO_AUDIENCES ? e.TAB_SSO_AUDIENCES.split(',') : e.MICROSOFT_APP_ID ? [e.MICROSOFT_APP_ID] : [];
  const ssoTenants = e.TAB_SSO_TENANTS ? e.TAB_SSO_TENANTS.split(',') : e.MICROSOFT_APP_TENANT_ID ? [e.MICROSOFT_APP_TENANT_ID] : [];
  if (production && ssoTenants.length === 0) {
    problems.push('TAB_SSO_TENANTS (or MICROSOFT_APP_TENANT_ID) is required in production: it says whose staff may open the tab');
  }

  if (Boolean(e.BOT_OPENID_METADATA_URL) !== Boolean(e.BOT_TOKEN_ISSUER)) {
    problems.push('BOT_OPENID_METADATA_URL and BOT_TOKEN_ISSUER go together: set both (another cloud) or neither (public Azure)');
  }

  let passportIssuer: string | undefined;
  if (e.PASSPORT_ISSUER_URL) {
    const url = new URL(e.PASSPORT_ISSUER_URL);
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if ((url.protocol !== 'https:' && !(loopback && !production)) || (url.pathname !== '/' && url.pathname !== '') || url.search || url.username) {
      problems.push('PASSPORT_ISSUER_URL must be the public base URL of this deployment: https, no path (http only on loopback in development)');
    }
    passportIssuer = url.origin;
  }

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    mode: e.APP_MODE,
    port: e.PORT,
    host,
    bot: e.MICROSOFT_APP_ID
      ? {
          appId: e.MICROSOFT_APP_ID,
          ...(e.MICROSOFT_APP_PASSWORD ? { appPassword: e.MICROSOFT_APP_PASSWORD } : {}),
          appType: e.MICROSOFT_APP_TYPE,
          ...(e.MICROSOFT_APP_TENANT_ID ? { tenantId: e.MICROSOFT_APP_TENANT_ID } : {}),
          ...(e.BOT_OPENID_METADATA_URL && e.BOT_TOKEN_ISSUER ? { channelAuthority: { openIdMetadataUrl: e.BOT_OPENID_METADATA_URL, tokenIssuer: e.BOT_TOKEN_ISSUER } } : {}),
        }
      : undefined,
    storage: { connection, tablePrefix: e.TABLE_PREFIX },
    logLevel: e.LOG_LEVEL,
    rules: { dueSoonDays: e.DUE_SOON_DAYS, newStarterWeeks: e.NEW_STARTER_WEEKS, returnFromAbsenceDays: e.RETURN_FROM_ABSENCE_DAYS },
    complianceThreshold: e.COMPLIANCE_THRESHOLD,
    reminders: {
      settings: {
        ...DEFAULT_REMINDER_SETTINGS,
        thresholds: e.REMINDER_THRESHOLDS.split(',').map(Number),
        overdueEveryDays: e.REMINDER_OVERDUE_EVERY_DAYS,
        maxAttempts: e.REMINDER_MAX_ATTEMPTS,
        workingHours: { start: e.WORKING_HOURS.slice(0, 5), end: e.WORKING_HOURS.slice(6, 11), days: e.WORKING_DAYS.split(',').map(Number) },
        digestDay: e.DIGEST_DAY,
        globalPerSecond: e.SEND_RATE_PER_SECOND,
        perConversationPerSecond: e.SEND_RATE_PER_CONVERSATION,
      },
      schedule: e.REMINDER_SCHEDULE === 'off' ? undefined : e.REMINDER_SCHEDULE,
      workers: e.REMINDER_WORKERS,
      visibilityTimeoutSeconds: e.REMINDER_VISIBILITY_SECONDS,
    },
    approvals: { extensionMaxMonths: e.EXTENSION_MAX_MONTHS, reasonRequired: e.EXTENSION_REASON_REQUIRED === 'true' },
    organisationName: e.ORGANISATION_NAME,
    supportContact: e.SUPPORT_CONTACT,
    tabWebDir: e.TAB_WEB_DIR,
    telemetryConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
    shutdownDeadlineMs: e.SHUTDOWN_DEADLINE_SECONDS * 1000,
    readinessTimeoutMs: e.READINESS_TIMEOUT_MS,
    audit: { sweepMs: e.AUDIT_SWEEP_SECONDS * 1000, fenceAfterMs: e.AUDIT_FENCE_SECONDS * 1000 },
    passport: {
      issuerUrl: passportIssuer,
      odsCode: e.PASSPORT_ODS_CODE ?? (production ? undefined : 'DEMO01'),
      keyVaultKeyId: e.PASSPORT_KEY_VAULT_KEY_ID,
      // Without a tenant of its own the identity rule falls back to names (and a manual check); development has one fixed tenant.
      tenantId: (e.PASSPORT_TENANT_ID ?? e.MICROSOFT_APP_TENANT_ID ?? ssoTenants[0] ?? (production ? 'no-tenant' : '00000000-0000-0000-0000-000000000000')).toLowerCase(),
      validDays: e.PASSPORT_VALID_DAYS,
      fetchTimeoutMs: e.PASSPORT_FETCH_TIMEOUT_MS,
      keysCacheMs: e.PASSPORT_KEYS_CACHE_SECONDS * 1000,
      allowLoopbackIssuers: !production,
      allowLocalKey: !production,
    },
    teamsAppId: e.TEAMS_APP_ID?.toLowerCase(),
    sso:
      ssoAudiences.length && ssoTenants.length
        ? { audiences: ssoAudiences, allowedTenants: ssoTenants, jwksUrl: e.TAB_SSO_JWKS_URL, issuerTemplates: ENTRA_ISSUERS, clockToleranceSeconds: 120 }
        : undefined,
  };
}

/** The environment for a child process: this one's, plus the given settings. */
export function environmentWith(extra: Env): Env {
  return { ...process.env, ...extra };
}
