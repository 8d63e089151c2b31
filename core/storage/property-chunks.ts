/** Table Storage caps a string property at 32 K UTF-16 characters: long text is split across numbered properties. */
export const CHUNK_CHARS = 30_000;

export function splitIntoChunks(name: string, text: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  let count = 0;
  for (let i = 0; i < text.length || count === 0; i += CHUNK_CHARS) {
    out[`${name}${count}`] = text.slice(i, i + CHUNK_CHARS);
    count++;
  }
  out[`${name}Chunks`] = count;
  return out;
}

export function joinChunks(name: string, entity: Record<string, unknown>): string {
  const count = Number(entity[`${name}Chunks`] ?? 0);
  let text = '';
  for (let i = 0; i < count; i++) text += (entity[`${name}${i}`] as string | undefined) ?? '';
  return text;
}
