import { request } from 'node:http';
import { Readable } from 'node:stream';
import { joinChunks } from '../../core/storage/property-chunks.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDate } from '../../core/time/local-date.js';
import { esrExportLines, organisationForRows } from '../../scripts/support/esr-export.js';
import { fixture } from '../esr/esr-support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import type { EsrImportResult, EsrMappingsResponse } from '../../tab/shared/esr-import.js';

let app: TestApp;
const ADMIN = 'Bearer dev:E9000022';

// Every test imports into an organisation of its own, as seeded: none depends on another's imports.
beforeEach(async () => {
  app = await startTestApp();
});

afterEach(async () => {
  await app?.stop();
});

async function upload(mode: 'preview' | 'import', body: Buffer | ReadableStream, options: { as?: string; fileName?: string } = {}) {
  const response = await fetch(`${app.server.url}/api/esr/imports?mode=${mode}&fileName=${encodeURIComponent(options.fileName ?? 'export.csv')}`, {
    method: 'POST',
    headers: { authorization: options.as ?? ADMIN, 'content-type': 'text/csv' },
    body,
    ...(body instanceof Buffer ? {} : { duplex: 'half' }),
  } as RequestInit);
  return { status: response.status, body: (await response.json()) as EsrImportResult & { error?: { code: string; message: string } } };
}

async function personEtag(staffId: string): Promise<string | undefined> {
  const entity = await app.services.store.client('staff').getEntity(staffId, 'person');
  return entity.etag;
}

describe('ESR import over the API', () => {
  it('when a learner or a line manager uploads or reads mappings, then the answer is 403 and nothing is read', async () => {
    for (const as of ['Bearer dev:E9000020', 'Bearer dev:E9000021']) {
      const { status, body } = await upload('import', fixture('esr-small.csv'), { as });
      expect(status).toBe(403);
      expect(body.error?.code).toBe('forbidden');
      const mappings = await fetch(`${app.server.url}/api/esr/mappings`, { headers: { authorization: as } });
      expect(mappings.status).toBe(403);
    }
    expect(await app.services.staff.getPerson('20481516')).toBeUndefined();
  });

  it('when the broken export is previewed, then each broken row is reported by line and nothing is written', async () => {
    const { status, body } = await upload('preview', fixture('esr-broken.csv'), { fileName: 'broken.csv' });
    expect(status).toBe(200);
    expect(body.mode).toBe('preview');
    expect(body.issues.filter((i) => i.severity === 'error').map((i) => [i.line, i.kind])).toEqual([
      [3, 'missing-employee-number'],
      [4, 'impossible-date'],
      [5, 'unknown-competence'],
      [6, 'duplicate-row'],
    ]);
    expect(body.issues.filter((i) => i.kind === 'encoding').map((i) => i.line)).toEqual([7, 8]);
    expect(body.notices.join(' ')).toMatch(/2 line\(s\) were not UTF-8 and were read as Windows-1252/);
    expect(body.unknownCompetences.map((u) => u.name)).toEqual(['457|LOCAL|Hand Hygiene Assessment|']);
    expect(body).toMatchObject({ rows: 9, goodRows: 5, errorRows: 4, people: 3 });
    expect(body.written).toBeUndefined();
    expect(await app.services.staff.getPerson('20490001')).toBeUndefined();
  });

  it('when the broken export is imported, then every good row is stored (accents decoded) and the import is audited', async () => {
    const { status, body } = await upload('import', fixture('esr-broken.csv'), { fileName: 'broken.csv' });
    expect(status).toBe(200);
    expect(body.written).toMatchObject({ peopleCreated: 3, peopleUpdated: 0, recordsAdded: 5, peopleFailed: 0 });
    const yusuf = await app.services.staff.getBundle('20490001');
    expect(yusuf!.records.map((r) => [r.subjectId, r.completedOn, r.expiresOn]).sort()).toEqual([
      ['fire-safety', '2026-03-14', '2028-03-14'],
      ['safeguarding-adults', '2025-01-05', null],
    ]);
    expect(yusuf!.person).toMatchObject({ name: 'Yusuf Ahmed', roles: [{ roleId: 'hca', assignment: '20490001' }], managerIds: ['20480001'], orgUnit: 'Avon Vale NHS Foundation Trust / Surgery / Ward 12' });
    expect((await app.services.staff.getPerson('20490002'))!.name).toBe("Siân Ní Bhriain O'Sullivan");
    // The records as they arrived: one history row per person for this import, beside the aggregate.
    const history = await app.services.store.client('staff').getEntity<Record<string, unknown>>('20490001', `import|${body.id}`);
    expect((JSON.parse(joinChunks('data', history)) as { subjectId: string }[]).map((r) => r.subjectId).sort()).toEqual(['fire-safety', 'safeguarding-adults']);
    // Indexes and summaries follow the people written.
    expect(await app.services.directory.staffIdForEmail('piotr.zielinski@nhs.example')).toBe('20490003');
    expect((await app.services.teams.listTeam('20480001')).map((m) => m.staffId).sort()).toEqual(['20490001', '20490002', '20490003']);
    expect((await app.services.summaries.get('20490001'))!.items.length).toBeGreaterThan(5);
    const audit = await app.services.auditLog.list();
    expect(audit.find((e) => e.action === 'esr.imported')).toMatchObject({ actorId: 'E9000022', target: 'broken.csv', details: expect.objectContaining({ importId: body.id, rows: 9 }) });
    const runs = (await (await fetch(`${app.server.url}/api/esr/imports`, { headers: { authorization: ADMIN } })).json()) as { runs: { id: string; mode: string }[] };
    expect(runs.runs[0]).toMatchObject({ id: body.id, mode: 'import' });
    const stored = (await (await fetch(`${app.server.url}/api/esr/imports/${body.id}`, { headers: { authorization: ADMIN } })).json()) as EsrImportResult;
    expect(stored.issues.length).toBe(body.issues.length);
  });

  it('when the realistic export is imported, then people, roles from positions, managers from supervisors, org units, records and indexes are stored', async () => {
    const before = (await app.services.summaries.get('E9000020'))!.items.find((i) => i.subjectId === 'fire-safety')!;
    expect(before.validUntil).toBeUndefined(); // Alex's fire safety is overdue before the import
    const { body } = await upload('import', fixture('esr-small.csv'), { fileName: 'esr-small.csv' });
    expect(body.errorRows).toBe(0);
    expect(body.written).toMatchObject({ peopleCreated: 5, peopleUpdated: 1, recordsAdded: 60, recordsUpdated: 0, peopleFailed: 0 });
    const chidi = (await app.services.staff.getPerson('20481516'))!;
    expect(chidi).toMatchObject({ name: 'Chidi Okafor', staffGroup: 'Nursing and Midwifery Registered', orgUnit: 'Avon Vale NHS Foundation Trust / Medicine / Ward 7', managerIds: ['20480001'], startDate: '2022-09-12' });
    expect(chidi.roles).toEqual([
      { roleId: 'staff-nurse', start: '2022-09-12', assignment: '20481516' },
      { roleId: 'hca', start: '2024-02-01', assignment: '20481516-2' },
    ]);
    expect((await app.services.staff.getPerson('20482233'))!.category).toBe('employee');
    expect((await app.services.teams.listTeam('E9000021')).map((m) => m.staffId)).toEqual(expect.arrayContaining(['20483340', '20483341', 'E9000020']));
    expect(await app.services.directory.staffIdForEmail('chidi.okafor@nhs.example')).toBe('20481516');
    // Alex keeps what ESR does not know (her Entra id), gets her new fire safety, and her summary shows it in date.
    const alex = (await app.services.staff.getBundle('E9000020'))!;
    expect(alex.person.aadObjectId).toBeTruthy();
    expect(alex.person.roles).toEqual([expect.objectContaining({ roleId: 'practice-nurse', assignment: 'E9000020-1' })]);
    const fire = (await app.services.summaries.get('E9000020'))!.items.find((i) => i.subjectId === 'fire-safety')!;
    expect(fire.validUntil).toBe('2028-11-10');
  });

  it('when the same export is imported again, then nothing changes: no person entity is rewritten', async () => {
    expect((await upload('import', fixture('esr-small.csv'), { fileName: 'esr-small.csv' })).body.written?.peopleCreated).toBe(5);
    const ids = ['20480001', '20481516', '20482233', 'E9000020', '20483340', '20483341'];
    const etags = await Promise.all(ids.map(personEtag));
    const { body } = await upload('import', fixture('esr-small.csv'), { fileName: 'esr-small.csv' });
    expect(body.written).toEqual({ peopleCreated: 0, peopleUpdated: 0, peopleUnchanged: 6, recordsAdded: 0, recordsUpdated: 0, recordsUnchanged: 60, peopleFailed: 0 });
    expect(await Promise.all(ids.map(personEtag))).toEqual(etags);
  });

  it('when an unknown competence is mapped to a topic, then the mapping is remembered and the next import records it', async () => {
    expect((await upload('import', fixture('esr-broken.csv'))).body.unknownCompetences).toHaveLength(1);
    const options = (await (await fetch(`${app.server.url}/api/esr/mappings`, { headers: { authorization: ADMIN } })).json()) as EsrMappingsResponse;
    expect(options.topics.find((t) => t.subjectId === 'ipc' && t.level === 1)?.label).toMatch(/Infection Prevention and Control/);
    const bad = await fetch(`${app.server.url}/api/esr/mappings`, {
      method: 'PUT',
      headers: { authorization: ADMIN, 'content-type': 'application/json' },
      body: JSON.stringify({ mappings: [{ kind: 'competence', name: '457|LOCAL|Hand Hygiene Assessment|', target: { kind: 'topic', subjectId: 'nope', level: 1 } }] }),
    });
    expect(bad.status).toBe(400);
    const saved = await fetch(`${app.server.url}/api/esr/mappings`, {
      method: 'PUT',
      headers: { authorization: ADMIN, 'content-type': 'application/json' },
      body: JSON.stringify({ mappings: [{ kind: 'competence', name: '457|LOCAL|Hand Hygiene Assessment|', target: { kind: 'topic', subjectId: 'ipc', level: 1 } }] }),
    });
    expect(saved.status).toBe(200);
    const listed = (await (await fetch(`${app.server.url}/api/esr/mappings`, { headers: { authorization: ADMIN } })).json()) as EsrMappingsResponse;
    expect(listed.mappings).toEqual([expect.objectContaining({ kind: 'competence', name: '457|LOCAL|Hand Hygiene Assessment|', target: { kind: 'topic', subjectId: 'ipc', level: 1 }, updatedBy: 'E9000022' })]);
    const { body } = await upload('import', fixture('esr-broken.csv'));
    expect(body.unknownCompetences).toEqual([]);
    expect(body.written).toMatchObject({ recordsAdded: 1, peopleUpdated: 1, peopleUnchanged: 2 });
    const yusuf = await app.services.staff.getBundle('20490001');
    expect(yusuf!.records.some((r) => r.subjectId === 'ipc' && r.completedOn === '2026-10-10')).toBe(true);
    expect((await app.services.auditLog.list()).some((e) => e.action === 'esr.mapping-changed')).toBe(true);
  });

  it('when a 20,000-row export is streamed, then it is read and imported whole', async () => {
    const today = localDate('2026-11-21');
    const organisation = organisationForRows(20_000, today, 11);
    const makeBody = () => Readable.toWeb(Readable.from((function* () {
      for (const line of esrExportLines(organisation, { today })) yield `${line}\r\n`;
    })())) as ReadableStream;
    const expectedRows = [...esrExportLines(organisation, { today })].length - 1;
    expect(expectedRows).toBeGreaterThan(19_000);
    const first = await upload('import', makeBody(), { fileName: 'big.csv' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ rows: expectedRows, errorRows: 0, people: organisation.people.length });
    expect(first.body.written!.peopleFailed).toBe(0);
    expect(first.body.written!.peopleCreated + first.body.written!.peopleUpdated).toBe(organisation.people.length);
    expect(first.body.written!.recordsAdded).toBe(first.body.records);
    // Past the 40 people the test app seeded (the generated ids start at E0000001 too).
    const someone = organisation.people.find((p, i) => i > 100 && p.records.length > 3)!;
    expect((await app.services.staff.getBundle(someone.person.id))!.records.length).toBe(someone.records.length);
  }, 60_000);

  it('when an upload declares more bytes than the cap, then it is refused with 413 before it is read', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${app.server.url}/api/esr/imports?mode=preview`);
      const req = request({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: 'POST', headers: { authorization: ADMIN, 'content-length': String(300 * 1024 * 1024) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        // The upload is never finished: close it, or the server's graceful stop waits for it.
        req.destroy();
      });
      req.on('error', reject);
      req.write('Employee Number,Competency Name\r\n');
    });
    expect(status).toBe(413);
  });
});
