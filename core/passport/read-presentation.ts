import { credentialFromPdf } from './passport-pdf.js';
import { imageKind, readQr } from './qr-image.js';

/** What someone presents: text they pasted (a link or the JWT) or a file (the PDF, a picture of the QR code, the .jwt file). */
export type Presented = { kind: 'text'; text: string } | { kind: 'file'; bytes: Buffer; contentType?: string };

export type ReadRefusal =
  | 'empty'
  | 'too-large'
  | 'not-a-passport'
  | 'qr-not-ours'
  | 'no-qr-found'
  | 'unreadable-image'
  | 'no-credential-in-pdf'
  | 'unreadable-pdf'
  | 'unsupported-file';

export type ReadPresentation =
  | { kind: 'jwt'; jwt: string; via: 'text' | 'qr' | 'pdf' | 'file' }
  | { kind: 'link'; url: URL; passportId: string; via: 'text' | 'qr' }
  | { kind: 'refused'; reason: ReadRefusal };

/** The largest file accepted: a phone's photo of a QR code fits; anything bigger is refused before it is decoded. */
export const MAX_PRESENTED_BYTES = 4 * 1024 * 1024;
const MAX_TEXT = 64 * 1024;
const JWT = /^[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*$/;
const LINK_PATH = /^\/api\/passport\/public\/p\/([0-9a-f-]{36})$/;

/** A passport link: `<issuer>/api/passport/public/p/<passport id>?t=<token>`. */
export function passportLink(text: string): { url: URL; passportId: string } | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const id = LINK_PATH.exec(url.pathname)?.[1];
  const token = url.searchParams.get('t');
  if (!id || !token || !/^[A-Za-z0-9_-]{16,64}$/.test(token) || (url.protocol !== 'https:' && url.protocol !== 'http:')) return undefined;
  return { url, passportId: id };
}

function fromText(raw: string, via: 'text' | 'qr'): ReadPresentation {
  const text = raw.trim();
  if (text === '') return { kind: 'refused', reason: 'empty' };
  if (text.length > MAX_TEXT) return { kind: 'refused', reason: 'too-large' };
  if (JWT.test(text)) return { kind: 'jwt', jwt: text, via };
  const link = passportLink(text);
  if (link) return { kind: 'link', ...link, via };
  return { kind: 'refused', reason: via === 'qr' ? 'qr-not-ours' : 'not-a-passport' };
}

/** Turns what was presented into a credential to verify, or says plainly why it cannot be one. Nothing is fetched here. */
export async function readPresentation(presented: Presented): Promise<ReadPresentation> {
  if (presented.kind === 'text') return fromText(presented.text, 'text');
  const { bytes } = presented;
  if (bytes.length === 0) return { kind: 'refused', reason: 'empty' };
  if (bytes.length > MAX_PRESENTED_BYTES) return { kind: 'refused', reason: 'too-large' };
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    const found = await credentialFromPdf(bytes);
    if (found.kind === 'unreadable') return { kind: 'refused', reason: 'unreadable-pdf' };
    if (found.kind === 'no-credential') return { kind: 'refused', reason: 'no-credential-in-pdf' };
    return fromText(found.text, 'text').kind === 'jwt' ? { kind: 'jwt', jwt: found.text, via: 'pdf' } : { kind: 'refused', reason: 'no-credential-in-pdf' };
  }
  if (imageKind(bytes)) {
    const qr = readQr(bytes);
    if (qr.kind === 'no-code') return { kind: 'refused', reason: 'no-qr-found' };
    if (qr.kind !== 'read') return { kind: 'refused', reason: 'unreadable-image' };
    return fromText(qr.text, 'qr');
  }
  const text = bytes.length <= MAX_TEXT ? bytes.toString('utf8') : '';
  if (text && !/[\u0000-\u0008\u000e-\u001f]/.test(text)) {
    const read = fromText(text, 'text');
    return read.kind === 'jwt' ? { ...read, via: 'file' } : read;
  }
  return { kind: 'refused', reason: 'unsupported-file' };
}
