/**
 * The rich text of a long answer, as plain typed data: paragraphs, headings, bulleted and numbered
 * lists (items hold blocks, so lists nest), and runs of text that may be bold, italic or a link.
 * Nothing here knows Yjs, ProseMirror or Word: the live document is read into this shape
 * (yjs-field-content.ts), and the DOCX export, the checklist's facts and the history's differences
 * are made from it.
 */
export interface Run {
  text: string;
  bold?: true;
  italic?: true;
  /** An http(s) or mailto address; anything else is dropped when the text is read. */
  href?: string;
}

export type Block =
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'heading'; level: 1 | 2 | 3; runs: Run[] }
  | { kind: 'bullet-list' | 'ordered-list'; items: Block[][] };

export const SAFE_HREF = /^(https?:\/\/|mailto:)[^\s<>"]{1,2000}$/i;

const runsText = (runs: readonly Run[]) => runs.map((r) => r.text).join('');

/** One line per paragraph, heading and list item (nested items too), joined by line breaks. */
export function linesOf(blocks: readonly Block[]): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph' || block.kind === 'heading') lines.push(runsText(block.runs));
    else for (const item of block.items) lines.push(...linesOf(item));
  }
  return lines;
}

export const plainTextOf = (blocks: readonly Block[]): string => linesOf(blocks).join('\n');

/** Plain text as paragraphs, one per line, nothing lost: `plainTextOf(paragraphsOf(t)) === t`. */
export function paragraphsOf(text: string): Block[] {
  return text.split('\n').map((line) => ({ kind: 'paragraph', runs: line ? [{ text: line }] : [] }));
}
