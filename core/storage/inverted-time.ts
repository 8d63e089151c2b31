/** A RowKey prefix that sorts newest first: Table Storage returns rows in ascending RowKey order. */
export function invertedTime(isoInstant: string): string {
  return String(9_999_999_999_999 - Date.parse(isoInstant)).padStart(13, '0');
}
