import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLocalDate } from '../../core/time/local-date.js';
import type { MyLearningView, TeamView } from '../../tab/shared/learning-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ADELE, ALEX, call, clearRecords, issue, MEGAN, present } from './passport-support.js';

/**
 * Where transferred records came from, shown wherever records are: My learning's history, the
 * manager's team view (a marker on the cell) and the export of records (a Source column).
 */
let a: TestApp;
let b: TestApp;
let passportId: string;
let line: string;

beforeAll(async () => {
  [a, b] = await Promise.all([
    startTestApp({ env: { ORGANISATION_NAME: 'Avon Vale NHS Foundation Trust', PASSPORT_ODS_CODE: 'AAA01' } }),
    startTestApp({ env: { ORGANISATION_NAME: 'Severn Practice', PASSPORT_ODS_CODE: 'BBB02' } }),
  ]);
  expect((await call(b, ADELE, 'POST', '/api/passport/trust', { issuer: a.server.url, odsCode: 'AAA01', name: 'Avon Vale NHS Foundation Trust' })).status).toBe(201);
  const passport = await issue(a);
  passportId = passport.id;
  await clearRecords(b, ALEX);
  expect((await present(b, ALEX, { text: passport.link })).body.outcome).toBe('transferred');
  line = `Learning passport ${passportId.slice(0, 8)} from Avon Vale NHS Foundation Trust (ODS AAA01), verified on ${formatLocalDate(b.today)}`;
}, 90_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

describe('provenance of transferred records', () => {
  it('when Alex opens My learning at B, then each transferred record’s source names the issuer, ODS code, passport and the day it was verified', async () => {
    const mine = await call<MyLearningView>(b, ALEX, 'GET', '/api/learning/me');
    const transferred = mine.body.history.filter((r) => r.source.startsWith('Learning passport'));
    expect(transferred.length).toBeGreaterThan(0);
    expect(transferred.every((r) => r.source === line && r.verification === 'verified')).toBe(true);
  });

  it('when Megan (Alex’s manager) opens her team at B, then the cells held by transferred records carry where they came from', async () => {
    const team = await call<TeamView>(b, MEGAN, 'GET', '/api/team');
    const alex = team.body.members.find((m) => m.staffId === ALEX)!;
    const marked = alex.cells.filter((c) => c.source);
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((c) => c.source === line && c.heldUntil !== undefined)).toBe(true);
    // Nobody else's cells are marked: their learning is B's own.
    expect(team.body.members.filter((m) => m.staffId !== ALEX).flatMap((m) => m.cells).some((c) => c.source)).toBe(false);
  });

  it('when the records from passports are exported, then the CSV and the workbook have a Source column, for the organisation (L&D) and for a team (a manager)', async () => {
    for (const who of [ADELE, MEGAN]) {
      const csv = await fetch(`${b.server.url}/api/reports/export?report=passport-records&format=csv`, { headers: { authorization: `Bearer dev:${who}` } });
      expect(csv.status).toBe(200);
      const [header, ...rows] = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(header).toBe('Name,Staff number,Staff group,Organisation unit,Topic,Completed,Valid until,Counts,Source');
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.startsWith('Alex Wilber,E9000020,') && row.endsWith(`"${line}"`))).toBe(true);
    }
    const xlsx = await fetch(`${b.server.url}/api/reports/export?report=passport-records&format=xlsx`, { headers: { authorization: `Bearer dev:${ADELE}` } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(9).value).toBe('Source');
    expect(sheet.getRow(2).getCell(9).value).toBe(line);
    // A learner is not a manager: no export.
    expect((await fetch(`${b.server.url}/api/reports/export?report=passport-records&format=csv`, { headers: { authorization: `Bearer dev:${ALEX}` } })).status).toBe(403);
  });
});
