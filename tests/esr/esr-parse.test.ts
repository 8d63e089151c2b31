import { describe, expect, it } from 'vitest';
import { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import { defaultCatalogue } from '../../core/learning/default-matrix.js';
import { matchCompetence, matchPosition, parseCompetenceName } from '../../core/learning/esr/esr-competence.js';
import { parseEsrDate } from '../../core/learning/esr/esr-dates.js';
import { EsrFileError } from '../../core/learning/esr/esr-types.js';
import { fixture, parseBytes } from './esr-support.js';

const catalogue = new CatalogueIndex(defaultCatalogue());
const match = (name: string) => matchCompetence(parseCompetenceName(name), catalogue);

describe('ESR dates', () => {
  it('when a date is written as ESR writes it, then it is read as that calendar day', () => {
    expect(parseEsrDate('30-Nov-2028')).toEqual({ kind: 'date', date: '2028-11-30' });
    expect(parseEsrDate('01-FEB-2024')).toEqual({ kind: 'date', date: '2024-02-01' });
    expect(parseEsrDate('29/02/2024')).toEqual({ kind: 'date', date: '2024-02-29' });
    expect(parseEsrDate('2027-03-01')).toEqual({ kind: 'date', date: '2027-03-01' });
  });

  it('when a cell says "no expiry" or is empty, then it is never-expiring or empty, not an error', () => {
    expect(parseEsrDate('no expiry')).toEqual({ kind: 'never' });
    expect(parseEsrDate('No Expiry')).toEqual({ kind: 'never' });
    expect(parseEsrDate('  ')).toEqual({ kind: 'empty' });
  });

  it('when the day does not exist (31-Feb-2027, 29-Feb-2027), then it is refused, never rolled over', () => {
    expect(parseEsrDate('31-Feb-2027').kind).toBe('invalid');
    expect(parseEsrDate('29-Feb-2027').kind).toBe('invalid');
    expect(parseEsrDate('32/01/2026').kind).toBe('invalid');
    expect(parseEsrDate('30-Foo-2026').kind).toBe('invalid');
    expect(parseEsrDate('yesterday').kind).toBe('invalid');
  });
});

describe('ESR competence names', () => {
  it('when a name is pipe-delimited, then owner, framework and title are split and the kind told', () => {
    expect(parseCompetenceName('NHS|CSTF|Fire Safety - 2 Years|')).toMatchObject({ owner: 'NHS', framework: 'CSTF', title: 'Fire Safety - 2 Years', kind: 'national' });
    expect(parseCompetenceName('457|LOCAL|Sepsis Awareness|')).toMatchObject({ owner: '457', framework: 'LOCAL', title: 'Sepsis Awareness', kind: 'local' });
  });

  it.each([
    ['NHS|CSTF|Fire Safety - 2 Years|', 'fire-safety', 1],
    ['NHS|CSTF|Equality, Diversity and Human Rights - 3 Years|', 'edhr', 1],
    ['NHS|CSTF|Health, Safety and Welfare - 3 Years|', 'health-safety', 1],
    ['NHS|CSTF|Infection Prevention and Control - Level 2 - 1 Year|', 'ipc', 2],
    ['NHS|CSTF|Information Governance and Data Security - 1 Year|', 'ig', 1],
    ['NHS|CSTF|Moving and Handling - Level 2 - 2 Years|', 'moving-handling', 2],
    ['NHS|CSTF|Preventing Radicalisation - Basic Prevent Awareness - 3 Years|', 'prevent', 1],
    ['NHS|CSTF|Preventing Radicalisation - Prevent Level 3 - 3 Years|', 'prevent', 3],
    ['NHS|CSTF|Resuscitation - Level 2 - Adult Basic Life Support - 1 Year|', 'resuscitation', 2],
    ['NHS|CSTF|Resuscitation - Level 3 - Adult Immediate Life Support - 1 Year|', 'resuscitation', 3],
    ['NHS|CSTF|Safeguarding Children - Level 3 - 3 Years|', 'safeguarding-children', 3],
    ['NHS|CSTF|Oliver McGowan Mandatory Training on Learning Disability and Autism - Tier 2|', 'oliver-mcgowan', 2],
    ['NHS|CSTF|Conflict Resolution - 3 Years|', 'conflict-resolution', 1],
  ])('when the name is %s, then it is %s at level %i', (name, subjectId, level) => {
    expect(match(name)).toEqual({ kind: 'topic', subjectId, level, via: 'name' });
  });

  it('when a name fits no topic, names a level the subject lacks, or does not say which of several levels, then it is unknown with the reason', () => {
    expect(match('457|LOCAL|Hand Hygiene Assessment|')).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/no topic/) });
    expect(match('NHS|CSTF|Safeguarding Adults - Level 4 - 3 Years|')).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/no level 4/) });
    expect(match('NHS|CSTF|Safeguarding Adults - 3 Years|')).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/several levels/) });
    // A national subject's name under LOCAL is not taken as the national topic.
    expect(match('457|LOCAL|Fire Safety Warden|').kind).toBe('unknown');
  });

  it('when a position is a role of the matrix (by name, ignoring brackets and ESR codes), then it is that role', () => {
    expect(matchPosition('Staff Nurse', catalogue)).toBe('staff-nurse');
    expect(matchPosition('12345|Practice Nurse|', catalogue)).toBe('practice-nurse');
    expect(matchPosition('Care Navigator', catalogue)).toBe('receptionist');
    expect(matchPosition('Ward Manager (Band 7)', catalogue)).toBeUndefined();
  });
});

describe('parsing an ESR export', () => {
  it('when the realistic small export is read, then every person, assignment and record is gathered and nothing is an error', async () => {
    const parsed = await parseBytes(fixture('esr-small.csv'));
    expect(parsed.rows).toBe(74);
    expect(parsed.errorRows).toBe(0);
    expect(parsed.issues).toEqual([]);
    expect(parsed.people.size).toBe(6);
    expect(parsed.notHeldRows).toBe(3); // Chidi's health and safety on both assignments, Fatima's Oliver McGowan
    const chidi = parsed.people.get('20481516')!;
    expect(chidi.name).toBe('Chidi Okafor');
    expect([...chidi.assignments.values()].map((a) => [a.number, a.roleId, a.supervisorId, a.orgUnit])).toEqual([
      ['20481516', 'staff-nurse', '20480001', 'Avon Vale NHS Foundation Trust / Medicine / Ward 7'],
      ['20481516-2', 'hca', '20480001', 'Avon Vale NHS Foundation Trust / Medicine / Ward 7'],
    ]);
    // The same competences listed under both assignments are one record each.
    expect(chidi.records.size).toBe(11);
    const zofia = parsed.people.get('20482233')!;
    expect([...zofia.records.values()].find((r) => r.subjectId === 'prevent')?.expiresOn).toBeNull();
    expect([...zofia.records.values()].find((r) => r.subjectId === 'fire-safety')).toMatchObject({ completedOn: '2024-09-12', expiresOn: '2026-09-12' });
    expect(parsed.supervisorsOutsideFile).toEqual(new Map([['E9000021', 50]]));
  });

  it('when the broken export is read, then each broken row is reported on its line and every good row is kept', async () => {
    const parsed = await parseBytes(fixture('esr-broken.csv'));
    const byLine = parsed.issues.map((i) => [i.line, i.kind, i.severity]);
    expect(byLine).toEqual([
      [3, 'missing-employee-number', 'error'],
      [4, 'impossible-date', 'error'],
      [5, 'unknown-competence', 'error'],
      [6, 'duplicate-row', 'error'],
      [7, 'encoding', 'warning'],
      [8, 'encoding', 'warning'],
    ]);
    expect(parsed.issues.find((i) => i.line === 4)!.message).toMatch(/31-Feb-2027.*not a day on the calendar/);
    expect(parsed.issues.find((i) => i.line === 6)!.message).toMatch(/repeats line 2/);
    expect(parsed.issues.find((i) => i.line === 7)!.message).toMatch(/Windows-1252/);
    expect(parsed.rows).toBe(9);
    expect(parsed.errorRows).toBe(4);
    expect(parsed.encoding.windows1252Lines).toBe(2);
    // Nothing good lost: Yusuf's fire safety and safeguarding, Siân's two records (decoded correctly), Piotr's IPC.
    expect([...parsed.people.get('20490001')!.records.values()].map((r) => r.subjectId).sort()).toEqual(['fire-safety', 'safeguarding-adults']);
    expect(parsed.people.get('20490002')!.name).toBe('Siân Ní Bhriain O\'Sullivan');
    expect(parsed.people.get('20490002')!.records.size).toBe(2);
    expect(parsed.people.get('20490003')!.name).toBe('Piotr Zieliński');
    expect(parsed.unknownCompetences).toEqual([expect.objectContaining({ name: '457|LOCAL|Hand Hygiene Assessment|', rows: 1, firstLine: 5 })]);
  });

  it('when an unknown competence has a remembered mapping, then its rows become records of that topic (or are ignored)', async () => {
    const key = '457|local|hand hygiene assessment|';
    const mapped = await parseBytes(fixture('esr-broken.csv'), { competences: [[key, { kind: 'topic', subjectId: 'ipc', level: 1 }]] });
    expect(mapped.issueCounts['unknown-competence']).toBeUndefined();
    expect([...mapped.people.get('20490001')!.records.values()].some((r) => r.subjectId === 'ipc' && r.completedOn === '2026-10-10')).toBe(true);
    const ignored = await parseBytes(fixture('esr-broken.csv'), { competences: [[key, { kind: 'ignore' }]] });
    expect(ignored.ignoredRows).toBe(1);
    expect(ignored.errorRows).toBe(3);
  });

  it('when the file is UTF-16 with tabs (Excel "Unicode text"), with or without a byte-order mark, then it reads exactly as the UTF-8 file', async () => {
    const utf8 = await parseBytes(fixture('esr-small.csv'));
    const tabbed = fixture('esr-small.csv')
      .toString('utf8')
      .split('\r\n')
      .map((line) => line.replace(/"([^"]*)"|,/g, (m, quoted: string | undefined) => (quoted !== undefined ? quoted : '\t')))
      .join('\r\n');
    const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabbed, 'utf16le')]);
    const withoutBom = Buffer.from(tabbed, 'utf16le');
    for (const bytes of [withBom, withoutBom]) {
      const parsed = await parseBytes(bytes, { chunk: 5 });
      expect(parsed.encoding.name).toBe('utf-16le');
      expect(parsed.delimiter).toBe('\t');
      expect(parsed.rows).toBe(utf8.rows);
      expect(parsed.records).toBe(utf8.records);
      expect(parsed.people.get('20481516')!.name).toBe('Chidi Okafor');
    }
  });

  it('when a line holds a byte that no encoding we know defines, then only that line is refused, saying why', async () => {
    const text = fixture('esr-broken.csv').toString('latin1').replace("O'Sullivan", 'O\x81Sullivan');
    const parsed = await parseBytes(Buffer.from(text, 'latin1'));
    expect(parsed.issues.filter((i) => i.kind === 'encoding').map((i) => [i.line, i.severity])).toEqual([
      [7, 'error'],
      [8, 'warning'],
    ]);
    expect(parsed.people.get('20490002')!.records.size).toBe(1);
  });

  it('when the heading row lacks the employee number or competence, then the whole file is refused naming what is missing', async () => {
    await expect(parseBytes(Buffer.from('Name,Competency Name\nA,B\n'))).rejects.toThrow(/no "Employee Number" column/);
    await expect(parseBytes(Buffer.from(''))).rejects.toBeInstanceOf(EsrFileError);
  });

  it('when the file has more rows than allowed, then it is refused saying the limit', async () => {
    await expect(parseBytes(fixture('esr-small.csv'), { limits: { maxRows: 10 } })).rejects.toThrow(/more than 10 rows/);
  });
});
