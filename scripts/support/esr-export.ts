import { generateOrganisation, type GeneratedOrganisation } from '../../core/demo/generate-organisation.js';
import { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import { addMonths, type LocalDate } from '../../core/time/local-date.js';

/**
 * ESR-shaped exports generated from the demo organisation, for the streaming test and the import
 * benchmark: the same columns, competence names, dates and quoting as a real compliance export,
 * one row per person × assignment × competence. Produced line by line, never as one string.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const esrDate = (date: LocalDate) => `${date.slice(8, 10)}-${MONTHS[Number(date.slice(5, 7)) - 1]}-${date.slice(0, 4)}`;

export const ESR_HEADER =
  'Employee Number,Assignment Number,Full Name,Work Email Address,Position Title,Staff Group,Assignment Category,Org L3,Org L4,Org L5,Supervisor Employee Number,Assignment Start Date,Competency Name,Date Start,Expiry Date,Last Updated By,VPD,Compliance Status';

const quote = (cell: string) => (/[",|\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

export function esrCompetenceName(catalogue: CatalogueIndex, subjectId: string, level: number): string {
  const topic = catalogue.topicFor(subjectId, level);
  const renewal = topic?.renewalMonths ? ` - ${topic.renewalMonths % 12 === 0 ? `${topic.renewalMonths / 12} Year${topic.renewalMonths === 12 ? '' : 's'}` : `${topic.renewalMonths} Months`}` : '';
  const levelPart = catalogue.levelsOf(subjectId).length > 1 ? ` - Level ${level}` : '';
  return `NHS|CSTF|${catalogue.subjectName(subjectId)}${levelPart}${renewal}|`;
}

/** ESR writes "Surname, Forename". */
const esrName = (name: string) => {
  const parts = name.split(' ');
  return parts.length > 1 ? `${parts.slice(1).join(' ')}, ${parts[0]}` : name;
};

export function* esrExportLines(organisation: GeneratedOrganisation, options: { today: LocalDate }): Generator<string> {
  const catalogue = new CatalogueIndex(organisation.catalogue);
  yield ESR_HEADER;
  for (const { person, records } of organisation.people) {
    const [l3 = '', l4 = '', l5 = ''] = person.orgUnit.split(' / ');
    for (const [i, role] of person.roles.entries()) {
      const assignment = i === 0 ? person.id : `${person.id}-${i + 1}`;
      const prefix = [
        person.id,
        assignment,
        esrName(person.name),
        person.email ?? '',
        catalogue.roleName(role.roleId),
        person.staffGroup,
        person.category === 'employee' ? 'Permanent' : person.category,
        l3,
        l4,
        l5,
        person.managerIds[0] ?? '',
        esrDate(role.start),
      ];
      if (records.length === 0) {
        // Nothing held yet (a new starter): ESR lists what is required with no dates.
        yield [...prefix, esrCompetenceName(catalogue, 'fire-safety', 1), '', '', 'ESR_INTERFACE', '457', 'Red'].map(quote).join(',');
      }
      for (const record of records) {
        const renewal = catalogue.topicFor(record.subjectId, record.level)?.renewalMonths ?? null;
        const expiry = renewal === null ? 'no expiry' : esrDate(addMonths(record.completedOn, renewal));
        const status = renewal === null || addMonths(record.completedOn, renewal) > options.today ? 'Green' : 'Red';
        const cells = [...prefix, esrCompetenceName(catalogue, record.subjectId, record.level), esrDate(record.completedOn), expiry, 'ESR_INTERFACE', '457', status];
        yield cells.map(quote).join(',');
      }
    }
  }
}

/** An organisation sized so its export has about `rows` rows (about 11 records a person). */
export function organisationForRows(rows: number, today: LocalDate, seed = 7): GeneratedOrganisation {
  return generateOrganisation({ staff: Math.max(20, Math.ceil(rows / 10.5)), today, seed, includeNamedPeople: false });
}
