import { TextDecoder } from 'node:util';
/**
 * Turns the bytes of an uploaded export into text, chunk by chunk (never the whole file at once),
 * and says what it found:
 * - a UTF-8 byte-order mark is dropped;
 * - UTF-16 (what Excel's "Unicode text" writes), with or without a byte-order mark, is decoded;
 * - bytes that are not UTF-8 are read as Windows-1252 (Latin-1 is the same but for 0x80–0x9F, which
 *   Latin-1 gives to control characters no name contains), and the lines where that happened are
 *   remembered so each row can say so; a byte Windows-1252 does not define makes its line unreadable.
 */
export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Windows-1252's characters for 0x80–0x9F; undefined bytes are missing. */
const CP1252_HIGH: (string | undefined)[] = [
  '€', undefined, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', undefined, 'Ž', undefined,
  undefined, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', undefined, 'ž', 'Ÿ',
];

export function cp1252Char(byte: number): string | undefined {
  if (byte < 0x80 || byte > 0x9f) return String.fromCharCode(byte);
  return CP1252_HIGH[byte - 0x80];
}

export type LineEncodingIssue = 'windows-1252' | 'undecodable';

export interface DecodeReport {
  encoding: DetectedEncoding;
  byteOrderMark: boolean;
  bytes: number;
  /** Lines (1-based) not in the file's encoding, until the reader takes them. */
  lineIssues: Map<number, LineEncodingIssue>;
  windows1252Lines: number;
  undecodableLines: number;
}

function sniff(head: Buffer): { encoding: DetectedEncoding; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  // No mark: text of mostly ASCII in UTF-16 has a zero in every other byte.
  const sample = head.subarray(0, Math.min(head.length, 1024));
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 ? zeroOdd++ : zeroEven++;
  const half = sample.length / 2;
  if (half >= 8 && zeroOdd > half * 0.4) return { encoding: 'utf-16le', bom: 0 };
  if (half >= 8 && zeroEven > half * 0.4) return { encoding: 'utf-16be', bom: 0 };
  return { encoding: 'utf-8', bom: 0 };
}

/** Length of the valid UTF-8 sequence starting at `i`, 0 when invalid, -1 when cut off by the end of the buffer. */
function utf8SequenceLength(buf: Buffer, i: number): number {
  const b0 = buf[i]!;
  let length: number;
  let min2 = 0x80;
  let max2 = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) length = 2;
  else if (b0 >= 0xe0 && b0 <= 0xef) {
    length = 3;
    if (b0 === 0xe0) min2 = 0xa0;
    if (b0 === 0xed) max2 = 0x9f;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    length = 4;
    if (b0 === 0xf0) min2 = 0x90;
    if (b0 === 0xf4) max2 = 0x8f;
  } else return 0;
  for (let k = 1; k < length; k++) {
    if (i + k >= buf.length) return -1;
    const b = buf[i + k]!;
    if (k === 1 ? b < min2 || b > max2 : b < 0x80 || b > 0xbf) return 0;
  }
  return length;
}

const NEWLINE = 0x0a;

/**
 * Decodes an async stream of byte chunks into text chunks. The report fills in as it goes; the
 * caller reads `lineIssues` for the lines it has parsed (the decoder is always ahead of the parser).
 */
export function decodeExport(source: AsyncIterable<Buffer | string>): { text: AsyncGenerator<string>; report: DecodeReport } {
  const report: DecodeReport = { encoding: 'utf-8', byteOrderMark: false, bytes: 0, lineIssues: new Map(), windows1252Lines: 0, undecodableLines: 0 };
  async function* run(): AsyncGenerator<string> {
    let line = 1;
    let carry: Buffer = Buffer.alloc(0);
    let decoder: TextDecoder | undefined;
    let sniffed = false;
    const mark = (issue: LineEncodingIssue) => {
      const before = report.lineIssues.get(line);
      if (before === 'undecodable') return;
      if (!before) issue === 'windows-1252' ? report.windows1252Lines++ : report.undecodableLines++;
      else if (issue === 'undecodable') {
        report.windows1252Lines--;
        report.undecodableLines++;
      }
      report.lineIssues.set(line, issue);
    };
    for await (const piece of source) {
      const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
      report.bytes += chunk.length;
      let buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      carry = Buffer.alloc(0);
      if (!sniffed) {
        // Enough bytes to tell UTF-16 without a byte-order mark from UTF-8.
        if (buf.length < 64) {
          carry = buf;
          continue;
        }
        const { encoding, bom } = sniff(buf);
        report.encoding = encoding;
        report.byteOrderMark = bom > 0;
        buf = buf.subarray(bom);
        sniffed = true;
        if (encoding !== 'utf-8') decoder = new TextDecoder(encoding);
      }
      if (decoder) {
        yield decoder.decode(buf, { stream: true });
        continue;
      }
      // UTF-8: pass valid runs through whole; read each invalid byte as Windows-1252 and note its line.
      let out = '';
      let runStart = 0;
      let i = 0;
      while (i < buf.length) {
        const b = buf[i]!;
        if (b < 0x80) {
          if (b === NEWLINE) line++;
          i++;
          continue;
        }
        const length = utf8SequenceLength(buf, i);
        if (length > 0) {
          i += length;
          continue;
        }
        if (length < 0) break; // a sequence cut by the chunk's end: finish it with the next chunk
        out += buf.toString('utf8', runStart, i);
        const char = cp1252Char(b);
        mark(char === undefined ? 'undecodable' : 'windows-1252');
        out += char ?? '\uFFFD';
        i++;
        runStart = i;
      }
      out += buf.toString('utf8', runStart, i);
      carry = Buffer.from(buf.subarray(i));
      if (out) yield out;
    }
    if (!sniffed && carry.length) {
      // A file of under 64 bytes: no room for a sensible guess beyond the byte-order mark.
      const { encoding, bom } = sniff(carry);
      report.encoding = encoding;
      report.byteOrderMark = bom > 0;
      yield encoding === 'utf-8' ? carry.subarray(bom).toString('utf8') : new TextDecoder(encoding).decode(carry.subarray(bom));
      carry = Buffer.alloc(0);
    }
    if (decoder) {
      const rest = decoder.decode();
      if (rest) yield rest;
    } else if (carry.length) {
      // Cut-off sequence at the very end of the file: each byte read as Windows-1252.
      let out = '';
      for (const b of carry) {
        const char = cp1252Char(b);
        mark(char === undefined ? 'undecodable' : 'windows-1252');
        out += char ?? '\uFFFD';
      }
      yield out;
    }
  }
  return { text: run(), report };
}
