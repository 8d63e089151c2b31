import JSZip from 'jszip';

/** One file at the root of the app package. */
export interface PackageEntry {
  name: string;
  data: Buffer | string;
}

/** A fixed timestamp, so the same files always make the same zip. */
const STAMP = new Date(Date.UTC(2024, 0, 1));

/** A deflated zip with each entry at its root, in the order given. */
export async function zipEntries(entries: readonly PackageEntry[]): Promise<Buffer> {
  const zip = new JSZip();
  for (const entry of entries) zip.file(entry.name, entry.data, { date: STAMP, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' });
}
