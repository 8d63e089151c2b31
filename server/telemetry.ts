/**
 * Telemetry: OpenTelemetry traces and metrics to Application Insights through
 * `@azure/monitor-opentelemetry`, only when APPLICATIONINSIGHTS_CONNECTION_STRING is set (never on a
 * developer's machine by default). This module imports nothing of the app: the SDK must hook module
 * loading before restify, http and the Azure SDK are imported, so the entry point starts telemetry
 * first and only then imports the app (dynamically).
 *
 * What is recorded: one server span per HTTP request (a bot turn is one POST to /api/messages; every
 * tab API call is one request), with its outgoing calls (Bot Connector, Azure Storage) as children.
 * Spans carry methods, routes, status codes and timings; the SDK records no request bodies, so no
 * message text or personal data. Probes (/healthz, /readyz) are not traced.
 */

import { register } from 'node:module';

export interface Telemetry {
  enabled: boolean;
  /** Sends what is buffered; gives up after `timeoutMs` so a dead endpoint cannot hold a shutdown. */
  shutdown(timeoutMs?: number): Promise<void>;
}

const PROBES = new Set(['/healthz', '/readyz']);

/** What the enabled instrumentations hook: incoming and outgoing HTTP, and the Azure SDK's tracing (Storage calls). */
const INSTRUMENTED_MODULES = ['http', 'https', 'node:http', 'node:https', '@azure/core-tracing'];

const OFF: Telemetry = { enabled: false, shutdown: async () => undefined };

export async function startTelemetry(connectionString: string | undefined, serviceName = 'mandatory-learning'): Promise<Telemetry> {
  if (!connectionString) return OFF;
  // The ESM loader hook first (it lets instrumentations patch ES modules imported after it), then the
  // distro itself. This is the hook `@azure/monitor-opentelemetry/loader` registers, limited to the modules
  // the distro's instrumentations patch: wrapping every module, as the loader does, triples start-up time.
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, { data: { include: INSTRUMENTED_MODULES } });
  const { useAzureMonitor, shutdownAzureMonitor } = await import('@azure/monitor-opentelemetry');
  process.env.OTEL_SERVICE_NAME ??= serviceName;
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    enableLiveMetrics: false,
    instrumentationOptions: {
      http: {
        enabled: true,
        ignoreIncomingRequestHook: (request: { url?: string }) => PROBES.has((request.url ?? '').split('?')[0]!),
      } as { enabled: boolean },
      azureSdk: { enabled: true },
    },
  });
  return {
    enabled: true,
    shutdown: async (timeoutMs = 3000) => {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        shutdownAzureMonitor().catch(() => undefined),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
          timer.unref();
        }),
      ]);
      clearTimeout(timer);
    },
  };
}
