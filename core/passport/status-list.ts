import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * W3C Bitstring Status List v1.0: one bit a passport (1 = revoked), GZIP-compressed and multibase
 * base64url-encoded (`u` prefix). The list is at least 16 KB (131,072 entries) so that one revoked
 * entry cannot be told apart from the crowd; bit 0 is the most significant bit of the first byte.
 */
export const STATUS_LIST_BITS = 131_072;
/** A compressed list that inflates past this is refused (a zip bomb costs nothing to send). */
const MAX_INFLATED_BYTES = 1024 * 1024;

export function encodeStatusList(revoked: Iterable<number>, bits = STATUS_LIST_BITS): string {
  const bytes = new Uint8Array(bits / 8);
  for (const index of revoked) {
    if (!Number.isInteger(index) || index < 0 || index >= bits) continue;
    bytes[index >> 3]! |= 0x80 >> (index & 7);
  }
  return `u${gzipSync(bytes).toString('base64url')}`;
}

export type DecodedStatusList = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

export function decodeStatusList(encoded: string): DecodedStatusList {
  if (!encoded.startsWith('u')) return { ok: false, reason: 'the status list is not multibase base64url' };
  try {
    const bytes = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'), { maxOutputLength: MAX_INFLATED_BYTES });
    if (bytes.length * 8 < STATUS_LIST_BITS) return { ok: false, reason: 'the status list is shorter than 131,072 entries' };
    return { ok: true, bytes: new Uint8Array(bytes) };
  } catch {
    return { ok: false, reason: 'the status list could not be decompressed' };
  }
}

/** The bit at an index, or undefined when the list is too short for it. */
export function statusBit(bytes: Uint8Array, index: number): 0 | 1 | undefined {
  if (!Number.isInteger(index) || index < 0 || index >= bytes.length * 8) return undefined;
  return (bytes[index >> 3]! & (0x80 >> (index & 7))) === 0 ? 0 : 1;
}
