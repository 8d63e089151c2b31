import { z } from 'zod';
import { verifyChain } from '../../core/audit/audit-chain.js';
import { forbidden } from './api-error.js';
import type { TabRouteModule } from './register.js';
import { NO_REPLY } from './route-kit.js';
import type { TabCaller } from './caller.js';
import { can } from '../../core/people/authorisation.js';

const mayReadAudit = (caller: TabCaller) => can(caller.person, 'audit.read');

/**
 * The organisation's audit log for L&D administrators: list (with the chain checked from the first
 * entry, so tampering shows) and export as CSV. Reading and exporting are themselves audited.
 */
export const registerAuditRoutes: TabRouteModule = (server, kit, { services }) => {
  server.get(
    '/api/audit',
    kit.route({ query: z.object({ from: z.coerce.number().int().min(1).optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }) }, async ({ caller, query }) => {
      if (!mayReadAudit(caller)) throw forbidden('Only learning and development administrators can read the audit log.');
      const all = await services.auditLog.list();
      const check = verifyChain(all);
      const head = all.at(-1)?.seq ?? 0;
      const from = query.from ?? Math.max(1, head - query.limit + 1);
      return { head, chain: check, entries: all.filter((e) => e.seq >= from).slice(0, query.limit).reverse() };
    }),
  );

  server.get(
    '/api/audit/export',
    kit.route({}, async ({ caller, res }) => {
      if (!mayReadAudit(caller)) throw forbidden('Only learning and development administrators can export the audit log.');
      await services.auditLog.append({ actorId: caller.staffId, action: 'audit.exported' });
      const entries = await services.auditLog.list();
      const lines = [['seq', 'at', 'actor', 'action', 'target', 'summary', 'details', 'previous_hash', 'hash'].join(',')];
      for (const e of entries) {
        lines.push([e.seq, e.at, e.actorId, e.action, e.target ?? '', e.summary ?? '', e.details ? JSON.stringify(e.details) : '', e.previousHash, e.hash].map(csvCell).join(','));
      }
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="audit-log.csv"');
      res.writeHead(200);
      res.end(`\uFEFF${lines.join('\r\n')}\r\n`);
      return NO_REPLY;
    }),
  );
};

/** A CSV cell: quoted when needed, and text a spreadsheet would run as a formula made inert with a leading apostrophe. */
function csvCell(value: unknown): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
