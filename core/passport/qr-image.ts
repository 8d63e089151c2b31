import jpeg from 'jpeg-js';
import jsQRImport from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';

// jsqr is CommonJS: Node and bundlers hand over either the function or a namespace whose `default` it is.
type DecodeQr = (data: Uint8ClampedArray, width: number, height: number, options?: { inversionAttempts?: 'attemptBoth' }) => { data: string } | null;
const loaded = jsQRImport as unknown as DecodeQr | { default: DecodeQr };
const jsQR: DecodeQr = typeof loaded === 'function' ? loaded : loaded.default;

/**
 * The passport's QR code (a link to the credential at the issuer) and reading one back from a
 * picture a learner uploads: PNG or JPEG decoded in pure JavaScript (pngjs, jpeg-js), the code
 * found by jsQR. A picture with no code in it, or a code that is not ours, is said plainly.
 */
export async function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 6 });
}

export type QrRead = { kind: 'read'; text: string } | { kind: 'no-code' } | { kind: 'unreadable-image' } | { kind: 'not-an-image' };

const MAX_PIXELS = 24_000_000;

export function imageKind(bytes: Uint8Array): 'png' | 'jpeg' | undefined {
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return undefined;
}

export function readQr(bytes: Buffer): QrRead {
  const kind = imageKind(bytes);
  if (!kind) return { kind: 'not-an-image' };
  let image: { width: number; height: number; data: Uint8Array };
  try {
    if (kind === 'png') {
      const png = PNG.sync.read(bytes);
      if (png.width * png.height > MAX_PIXELS) return { kind: 'unreadable-image' };
      image = png;
    } else {
      image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1_000_000, maxMemoryUsageInMB: 256 });
    }
  } catch {
    return { kind: 'unreadable-image' };
  }
  const code = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength), image.width, image.height, { inversionAttempts: 'attemptBoth' });
  return code && code.data ? { kind: 'read', text: code.data } : { kind: 'no-code' };
}
