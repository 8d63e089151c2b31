import { detectDelimiter } from './esr-columns.js';
import { EsrFileError } from './esr-types.js';

/**
 * The delimiter comes from the heading line, so the first text is looked at before parsing: up to the
 * first line break (or 64 K), then handed on whole, followed by the rest of the stream.
 */
export async function splitHeadLine(text: AsyncIterable<string>): Promise<{ delimiter: ',' | '\t' | ';'; rest: () => AsyncGenerator<string> }> {
  const iterator = text[Symbol.asyncIterator]();
  let head = '';
  while (!head.includes('\n') && head.length < 65_536) {
    const next = await iterator.next();
    if (next.done) break;
    head += next.value;
  }
  if (head.trim() === '') throw new EsrFileError('empty-file', 'The file is empty.');
  const delimiter = detectDelimiter(head.split(/\r?\n/)[0]!);
  async function* rest(): AsyncGenerator<string> {
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { delimiter, rest };
}
