import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { COMPLETION_METHOD_LABELS } from './passport-messages.js';
import type { PassportCredential } from './credential.js';
import { VC_JWT_MEDIA_TYPE } from './credential.js';
import { formatLocalDate } from '../time/local-date.js';

/** The name the credential is embedded under in the PDF (a PDF attachment, as PDF/A-3 invoices carry their XML). */
export const EMBEDDED_NAME = 'learning-passport.jwt';

/** Helvetica speaks Windows-1252 only: other letters lose their accents, anything else becomes "?" (the embedded credential keeps the exact text). */
function printable(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}

/**
 * The one-page PDF a learner can print or send: who it is for, who issued it, each in-date item,
 * the QR code and link, and the signed credential itself embedded as an attachment, so a verifier
 * who receives only the file can still check it.
 */
export async function passportPdf(credential: PassportCredential, jwt: string, link: string, qr: Buffer): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Learning passport: ${printable(credential.credentialSubject.holder.name)}`);
  doc.setAuthor(printable(credential.issuer.name));
  doc.setSubject('Mandatory learning in date, signed by the issuing organisation');
  doc.setCreationDate(new Date(credential.validFrom));
  const page = doc.addPage([595.28, 841.89]); // A4
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.1, 0.1, 0.12);
  const muted = rgb(0.35, 0.35, 0.4);
  const write = (p: PDFPage, text: string, x: number, y: number, font: PDFFont, size: number, color = ink) => p.drawText(printable(text), { x, y, size, font, color });

  write(page, 'Learning passport', 40, 790, bold, 22);
  write(page, credential.credentialSubject.holder.name, 40, 764, bold, 14);
  write(page, `Issued by ${credential.issuer.name} (ODS ${credential.issuer.odsCode}) on ${formatLocalDate(credential.validFrom.slice(0, 10) as never)}`, 40, 746, regular, 10, muted);
  write(page, `Present it by ${formatLocalDate(credential.validUntil.slice(0, 10) as never)}. Each item stays valid until its own expiry.`, 40, 732, regular, 10, muted);

  const image = await doc.embedPng(qr);
  page.drawImage(image, { x: 435, y: 690, width: 120, height: 120 });

  const columns = [40, 250, 330, 420, 490];
  let y = 670;
  ['Learning', 'Level', 'Completed', 'How', 'Expires'].forEach((heading, i) => write(page, heading, columns[i]!, y, bold, 9));
  y -= 6;
  page.drawLine({ start: { x: 40, y }, end: { x: 555, y }, thickness: 0.5, color: muted });
  for (const item of credential.credentialSubject.learning) {
    y -= 16;
    if (y < 150) {
      write(page, `… and ${credential.credentialSubject.learning.length} items in all: see the embedded credential.`, 40, y, regular, 9, muted);
      break;
    }
    write(page, item.subject.slice(0, 40), columns[0]!, y, regular, 9);
    write(page, item.levelName.slice(0, 16), columns[1]!, y, regular, 9);
    write(page, formatLocalDate(item.completedOn), columns[2]!, y, regular, 9);
    write(page, (COMPLETION_METHOD_LABELS[item.method] ?? item.method).slice(0, 14), columns[3]!, y, regular, 9);
    write(page, item.expiresOn ? formatLocalDate(item.expiresOn) : 'Does not expire', columns[4]!, y, regular, 9);
  }

  write(page, 'To check it, your new organisation opens the link or scans the code in Mandatory Learning, or uploads this file.', 40, 110, regular, 9, muted);
  write(page, link.length > 110 ? `${link.slice(0, 107)}...` : link, 40, 96, regular, 7, muted);
  write(page, `Passport ${credential.id}. Signed credential attached: ${EMBEDDED_NAME}.`, 40, 82, regular, 7, muted);

  await doc.attach(Buffer.from(jwt, 'utf8'), EMBEDDED_NAME, { mimeType: VC_JWT_MEDIA_TYPE, description: 'The signed learning passport (W3C verifiable credential, JWT)', creationDate: new Date(credential.validFrom) });
  return Buffer.from(await doc.save());
}

export type PdfRead = { kind: 'found'; text: string } | { kind: 'no-credential' } | { kind: 'unreadable' };

/** The credential embedded in a passport PDF: the first attachment that reads as a JWT. */
export async function credentialFromPdf(bytes: Uint8Array): Promise<PdfRead> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return { kind: 'unreadable' };
  }
  try {
    const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
    const files = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
    for (const text of files ? attachments(files, 0) : []) {
      if (/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(text.trim())) return { kind: 'found', text: text.trim() };
    }
    return { kind: 'no-credential' };
  } catch {
    return { kind: 'unreadable' };
  }
}

function* attachments(node: PDFDict, depth: number): Generator<string> {
  if (depth > 4) return;
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  for (let i = 1; names && i < names.size() && i < 200; i += 2) {
    const spec = names.lookupMaybe(i, PDFDict);
    const stream = spec?.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookupMaybe(PDFName.of('F'), PDFStream);
    if (!(stream instanceof PDFRawStream)) continue;
    const content = decodePDFRawStream(stream).decode();
    if (content.length <= 64 * 1024) yield Buffer.from(content).toString('utf8');
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size() && i < 50; i++) {
    const kid = kids.lookupMaybe(i, PDFDict);
    if (kid) yield* attachments(kid, depth + 1);
  }
}
