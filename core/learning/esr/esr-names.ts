/** Staff ids become storage keys: letters, digits and hyphens only. */
export const EMPLOYEE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{0,29}$/;

/** ESR writes "Surname, Title Forename": people here read "Forename Surname". */
export function displayName(esrName: string): string {
  const match = /^([^,]+),\s*(?:(?:mr|mrs|ms|miss|mx|dr|prof)\.?\s+)?(.+)$/i.exec(esrName.trim());
  return match ? `${match[2]!.trim()} ${match[1]!.trim()}` : esrName.trim();
}

/** Names that differ only in case or spacing are the same name. */
export function sameName(a: string, b: string): boolean {
  const key = (name: string) => name.toLowerCase().replace(/\s+/g, ' ').trim();
  return key(a) === key(b);
}

/** "Bowen, Megan (E9000021)" or "E9000021" → "E9000021". */
export function supervisorId(cell: string): string | undefined {
  const inBrackets = /\(([^()]+)\)\s*$/.exec(cell)?.[1];
  const candidate = (inBrackets ?? cell).trim();
  return EMPLOYEE_NUMBER.test(candidate) ? candidate : undefined;
}

