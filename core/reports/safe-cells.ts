/**
 * Text a spreadsheet would run as a formula (=, +, -, @, and tab or carriage return, which some
 * programs strip before looking) is made inert with a leading apostrophe. Numbers stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CellValue = string | number | boolean | null | undefined;

export function inert(value: CellValue): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}
