import { CatalogueIndex } from '../learning/catalogue-index.js';
import { defaultCatalogue } from '../learning/default-matrix.js';
import type { Catalogue, LearningRecord } from '../learning/types.js';
import type { Person, StaffCategory } from '../people/types.js';
import { addDays, addMonths, type LocalDate } from '../time/local-date.js';
import { seededRandom } from '../time/seeded-random.js';
import { DEMO_NAMED_PEOPLE, type NamedDemoPerson } from './named-people.js';

export interface GeneratedOrganisation {
  catalogue: Catalogue;
  people: { person: Person; records: LearningRecord[] }[];
}

export interface GenerateOptions {
  /** How many people in all (the named demo people included). */
  staff: number;
  /** Records are placed relative to this day, so the demo looks the same whenever it is seeded. */
  today: LocalDate;
  seed?: number;
  /** Include the people the Agents Playground users map to. */
  includeNamedPeople?: boolean;
}

const FIRST = ['Amira', 'Ben', 'Chloe', 'Dev', 'Ellie', 'Femi', 'Grace', 'Harry', 'Imran', 'Jess', 'Kofi', 'Laura', 'Mo', 'Niamh', 'Owen', 'Priya', 'Rhys', 'Sam', 'Tariq', 'Una', 'Vik', 'Wren', 'Yusuf', 'Zara', 'Aoife', 'Callum', 'Daisy', 'Ewan', 'Fatima', 'Gareth'];
const LAST = ['Patel', 'Jones', 'Williams', 'Khan', 'Smith', 'Evans', 'Okafor', 'Taylor', 'Brown', 'Murphy', 'Ahmed', 'Davies', 'Wilson', 'Begum', 'Hughes', 'Mensah', 'Roberts', 'Walker', 'Singh', 'Clarke', 'Nowak', 'Green', 'Hall', 'Lewis', 'Thomas'];

export const DEMO_TRUST = 'Avon Vale NHS Foundation Trust';
export const DEMO_PCN = 'Severn Vale PCN';
export const DEMO_PRACTICES = [
  { name: 'Oakfield Surgery', odsCode: 'L81001' },
  { name: 'Riverside Medical Centre', odsCode: 'L81002' },
  { name: 'Frampton Health Centre', odsCode: 'L81003' },
  { name: 'Kingsway Family Practice', odsCode: 'L81004' },
  { name: 'Meadowbank Surgery', odsCode: 'L81005' },
];
const WARDS = ['Medicine / Ward 7', 'Medicine / Ward 9', 'Surgery / Ward 12', 'Emergency Department', 'Estates / Portering', 'Corporate / Learning and Development'];

const PRACTICE_ROLES: [string, number][] = [
  ['gp', 4], ['practice-nurse', 3], ['hca', 2], ['receptionist', 6], ['administrator', 2], ['clinical-pharmacist', 1], ['physician-associate', 1], ['paramedic', 1],
];
const TRUST_ROLES: [string, number][] = [
  ['staff-nurse', 8], ['hca', 6], ['porter', 2], ['administrator', 3], ['student-nurse', 1], ['volunteer', 1],
];

function pickWeighted(random: () => number, weights: [string, number][]): string {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let roll = random() * total;
  for (const [value, weight] of weights) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weights[0]![0];
}

function aadIdFor(index: number): string {
  return `10000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

function staffId(index: number): string {
  return `E${String(index).padStart(7, '0')}`;
}

interface Unit {
  orgUnit: string;
  managerId: string;
  roles: [string, number][];
}

/**
 * Records for every requirement of a person's roles, placed so that most are in date, some due soon,
 * some overdue and a few never done: what a real organisation's first ESR import looks like.
 */
function recordsFor(person: Person, catalogue: CatalogueIndex, today: LocalDate, random: () => number): LearningRecord[] {
  const records: LearningRecord[] = [];
  const levels = new Map<string, number>();
  for (const assignment of person.roles) {
    for (const ref of catalogue.role(assignment.roleId)?.requirements ?? []) {
      levels.set(ref.subjectId, Math.max(levels.get(ref.subjectId) ?? 0, ref.level));
    }
  }
  for (const [subjectId, level] of levels) {
    const roll = random();
    if (roll < 0.04) continue; // never completed
    const renewal = catalogue.topicFor(subjectId, level)?.renewalMonths ?? 36;
    // 0.04–0.12 overdue, 0.12–0.2 due within 30 days, the rest comfortably in date.
    let completedOn: LocalDate;
    if (roll < 0.12) completedOn = addDays(addMonths(today, -renewal), -Math.floor(random() * 120) - 1);
    else if (roll < 0.2) completedOn = addDays(addMonths(today, -renewal), Math.floor(random() * 30) + 1);
    else completedOn = addDays(today, -Math.floor(random() * (renewal * 30 - 45)) - 1);
    if (completedOn < addDays(person.startDate, -365 * 3)) completedOn = addDays(person.startDate, -30);
    records.push({
      id: `esr-${person.id}-${subjectId}-${completedOn}`,
      subjectId,
      level,
      completedOn,
      method: 'e-learning',
      source: { kind: 'esr' },
      verification: { state: 'verified' },
      recordedAt: `${completedOn}T12:00:00.000Z`,
    });
  }
  return records;
}

function buildNamed(named: NamedDemoPerson, today: LocalDate): { person: Person; records: LearningRecord[] } {
  const person: Person = {
    id: named.id,
    name: named.name,
    email: named.email,
    aadObjectId: named.aadObjectId,
    staffGroup: named.staffGroup,
    category: named.category,
    orgUnit: named.orgUnit,
    startDate: addDays(today, -named.startedDaysAgo),
    roles: named.roles.map((r) => ({ roleId: r.roleId, start: addDays(today, -r.startedDaysAgo) })),
    managerIds: named.managerIds,
    ...(named.permissions ? { permissions: named.permissions } : {}),
    absences: named.absences.map((a) => ({
      kind: a.kind,
      from: addDays(today, -a.fromDaysAgo),
      ...(a.toDaysAgo !== undefined ? { to: addDays(today, -a.toDaysAgo) } : {}),
    })),
  };
  const records: LearningRecord[] = named.records.map((r) => {
    const completedOn = addDays(today, -r.completedDaysAgo);
    return {
      id: `demo-${named.id}-${r.subjectId}-${r.level}`,
      subjectId: r.subjectId,
      level: r.level,
      completedOn,
      method: r.method ?? 'e-learning',
      source: { kind: 'esr' },
      verification: { state: 'verified' },
      recordedAt: `${completedOn}T12:00:00.000Z`,
    };
  });
  return { person, records };
}

/** A trust and a PCN of five practices, with people, managers and records; deterministic for a seed. */
export function generateOrganisation(options: GenerateOptions): GeneratedOrganisation {
  const random = seededRandom(options.seed ?? 20260401);
  const catalogue = defaultCatalogue();
  const index = new CatalogueIndex(catalogue);
  const people: GeneratedOrganisation['people'] = [];
  const named = options.includeNamedPeople === false ? [] : DEMO_NAMED_PEOPLE.map((n) => buildNamed(n, options.today));
  people.push(...named);

  // Managers first: each practice has a practice manager, each trust unit a manager.
  const units: Unit[] = [];
  let next = 1;
  const makeManager = (orgUnit: string, roleId: string, staffGroup: string): string => {
    const existing = named.find((n) => n.person.orgUnit === orgUnit && n.person.roles.some((r) => r.roleId === roleId));
    if (existing) return existing.person.id;
    const i = next++;
    const first = FIRST[Math.floor(random() * FIRST.length)]!;
    const last = LAST[Math.floor(random() * LAST.length)]!;
    const person: Person = {
      id: staffId(i),
      name: `${first} ${last}`,
      email: `${first}.${last}.${i}@nhs.example`.toLowerCase(),
      aadObjectId: aadIdFor(i),
      staffGroup,
      category: 'employee',
      orgUnit,
      startDate: addDays(options.today, -Math.floor(400 + random() * 4000)),
      roles: [],
      managerIds: [],
      absences: [],
    };
    person.roles.push({ roleId, start: person.startDate });
    people.push({ person, records: recordsFor(person, index, options.today, random) });
    return person.id;
  };
  for (const practice of DEMO_PRACTICES) {
    const orgUnit = `${DEMO_PCN} / ${practice.name}`;
    units.push({ orgUnit, managerId: makeManager(orgUnit, 'practice-manager', 'Administrative and Clerical'), roles: PRACTICE_ROLES });
  }
  for (const ward of WARDS) {
    const orgUnit = `${DEMO_TRUST} / ${ward}`;
    units.push({ orgUnit, managerId: makeManager(orgUnit, 'staff-nurse', 'Nursing and Midwifery Registered'), roles: TRUST_ROLES });
  }

  const categories: [StaffCategory, number][] = [['employee', 85], ['bank', 7], ['agency', 3], ['locum', 2], ['student', 2], ['honorary', 1]];
  while (people.length < options.staff) {
    const i = next++;
    const unit = units[i % units.length]!;
    const roleId = pickWeighted(random, unit.roles);
    const first = FIRST[Math.floor(random() * FIRST.length)]!;
    const last = LAST[Math.floor(random() * LAST.length)]!;
    const startedDaysAgo = random() < 0.03 ? Math.floor(random() * 60) : Math.floor(90 + random() * 5000);
    const startDate = addDays(options.today, -startedDaysAgo);
    const person: Person = {
      id: staffId(i),
      name: `${first} ${last}`,
      email: `${first}.${last}.${i}@nhs.example`.toLowerCase(),
      aadObjectId: aadIdFor(i),
      staffGroup: index.role(roleId)?.staffGroup ?? 'Administrative and Clerical',
      category: pickWeighted(random, categories) as StaffCategory,
      orgUnit: unit.orgUnit,
      startDate,
      roles: [{ roleId, start: startDate }],
      managerIds: [unit.managerId],
      absences: [],
    };
    // About one in twenty also holds a second role (a bank shift, a lead role).
    if (random() < 0.05) {
      const second = pickWeighted(random, unit.roles);
      if (second !== roleId) person.roles.push({ roleId: second, start: addDays(options.today, -Math.floor(random() * 700)) });
    }
    if (random() < 0.02) person.absences.push({ kind: 'sickness', from: addDays(options.today, -Math.floor(random() * 60)) });
    const records = startedDaysAgo < 60 ? [] : recordsFor(person, index, options.today, random);
    people.push({ person, records });
  }
  return { catalogue, people };
}
