import { download, tabClient } from '../support/tab-client.js';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrganisation } from '../../core/demo/seed-store.js';
import { recordDidNotAttend } from '../../core/learning/team.js';
import { refreshSummary } from '../../core/learning/refresh-summary.js';
import { ReportSnapshotRepository } from '../../core/storage/report-snapshot-repository.js';
import { localDate } from '../../core/time/local-date.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { AAD, smallOrganisation } from '../reports/small-organisation.js';
import type { AnnualPlanResponse, ComplianceReportResponse, DnaReportResponse, FeedbackReportResponse, UnreachableReportResponse } from '../../tab/shared/reports.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ seed: false });
  await seedOrganisation(app.services, smallOrganisation(), { today: app.today, rules: app.config.rules });
  // A snapshot from last month, for the trend.
  await new ReportSnapshotRepository(app.services.store).createMonth({ month: '2026-10', takenOn: localDate('2026-10-02'), people: 7, required: 18, compliant: 12, percent: 66.6, bySubject: { ig: 50 }, byStaffGroup: {} });
  // Conversations: N1 reachable, N2's chat gone; A1 and M1 never opened the app; N3, C1, G1 have no Teams account.
  const now = new Date(`${app.today}T10:00:00Z`);
  await app.services.conversations.savePersonal(AAD.N1, 'a:n1', 'https://smba.example', { id: 'n1' }, now);
  await app.services.conversations.savePersonal(AAD.N2, 'a:n2', 'https://smba.example', { id: 'n2' }, now);
  await app.services.conversations.markStale(AAD.N2, now);
  await recordDidNotAttend({ ...app.services.learning, teams: app.services.teams }, 'M1', { staffId: 'N2', subjectId: 'sepsis', sessionDate: localDate('2026-11-03'), reason: 'Off sick', plan: 'Next session in December' });
  const feedback = app.services.learning.feedback;
  await feedback.save({ id: 'f1', subjectId: 'ig', staffId: 'N1', relevance: 4, accessibility: 5, effectiveness: 3, comment: '@SUM(A1:A9) useful', givenAt: '2026-11-01T10:00:00Z' });
  await feedback.save({ id: 'f2', subjectId: 'ig', staffId: 'N2', relevance: 2, accessibility: 3, effectiveness: 5, givenAt: '2026-11-02T10:00:00Z' });
});

afterAll(async () => {
  await app?.stop();
});

const get = <T>(path: string, as: string) => tabClient(app, as)<T>('GET', path);
const downloadAs = (path: string, as = 'A1') => download(app, as, path);

describe('reports over the API', () => {
  it('when an L&D administrator asks for the compliance report, then the organisation figures are the hand-computed ones, flagged below 80 %', async () => {
    const { status, body } = await get<ComplianceReportResponse>('/api/reports/compliance', 'A1');
    expect(status).toBe(200);
    expect(body.scope.kind).toBe('organisation');
    expect(body.threshold).toBe(80);
    expect(body.overall).toMatchObject({ required: 18, compliant: 14, percent: 77.7, belowThreshold: true });
    expect(body.bySubject.map((s) => [s.subject, s.percent, s.belowThreshold])).toEqual([
      ['Fire Safety', 85.7, false],
      ['Information Governance and Data Security', 71.4, true],
      ['Sepsis Awareness', 75, true],
    ]);
    expect(body.byOrgUnit.map((u) => [u.orgUnit, u.compliant, u.required])).toEqual([
      ['Trust / Corporate', 4, 4],
      ['Trust / Ward 1', 6, 9],
      ['Trust / Ward 2', 4, 5],
    ]);
    expect(body.filters.staffGroups).toEqual(['Admin', 'Nursing']);
    // A report is JSON worth compressing: gzipped for a client that accepts it.
    const zipped = await fetch(`${app.server.url}/api/reports/compliance`, { headers: { authorization: 'Bearer dev:A1', 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(((await zipped.json()) as ComplianceReportResponse).overall.percent).toBe(77.7);
  });

  it('when the first organisation report of the month is made, then the month is snapshotted once, and the months before snapshots began are worked out from the records', async () => {
    const { body } = await get<ComplianceReportResponse>('/api/reports/compliance?staffGroup=Nursing', 'G1');
    expect(body.overall).toMatchObject({ required: 12, compliant: 9, percent: 75 });
    expect(body.history?.state).toMatch(/running|done/);
    let later = body;
    for (let i = 0; i < 100 && later.history?.state !== 'done'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      later = (await get<ComplianceReportResponse>('/api/reports/compliance', 'G1')).body;
    }
    expect(later.history?.state).toBe('done');
    later = (await get<ComplianceReportResponse>('/api/reports/compliance', 'G1')).body;
    // The last 12 months: eleven past months, then this month's live figure; October's snapshot kept as it was taken.
    expect(later.trend.map((t) => t.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(later.trend.map((t) => t.basis)).toEqual([...Array(10).fill('records'), 'snapshot', 'live']);
    expect(later.trend.slice(-2).map((t) => [t.month, t.percent])).toEqual([
      ['2026-10', 66.6],
      ['2026-11', 77.7],
    ]);
    // 1 Sep 2026, by hand: everyone's fire safety valid but N2's (expired Jan 2026); IG valid for A1, G1, N1–N3; sepsis for M1, N1, N3 → 14 of 18.
    expect(later.trend.find((t) => t.month === '2026-09')).toMatchObject({ people: 7, percent: 77.7, takenOn: '2026-09-01' });
    const stored = await new ReportSnapshotRepository(app.services.store).months('2026-09');
    expect(stored.map((s) => [s.month, s.percent, s.people, s.basis])).toEqual([
      ['2026-09', 77.7, 7, 'records'],
      ['2026-10', 66.6, 7, 'snapshot'],
      ['2026-11', 77.7, 7, 'snapshot'],
    ]);
  });

  it('when a line manager asks, then they get only their team’s figures and no trend; a learner gets 403', async () => {
    const { status, body } = await get<ComplianceReportResponse>('/api/reports/compliance', 'M1');
    expect(status).toBe(200);
    expect(body.scope.kind).toBe('team');
    expect(body.people).toBe(3);
    expect(body.overall).toMatchObject({ required: 9, compliant: 7, percent: 77.7 });
    expect(body.bySubject.map((s) => [s.subjectId, s.percent])).toEqual([
      ['fire-safety', 66.6],
      ['ig', 100],
      ['sepsis', 66.6],
    ]);
    expect(body.trend).toEqual([]);
    for (const path of ['/api/reports/compliance', '/api/reports/dna', '/api/reports/unreachable', '/api/reports/feedback', '/api/reports/annual-plan', '/api/reports/export?report=compliance&format=csv']) {
      expect((await get(path, 'N1')).status).toBe(403);
    }
    expect((await get('/api/reports/feedback', 'M1')).status).toBe(403);
    expect((await get('/api/reports/annual-plan', 'M1')).status).toBe(403);
  });

  it('when someone completes learning, then the next report shows it (the held summaries are refreshed by what changed)', async () => {
    // Arrange: this month's snapshot is taken from the organisation as seeded (other tests read it).
    await get<ComplianceReportResponse>('/api/reports/compliance', 'A1');
    const completion = { id: 'r-N2-fire-new', subjectId: 'fire-safety', level: 1, completedOn: localDate('2026-11-20'), method: 'e-learning' as const, source: { kind: 'self' as const }, verification: { state: 'verified' as const }, recordedAt: '2026-11-20T10:00:00Z' };
    const reportedFire = async () => (await get<ComplianceReportResponse>('/api/reports/compliance', 'A1')).body.bySubject.find((s) => s.subjectId === 'fire-safety');
    const waitForCache = () => new Promise((resolve) => setTimeout(resolve, 1100));
    try {
      // Act
      await app.services.staff.saveRecord('N2', completion);
      await refreshSummary(app.services.learning, 'N2');
      await waitForCache();

      // Assert
      expect(await reportedFire()).toMatchObject({ compliant: 7, required: 7, percent: 100 });
    } finally {
      // The seeded organisation again, for the tests that read its figures, in whatever order they run.
      await app.services.staff.change('N2', (bundle) => ({ kind: 'write', bundle: { ...bundle, records: bundle.records.filter((r) => r.id !== completion.id) }, result: true }));
      await refreshSummary(app.services.learning, 'N2');
      await waitForCache();
    }
  });

  it('when the DNA report is asked for, then the organisation sees every did-not-attend and the manager their team’s', async () => {
    for (const as of ['A1', 'M1']) {
      const { body } = await get<DnaReportResponse>('/api/reports/dna', as);
      expect(body.rows).toEqual([expect.objectContaining({ staffId: 'N2', name: 'Ned Nurse', subject: 'Sepsis Awareness', sessionDate: '2026-11-03', reason: 'Off sick', plan: 'Next session in December', recordedByName: 'Mia Manager' })]);
      expect(body.bySubject).toEqual([{ subjectId: 'sepsis', subject: 'Sepsis Awareness', count: 1 }]);
    }
    const outside = await get<DnaReportResponse>('/api/reports/dna?from=2026-11-10&to=2026-11-21', 'A1');
    expect(outside.body.rows).toEqual([]);
  });

  it('when people not reachable in Teams are listed, then each says why', async () => {
    const { body } = await get<UnreachableReportResponse>('/api/reports/unreachable', 'A1');
    expect(body.counts).toEqual({ 'no-teams-account': 3, 'no-conversation': 2, 'conversation-gone': 1 });
    expect(body.rows.find((r) => r.staffId === 'N2')).toMatchObject({ reason: 'conversation-gone', reasonText: 'Removed the app or the chat is gone' });
    const team = await get<UnreachableReportResponse>('/api/reports/unreachable', 'M1');
    expect(team.body.rows.map((r) => [r.staffId, r.reason])).toEqual([
      ['N2', 'conversation-gone'],
      ['N3', 'no-teams-account'],
    ]);
  });

  it('when feedback per topic is asked for, then ratings are averaged and the latest comments shown', async () => {
    const { body } = await get<FeedbackReportResponse>('/api/reports/feedback', 'G1');
    expect(body.subjects.find((s) => s.subjectId === 'ig')).toMatchObject({ responses: 2, relevance: 3, accessibility: 4, effectiveness: 4, comments: [{ givenAt: '2026-11-01T10:00:00Z', text: '@SUM(A1:A9) useful' }] });
    expect(body.subjects.find((s) => s.subjectId === 'fire-safety')).toMatchObject({ responses: 0, relevance: null });
  });

  it('when the compliance report is exported as CSV, then it parses, carries the figures and flags, neutralises formulas, and is audited', async () => {
    const { status, headers, bytes } = await downloadAs('/api/reports/export?report=compliance&format=csv');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/text\/csv/);
    expect(headers.get('content-disposition')).toBe('attachment; filename="compliance-2026-11-21.csv"');
    const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    const igWard2 = rows.find((r) => r.Subject === 'Information Governance and Data Security' && r['Organisation unit'] === 'Trust / Ward 2' && r['Staff group'] === 'Admin')!;
    expect(igWard2).toMatchObject({ Required: '1', Compliant: '0', 'Compliance %': '0', 'Below threshold': 'Yes' });
    const unreachable = parse((await downloadAs('/api/reports/export?report=unreachable&format=csv')).bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(unreachable.find((r) => r['Staff number'] === 'C1')!.Name).toBe("'=1+2 Clerk");
    const feedback = parse((await downloadAs('/api/reports/export?report=feedback&format=csv', 'G1')).bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(feedback.find((r) => r.Subject?.startsWith('Information'))!['Latest comments']).toBe("'@SUM(A1:A9) useful");
    const audit = await app.services.auditLog.list();
    expect(audit.filter((e) => e.action === 'report.exported').map((e) => e.target)).toEqual(expect.arrayContaining(['compliance-2026-11-21.csv', 'unreachable-2026-11-21.csv']));
  });

  it('when the compliance report is exported as XLSX, then the workbook opens with a sheet per view, numbers as numbers and formulas neutralised', async () => {
    const { status, bytes } = await downloadAs('/api/reports/export?report=compliance&format=xlsx');
    expect(status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Subject × group × unit', 'By subject', 'By staff group', 'By organisation unit', 'Trend']);
    const bySubject = workbook.getWorksheet('By subject')!;
    expect(bySubject.getRow(1).values).toEqual([undefined, 'Subject', 'Required', 'Compliant', 'Compliance %', 'Overdue', 'Due soon', 'Exempt', 'Below threshold']);
    const ig = bySubject.getRow(3).values as unknown[];
    expect(ig.slice(1)).toEqual(['Information Governance and Data Security', 7, 5, 71.4, 2, 0, 0, 'Yes']);
    const people = await downloadAs('/api/reports/export?report=unreachable&format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(people.bytes as unknown as ArrayBuffer);
    const names = book.worksheets[0]!.getColumn(1).values.filter((v) => typeof v === 'string') as string[];
    expect(names).toContain("'=1+2 Clerk");
    expect(names.some((n) => n.startsWith('='))).toBe(false);
    book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('when the annual plan is read and edited, then facts are computed, judgements stored and audited, and the export carries both', async () => {
    const first = await get<AnnualPlanResponse>('/api/reports/annual-plan', 'G1');
    expect(first.body).toMatchObject({ year: 2027, label: '2027/28', headcount: { asOf: '2027-03-01', value: 7 } });
    expect(first.body.headcount.basis).toMatch(/forecast/);
    expect(first.body.national.map((t) => [t.subjectId, t.headcountRequired, t.renewal, t.nationalContent])).toEqual([
      ['fire-safety', 7, 'Every 2 years', 'Y'],
      ['ig', 7, 'Every year', 'Y'],
    ]);
    expect(first.body.local.map((t) => [t.subjectId, t.headcountRequired, t.nationalContent])).toEqual([['sepsis', 4, 'N']]);
    const put = await fetch(`${app.server.url}/api/reports/annual-plan/2027`, {
      method: 'PUT',
      headers: { authorization: 'Bearer dev:G1', 'content-type': 'application/json' },
      body: JSON.stringify({
        header: { submitterName: 'Gil Mlog', dateSubmitted: '2026-11-21' },
        topics: [
          { subjectId: 'fire-safety', level: 1, nationalContent: 'Y', assessMinutes: null, completeMinutes: 45, improvement: 'Fewer false alarms' },
          { subjectId: 'sepsis', level: 1, nationalContent: 'N', assessMinutes: 20, completeMinutes: 90, improvement: '=Sepsis deaths down 10%' },
        ],
      }),
    });
    expect(put.status).toBe(200);
    const edited = (await put.json()) as AnnualPlanResponse;
    expect(edited.submitterName).toBe('Gil Mlog');
    expect(edited.national.find((t) => t.subjectId === 'fire-safety')).toMatchObject({ completeMinutes: 45, staffHoursPerYear: 2.6, updatedBy: 'G1' });
    // Assessment time counts too: 4 people × (20 + 90) minutes every 3 years.
    expect(edited.local[0]).toMatchObject({ assessMinutes: 20, completeMinutes: 90, staffHoursPerYear: 2.4 });
    expect(edited.totals.staffHoursPerYear).toBe(5);
    const bad = await fetch(`${app.server.url}/api/reports/annual-plan/2027`, { method: 'PUT', headers: { authorization: 'Bearer dev:G1', 'content-type': 'application/json' }, body: JSON.stringify({ topics: [{ subjectId: 'nope', level: 1, nationalContent: 'Y', assessMinutes: null, completeMinutes: null, improvement: '' }] }) });
    expect(bad.status).toBe(400);
    expect((await app.services.auditLog.list()).some((e) => e.action === 'annual-plan.changed' && e.actorId === 'G1')).toBe(true);
    const csv = (await downloadAs('/api/reports/export?report=annual-plan&format=csv&year=2027', 'G1')).bytes.toString('utf8');
    expect(csv).toContain('Headcount as of 1 March 2027,7');
    const records = parse(csv, { bom: true, relax_column_count: true }) as string[][];
    expect(records.find((r) => r[0] === 'Sepsis Awareness')).toEqual(['Sepsis Awareness', '4', 'N', '20', '90', 'Every 3 years', "'=Sepsis deaths down 10%", '2.4']);
    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load((await downloadAs('/api/reports/export?report=annual-plan&format=xlsx&year=2027', 'G1')).bytes as unknown as ArrayBuffer);
    expect(xlsx.worksheets.map((w) => w.name)).toEqual(['Annual plan', 'Nationally mandated topics', 'Locally mandated topics']);
    expect(xlsx.getWorksheet('Nationally mandated topics')!.getRow(2).values).toEqual([undefined, 'Fire Safety', 7, 'Y', undefined, 45, 'Every 2 years', 'Fewer false alarms', 2.6]);
  });
});
