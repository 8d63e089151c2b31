import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import type { EsrImportResult } from '../../tab/shared/esr-import.js';

let app: TestApp;
const ADMIN = 'Bearer dev:E9000022';
const MB = 1024 * 1024;
const HEADER = 'Employee Number,Full Name,Position Title,Staff Group,Competency Name,Date Start,Expiry Date';
const good = (n: number, name = `Person, Good ${n}`) => `E77${String(n).padStart(5, '0')},"${name}",Staff Nurse,Nursing and Midwifery Registered,"NHS|CSTF|Fire Safety - 2 Years|",01-Mar-2026,01-Mar-2028`;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.stop();
});

async function upload(mode: 'preview' | 'import', text: string) {
  const response = await fetch(`${app.server.url}/api/esr/imports?mode=${mode}&fileName=big-cells.csv`, { method: 'POST', headers: { authorization: ADMIN, 'content-type': 'text/csv' }, body: text });
  const raw = await response.text();
  return { status: response.status, raw, body: JSON.parse(raw) as EsrImportResult & { error?: { code: string; message: string } } };
}

describe('ESR import: an oversized cell is a problem on its line, never a 500 after partial writes', () => {
  const file = [
    HEADER,
    good(1),
    `E7700002,"Person, Big Competence",Staff Nurse,Nursing and Midwifery Registered,"${'C'.repeat(MB)}",01-Mar-2026,01-Mar-2028`,
    `E7700003,"Person, Big Position",${'P'.repeat(MB)},Nursing and Midwifery Registered,"NHS|CSTF|Fire Safety - 2 Years|",01-Mar-2026,01-Mar-2028`,
    `E7700004,"${'N'.repeat(MB)}",Staff Nurse,Nursing and Midwifery Registered,"NHS|CSTF|Fire Safety - 2 Years|",01-Mar-2026,01-Mar-2028`,
    good(5),
  ].join('\n');

  it('when a file has 1 MB competence, position and name cells, then preview names each line and what fits, quoting nothing long', async () => {
    const { status, body, raw } = await upload('preview', file);
    expect(status).toBe(200);
    expect(body.issues.filter((i) => i.kind === 'oversized-cell').map((i) => [i.line, i.message])).toEqual([
      [3, 'Competency Name is 1,048,576 characters; at most 300 fit, so the row was left out.'],
      [4, 'Position Title is 1,048,576 characters; at most 200 fit, so the row was left out.'],
      [5, 'Full Name is 1,048,576 characters; at most 200 fit, so the row was left out.'],
    ]);
    expect(raw.length).toBeLessThan(20_000);
    expect(raw).not.toMatch(/(C{400}|P{400}|N{400})/);
  });

  it('when the same file is imported, then the good rows are written, the rest is not, and the run and its audit entries exist', async () => {
    const { status, body, raw } = await upload('import', file);
    expect(status).toBe(200);
    expect(body.state).toBe('finished');
    expect(body.written).toMatchObject({ peopleCreated: 2, peopleFailed: 0 });
    expect(raw.length).toBeLessThan(20_000);
    expect(await app.services.staff.getPerson('E7700001')).toBeDefined();
    expect(await app.services.staff.getPerson('E7700005')).toBeDefined();
    for (const id of ['E7700002', 'E7700003', 'E7700004']) expect(await app.services.staff.getPerson(id)).toBeUndefined();
    const run = await fetch(`${app.server.url}/api/esr/imports/${body.id}`, { headers: { authorization: ADMIN } });
    expect(run.status).toBe(200);
    expect(((await run.json()) as EsrImportResult).state).toBe('finished');
    const chained = (await app.services.auditLog.list()).filter((e) => e.details?.importId === body.id).map((e) => e.action);
    expect(chained).toEqual(['esr.import-started', 'esr.imported']);
  });

  it('when the whole file is one 1 MB field, then the 422 says what is missing in a few hundred characters', async () => {
    const { status, body, raw } = await upload('preview', 'H'.repeat(MB));
    expect(status).toBe(422);
    expect(body.error?.code).toBe('esr-missing-columns');
    expect(raw.length).toBeLessThan(1_000);
    expect(body.error?.message).toContain('(1,048,576 characters)');
  });

  it('when one employee number comes with two names, then a warning names both lines and which name was kept', async () => {
    const { body } = await upload('preview', [HEADER, good(10, 'Smith, Jane'), good(10, 'Jones, Jane').replace('Fire Safety - 2 Years', 'Information Governance and Data Security - 1 Year')].join('\n'));
    const warning = body.issues.find((i) => i.kind === 'different-name');
    expect(warning).toMatchObject({ line: 3, severity: 'warning', employeeNumber: 'E7700010' });
    expect(warning?.message).toBe('Employee E7700010 is “Jane Jones” here but “Jane Smith” on line 2; “Jane Smith” (line 2) was kept. Check which is right.');
  });
});
