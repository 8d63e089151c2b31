/**
 * The columns of an ESR export we read, by what they mean, with the headings different ESR reports
 * and warehouse extracts give them. Headings are compared without case, spaces or punctuation, so
 * "Employee Number", "EMPLOYEE_NUMBER" and "EmployeeNumber" are the same column. The first heading
 * in a list that the file has wins (a warehouse extract has both CertificationDate and DateFrom).
 */
export const ESR_COLUMNS = {
  employeeNumber: ['Employee Number', 'Employee No', 'Emp No', 'Person Number', 'PersonID', 'Staff Number'],
  assignmentNumber: ['Assignment Number', 'Assignment No', 'AssignmentID'],
  fullName: ['Full Name', 'Employee Name', 'Person Name', 'Name'],
  firstName: ['First Name', 'Forename', 'First Names'],
  lastName: ['Last Name', 'Surname', 'Family Name'],
  email: ['Work Email Address', 'Work Email', 'Email Address', 'Email', 'E-mail Address'],
  position: ['Position Title', 'Position Name', 'Position', 'Job Title', 'Job Role'],
  staffGroup: ['Staff Group'],
  category: ['Assignment Category', 'Employee Category', 'Employment Category', 'Person Type', 'Staff Category'],
  orgL3: ['Org L3', 'Org Level 3', 'Organisation L3', 'Organisation Level 3'],
  orgL4: ['Org L4', 'Org Level 4', 'Organisation L4', 'Organisation Level 4'],
  orgL5: ['Org L5', 'Org Level 5', 'Organisation L5', 'Organisation Level 5'],
  orgL6: ['Org L6', 'Org Level 6', 'Organisation L6', 'Organisation Level 6'],
  orgL7: ['Org L7', 'Org Level 7', 'Organisation L7', 'Organisation Level 7'],
  organisation: ['Organisation', 'Organization', 'Organisation Name', 'OrganisationID'],
  supervisor: ['Supervisor Employee Number', 'Supervisor Number', 'Supervisor Person Number', 'SupervisorPersonID', 'Supervisor', 'Line Manager Employee Number', 'Line Manager'],
  assignmentStart: ['Assignment Start Date', 'Latest Start Date', 'Hire Date', 'Date of Hire', 'Start Date'],
  competence: ['Competency Name', 'Competence Name', 'CompetencyName', 'Competency', 'Competence'],
  completedOn: ['Certification Date', 'Date Achieved', 'Achievement Date', 'Completion Date', 'Date Completed', 'Date Start', 'DateFrom'],
  expiresOn: ['Next Certification Date', 'Expiry Date', 'Expiry', 'Date To', 'DateTo'],
} as const;

export type EsrField = keyof typeof ESR_COLUMNS;
export const REQUIRED_FIELDS: readonly EsrField[] = ['employeeNumber', 'competence'];

export const headingKey = (heading: string) => heading.toLowerCase().replace(/[^a-z0-9]/g, '');

export type ColumnMap = Partial<Record<EsrField, number>>;

export type HeaderResult = { ok: true; columns: ColumnMap; ignored: string[] } | { ok: false; missing: EsrField[]; found: string[] };

/** Which cell holds what, from the heading row; the columns we do not read are listed, not refused. */
export function mapHeader(headings: readonly string[]): HeaderResult {
  const positions = new Map<string, number>();
  headings.forEach((h, i) => {
    const key = headingKey(h);
    if (key && !positions.has(key)) positions.set(key, i);
  });
  const columns: ColumnMap = {};
  const used = new Set<number>();
  for (const [field, names] of Object.entries(ESR_COLUMNS) as [EsrField, readonly string[]][]) {
    for (const name of names) {
      const at = positions.get(headingKey(name));
      if (at !== undefined && !used.has(at)) {
        columns[field] = at;
        used.add(at);
        break;
      }
    }
  }
  const missing = REQUIRED_FIELDS.filter((f) => columns[f] === undefined);
  if (missing.length) return { ok: false, missing, found: headings.map((h) => h.trim()).filter(Boolean) };
  return { ok: true, columns, ignored: headings.filter((_, i) => !used.has(i)).map((h) => h.trim()).filter(Boolean) };
}

export const FIELD_LABELS: Record<EsrField, string> = Object.fromEntries(
  Object.entries(ESR_COLUMNS).map(([field, names]) => [field, names[0]]),
) as Record<EsrField, string>;

/** The delimiter of the heading line: comma, tab (Excel's "Unicode text") or semicolon, whichever occurs most outside quotes. */
export function detectDelimiter(firstLine: string): ',' | '\t' | ';' {
  const counts: Record<',' | '\t' | ';', number> = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === '\t' || ch === ';')) counts[ch]++;
  }
  const [best, count] = (Object.entries(counts) as [',' | '\t' | ';', number][]).sort((a, b) => b[1] - a[1])[0]!;
  return count > 0 ? best : ',';
}
