import { inert, type CellValue } from './safe-cells.js';

/** One sheet of an export: a title, column headings and rows, values as they should read. */
export interface ExportTable {
  title: string;
  columns: { header: string; width?: number }[];
  rows: CellValue[][];
}

function csvCell(value: CellValue): string {
  const safe = inert(value);
  if (safe === null) return '';
  const text = String(safe);
  return /[",\r\n]/.test(text) || text.startsWith("'") ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark (so Excel reads accents) and CRLF line ends. Several
 * tables (the annual plan's header and its two topic lists) follow one another, a blank line apart.
 */
export function toCsv(tables: readonly ExportTable[]): Buffer {
  const blocks = tables.map((table) => [table.columns.map((c) => csvCell(c.header)).join(','), ...table.rows.map((row) => row.map(csvCell).join(','))].join('\r\n'));
  return Buffer.from(`\uFEFF${blocks.join('\r\n\r\n')}\r\n`, 'utf8');
}

/** An XLSX workbook with one sheet per table: a bold header row, frozen, and filters on. */
export async function toXlsx(tables: readonly ExportTable[], meta: { creator: string; created: Date }): Promise<Buffer> {
  // Loaded on the first export, not at start-up (a tenth of a second of every process's start otherwise).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = meta.creator;
  workbook.created = meta.created;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.title.replace(/[\\/*?:[\]]/g, ' ').slice(0, 31));
    sheet.columns = table.columns.map((c) => ({ header: String(inert(c.header) ?? ''), width: c.width ?? Math.min(60, Math.max(12, c.header.length + 4)) }));
    for (const row of table.rows) sheet.addRow(row.map(inert));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    if (table.rows.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
