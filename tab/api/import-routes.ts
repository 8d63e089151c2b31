import type { Request } from 'restify';
import { z } from 'zod';
import { competenceKey } from '../../core/learning/esr/esr-competence.js';
import { EsrFileError } from '../../core/learning/esr/esr-types.js';
import { runEsrImport } from '../../core/learning/esr/run-esr-import.js';
import { EsrImportRepository } from '../../core/storage/esr-import-repository.js';
import type { TabCaller } from './caller.js';
import { ApiError, forbidden, notFound } from './api-error.js';
import type { TabRouteModule } from './register.js';
import { ESR_LIMITS, type EsrImportEvent, type EsrImportProgress, type EsrImportResult, type EsrMappingsResponse, type EsrRunListItem } from '../shared/esr-import.js';
import { NO_REPLY } from './route-kit.js';
import { can, whoCan } from '../../core/people/authorisation.js';

const requireAdmin = (caller: TabCaller) => {
  if (!can(caller.person, 'esr.import')) throw forbidden(`Only ${whoCan('esr.import')} can import from ESR.`);
};

/** The request body as it arrives, refusing anything past the size cap without reading further; `onChunk` counts what was read. */
async function* uploadBytes(req: Request, maxBytes: number, onChunk?: (chunk: Buffer) => void): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) throw new EsrFileError('too-large', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB: split the export and import the parts one after another.`, { maxBytes });
    onChunk?.(chunk);
    yield chunk;
  }
}

/** Counts line ends in a chunk (a row of the export is a line; quoted line breaks are rare in ESR exports). */
function lineEnds(chunk: Buffer): number {
  let n = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}

const targetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('topic'), subjectId: z.string().min(1).max(100), level: z.number().int().min(0).max(20) }),
  z.object({ kind: z.literal('role'), roleId: z.string().min(1).max(100) }),
  z.object({ kind: z.literal('ignore') }),
]);

/**
 * ESR import: POST the file as it is (streamed: never held whole), `mode=preview` to see what would
 * happen row by row, `mode=import` to write the good rows. Unknown competences and positions are
 * mapped once and remembered. Learning and development administrators only.
 */
export const registerImportRoutes: TabRouteModule = (server, kit, { services, config, logger }) => {
  const imports = services.esrImports;
  const deps = {
    onWriteFailed: (importId: string, error: unknown, employeeNumber?: string) =>
      logger.warn({ event: 'esr.write-failed', importId, employeeNumber, err: { message: (error as Error)?.message?.slice(0, 500) } }, 'ESR import write failed'),
    staff: services.staff,
    directory: services.directory,
    teams: services.teams,
    summaries: services.summaries,
    catalogue: services.catalogue,
    imports,
    clock: services.clock,
    rules: config.rules,
  };

  /**
   * Progress of one run, counted from what passes through: bytes and lines read from the upload,
   * people written (each person's create or change as it completes), and the phase, which the run's
   * own "running" record marks (parsing done, writing begins).
   */
  const watched = (progress: EsrImportProgress) => ({
    ...deps,
    imports: {
      ...deps.imports,
      mappings: () => deps.imports.mappings(),
      knownStaffIds: () => deps.imports.knownStaffIds(),
      saveRun: async (...args: Parameters<typeof imports.saveRun>) => {
        const summary = args[0].summary as Partial<EsrImportResult>;
        if (summary.state === 'running') {
          progress.phase = 'writing';
          progress.peopleTotal = summary.people ?? 0;
          progress.rows = summary.rows ?? progress.rows;
        }
        return imports.saveRun(...args);
      },
      createPerson: async (...args: Parameters<typeof imports.createPerson>) => {
        const created = await imports.createPerson(...args);
        if (created) progress.people++;
        return created;
      },
    },
    staff: {
      getPerson: (id: string) => services.staff.getPerson(id),
      change: (async (...args: Parameters<typeof services.staff.change>) => {
        const result = await services.staff.change(...args);
        progress.people++;
        return result;
      }) as typeof services.staff.change,
    },
  });

  server.post(
    '/api/esr/imports',
    kit.route(
      { query: z.object({ mode: z.enum(['preview', 'import']), fileName: z.string().trim().min(1).max(200).default('export.csv') }) },
      async ({ caller, query, req, res }) => {
        requireAdmin(caller);
        const declared = Number(req.headers['content-length'] ?? 0);
        if (declared > ESR_LIMITS.maxBytes) {
          throw new ApiError(413, 'esr-too-large', `The file is larger than ${Math.round(ESR_LIMITS.maxBytes / 1024 / 1024)} MB: split the export and import the parts one after another.`);
        }
        // Asked for progress (Accept: application/x-ndjson): one JSON line per event, then the result (or the error) as the last line.
        const streaming = /application\/x-ndjson/i.test(req.headers.accept ?? '');
        const progress: EsrImportProgress = { phase: 'reading', bytes: 0, totalBytes: declared || null, rows: 0, people: 0, peopleTotal: 0 };
        const run = () =>
          runEsrImport(
            streaming ? watched(progress) : deps,
            {
              mode: query.mode,
              fileName: query.fileName,
              actorId: caller.staffId,
              bytes: uploadBytes(req, ESR_LIMITS.maxBytes, (chunk) => {
                progress.bytes += chunk.length;
                progress.rows += lineEnds(chunk);
              }),
              limits: { maxRows: ESR_LIMITS.maxRows },
            },
            // Runs are listed newest first by their key: ordered by the wall clock even where the app's clock is fixed (tests, benchmarks).
            () => EsrImportRepository.newRunId(new Date().toISOString()),
          );
        const asApiError = (error: unknown): ApiError | undefined =>
          error instanceof EsrFileError ? new ApiError(error.code === 'too-large' ? 413 : 422, `esr-${error.code}`, error.message, error.details) : error instanceof ApiError ? error : undefined;
        const finished = (result: EsrImportResult) => {
          if (result.mode === 'import') logger.info({ event: 'esr.imported', importId: result.id, rows: result.rows, state: result.state, ms: result.milliseconds }, 'ESR import finished');
          return result satisfies EsrImportResult;
        };
        if (!streaming) {
          try {
            return finished(await run());
          } catch (error) {
            throw asApiError(error) ?? error;
          }
        }
        res.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
        const send = (event: EsrImportEvent) => res.write(`${JSON.stringify(event)}\n`);
        let last = '';
        const tick = () => {
          const now = JSON.stringify(progress);
          if (now !== last) send({ type: 'progress', progress: { ...progress } });
          last = now;
        };
        tick();
        const timer = setInterval(tick, 250);
        try {
          const result = finished(await run());
          progress.phase = 'done';
          tick();
          send({ type: 'result', result });
        } catch (error) {
          const known = asApiError(error);
          if (!known) logger.error({ event: 'tab.route-failed', path: '/api/esr/imports', err: error }, 'ESR import failed');
          send({ type: 'error', error: known ? { status: known.status, code: known.code, message: known.message, ...(known.details !== undefined ? { details: known.details } : {}) } : { status: 500, code: 'internal', message: 'Something went wrong on our side. The list of recent imports says what was written; importing the same file again is safe.' } });
        } finally {
          clearInterval(timer);
          res.end();
        }
        return NO_REPLY;
      },
    ),
  );

  server.get(
    '/api/esr/imports',
    kit.route({}, async ({ caller }) => {
      requireAdmin(caller);
      const runs = await imports.listRuns(20);
      const items: EsrRunListItem[] = runs.map((run) => {
        const summary = run.summary as Partial<EsrImportResult>;
        return {
          id: run.id,
          mode: run.mode,
          fileName: run.fileName,
          by: run.by,
          at: run.at,
          ...(summary.rows !== undefined ? { rows: summary.rows } : {}),
          ...(summary.errorRows !== undefined ? { errorRows: summary.errorRows } : {}),
          ...(summary.written ? { written: summary.written } : {}),
        };
      });
      return { runs: items };
    }),
  );

  server.get(
    '/api/esr/imports/:id',
    kit.route({ params: z.object({ id: z.string().regex(/^[0-9a-f-]{10,40}$/) }) }, async ({ caller, params }) => {
      requireAdmin(caller);
      const run = await imports.getRun(params.id);
      if (!run) throw notFound('No import with that id.');
      return run.summary as EsrImportResult;
    }),
  );

  server.get(
    '/api/esr/mappings',
    kit.route({}, async ({ caller }) => {
      requireAdmin(caller);
      const [stored, catalogue] = await Promise.all([imports.mappings(), services.catalogue.current()]);
      const response: EsrMappingsResponse = {
        mappings: stored.list,
        topics: catalogue.catalogue.topics
          .map((t) => ({ subjectId: t.subjectId, level: t.level, label: catalogue.topicLabel(t.subjectId, t.level), kind: catalogue.subject(t.subjectId)?.kind ?? 'national' }))
          .sort((a, b) => a.label.localeCompare(b.label)),
        roles: catalogue.catalogue.roles.map((r) => ({ id: r.id, name: r.name })).sort((a, b) => a.name.localeCompare(b.name)),
      };
      return response;
    }),
  );

  server.put(
    '/api/esr/mappings',
    ...kit.json(256 * 1024),
    kit.route(
      {
        body: z.object({
          mappings: z.array(z.object({ kind: z.enum(['competence', 'position']), name: z.string().trim().min(1).max(500), target: targetSchema.nullable() })).min(1).max(500),
        }),
      },
      async ({ caller, body }) => {
        requireAdmin(caller);
        const catalogue = await services.catalogue.current();
        for (const mapping of body.mappings) {
          const target = mapping.target;
          if (target?.kind === 'topic' && (mapping.kind !== 'competence' || !catalogue.topicFor(target.subjectId, target.level) || !catalogue.levelsOf(target.subjectId).some((t) => t.level === target.level))) {
            throw new ApiError(400, 'invalid', `"${mapping.name}" cannot be mapped to that topic: it is not in the catalogue (or a position was given a topic).`);
          }
          if (target?.kind === 'role' && (mapping.kind !== 'position' || !catalogue.role(target.roleId))) {
            throw new ApiError(400, 'invalid', `"${mapping.name}" cannot be mapped to that role: it is not in the requirement matrix (or a competence was given a role).`);
          }
        }
        const now = services.clock.now().toISOString();
        const changes = body.mappings.map((m) => ({
          mapping: { kind: m.kind, name: m.name, key: competenceKey(m.name), target: m.target ?? { kind: 'ignore' as const }, updatedBy: caller.staffId, updatedAt: now },
          forget: m.target === null,
        }));
        await imports.saveMappings(changes, (kind, count) => ({
          actorId: caller.staffId,
          action: 'esr.mapping-changed',
          summary: `${count} ESR ${kind} name(s) mapped`,
          details: { mappings: body.mappings.filter((m) => m.kind === kind).map((m) => ({ kind: m.kind, name: m.name.slice(0, 200), target: m.target })) },
        }));
        return { saved: body.mappings.length };
      },
    ),
  );
};
