import { recordExpiry } from '../../core/learning/compliance.js';
import { provenanceLine } from '../../core/passport/passport-messages.js';
import type { ExportTable } from '../../core/reports/export-table.js';
import { runConcurrently } from '../../core/util/concurrency.js';
import type { TabServices } from './tab-context.js';

const COUNTS: Record<string, string> = { verified: 'Verified', pending: 'Waiting for verification', rejected: 'Not accepted' };

/**
 * The export of records that came in learning passports, each with its Source (issuer, ODS code,
 * passport, verified on). Who is in it: a manager's team; for the organisation, the people the audit
 * chain names as having presented one (`passport.transferred` / `passport.queued`: one query of the
 * audit log's partition, then a point read of each of those people) — never a scan of everyone's records.
 */
export async function passportRecordsTable(services: Pick<TabServices, 'staff' | 'catalogue' | 'auditLog'>, scope: { kind: 'organisation' } | { kind: 'team'; memberIds: ReadonlySet<string> }): Promise<ExportTable> {
  const ids =
    scope.kind === 'team'
      ? [...scope.memberIds]
      : [...new Set((await services.auditLog.list({ limit: Number.MAX_SAFE_INTEGER })).filter((e) => (e.action === 'passport.transferred' || e.action === 'passport.queued') && e.target).map((e) => e.target!))];
  const catalogue = await services.catalogue.current();
  const rows: ExportTable['rows'] = [];
  await runConcurrently(ids, 16, async (id) => {
    const bundle = await services.staff.getBundle(id);
    if (!bundle) return;
    const { person } = bundle;
    for (const record of bundle.records) {
      if (!record.provenance) continue;
      const expires = recordExpiry(record, catalogue.topicFor(record.subjectId, record.level)?.renewalMonths ?? null);
      rows.push([person.name, person.id, person.staffGroup, person.orgUnit, catalogue.topicLabel(record.subjectId, record.level), record.completedOn, expires ?? 'no expiry', COUNTS[record.verification.state] ?? record.verification.state, provenanceLine(record.provenance, record.verification)]);
    }
  });
  rows.sort((x, y) => String(x[0]).localeCompare(String(y[0])) || String(x[4]).localeCompare(String(y[4])));
  return {
    title: 'Records from learning passports',
    columns: [{ header: 'Name', width: 28 }, { header: 'Staff number' }, { header: 'Staff group', width: 24 }, { header: 'Organisation unit', width: 40 }, { header: 'Topic', width: 40 }, { header: 'Completed' }, { header: 'Valid until' }, { header: 'Counts', width: 24 }, { header: 'Source', width: 80 }],
    rows,
  };
}
