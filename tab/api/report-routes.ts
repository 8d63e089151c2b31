import { gzipJson } from './gzip-json.js';
import type { Response } from 'restify';
import { z } from 'zod';
import { toCsv, toXlsx } from '../../core/reports/export-table.js';
import { todayInLondon } from '../../core/time/clock.js';
import { can, whoCan } from '../../core/people/authorisation.js';
import { ApiError, forbidden } from './api-error.js';
import type { TabRouteModule } from './register.js';
import { NO_REPLY } from './route-kit.js';
import { exportTables } from './report-export.js';
import { complianceQuery, dateParam, reportViews } from './report-views.js';
import { REPORT_EXPORTS } from '../shared/reports.js';

/**
 * Reports' routes: each report as JSON (gzipped when accepted), the annual plan's edits (audited)
 * and CSV/XLSX exports (audited before the file is sent). What each report holds is report-views.ts.
 */
export const registerReportRoutes: TabRouteModule = (server, kit, context) => {
  const { services } = context;
  const { reportSnapshots: snapshots } = services;
  const views = reportViews(context);

  // ---- routes ----

  server.get('/api/reports/compliance', gzipJson(), kit.route({ query: complianceQuery }, async ({ caller, query }) => views.complianceResponse(caller, query)));

  server.get(
    '/api/reports/dna',
    gzipJson(),
    kit.route({ query: z.object({ from: dateParam.optional(), to: dateParam.optional() }) }, async ({ caller, query }) => views.dnaResponse(caller, query)),
  );

  server.get('/api/reports/feedback', kit.route({}, async ({ caller }) => views.feedbackResponse(caller)));

  server.get('/api/reports/unreachable', gzipJson(), kit.route({}, async ({ caller }) => views.unreachableResponse(caller)));

  const yearSchema = z.coerce.number().int().min(2026).max(2100);
  server.get('/api/reports/annual-plan', gzipJson(), kit.route({ query: z.object({ year: yearSchema.optional() }) }, async ({ caller, query }) => views.planResponse(caller, query.year)));

  server.put(
    '/api/reports/annual-plan/:year',
    ...kit.json(256 * 1024),
    kit.route(
      {
        params: z.object({ year: yearSchema }),
        body: z.object({
          header: z.object({ submitterName: z.string().trim().max(200), dateSubmitted: dateParam.nullable() }).optional(),
          topics: z
            .array(
              z.object({
                subjectId: z.string().min(1).max(100),
                level: z.number().int().min(0).max(20),
                nationalContent: z.enum(['Y', 'N']),
                assessMinutes: z.number().int().min(0).max(100_000).nullable(),
                completeMinutes: z.number().int().min(0).max(100_000).nullable(),
                improvement: z.string().trim().max(2000),
              }),
            )
            .max(200)
            .optional(),
        }),
      },
      async ({ caller, params, body }) => {
        if (!can(caller.person, 'annual-plan.edit')) throw forbidden(`Only ${whoCan('annual-plan.edit')} can change the annual plan.`);
        const catalogue = await services.catalogue.current();
        for (const t of body.topics ?? []) {
          if (!catalogue.levelsOf(t.subjectId).some((topic) => topic.level === t.level)) throw new ApiError(400, 'invalid', `There is no topic ${t.subjectId} at level ${t.level} in the catalogue.`);
        }
        const now = context.clock.now().toISOString();
        await snapshots.savePlan(
          params.year,
          {
            ...(body.header ? { header: { ...body.header, updatedBy: caller.staffId, updatedAt: now } } : {}),
            topics: (body.topics ?? []).map((t) => ({
              subjectId: t.subjectId,
              level: t.level,
              judgement: { nationalContent: t.nationalContent, assessMinutes: t.assessMinutes, completeMinutes: t.completeMinutes, improvement: t.improvement, updatedBy: caller.staffId, updatedAt: now },
            })),
          },
          [
            {
              actorId: caller.staffId,
              action: 'annual-plan.changed',
              target: `plan-${params.year}`,
              summary: `${body.topics?.length ?? 0} topic(s)${body.header ? ' and the header' : ''} changed`,
              details: { year: params.year, ...(body.header ? { header: body.header } : {}), topics: body.topics ?? [] },
            },
          ],
        );
        return views.planResponse(caller, params.year);
      },
    ),
  );

  server.get(
    '/api/reports/export',
    kit.route(
      {
        query: complianceQuery.extend({
          report: z.enum(REPORT_EXPORTS),
          format: z.enum(['csv', 'xlsx']),
          from: dateParam.optional(),
          to: dateParam.optional(),
          year: yearSchema.optional(),
        }),
      },
      async ({ caller, query, res }) => {
        const today = todayInLondon(context.clock);
        const tables = await exportTables(views, services, query.report, caller, query);
        const name = `${query.report}-${today}.${query.format}`;
        const body = query.format === 'csv' ? toCsv(query.report === 'annual-plan' ? tables : tables.slice(0, 1)) : await toXlsx(tables, { creator: 'Mandatory Learning', created: context.clock.now() });
        await services.auditLog.append({
          actorId: caller.staffId,
          action: 'report.exported',
          target: name,
          summary: `${query.report} exported as ${query.format.toUpperCase()}`,
          details: { report: query.report, format: query.format, rows: tables.reduce((n, t) => n + t.rows.length, 0), filters: { staffGroup: query.staffGroup, orgUnit: query.orgUnit, orgDepth: query.orgDepth, from: query.from, to: query.to, year: query.year } },
        });
        sendFile(res, body, name, query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        return NO_REPLY;
      },
    ),
  );
};

function sendFile(res: Response, body: Buffer, name: string, type: string): void {
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': String(body.length),
    'Content-Disposition': `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

