import DiffMatchPatch from 'diff-match-patch';
import * as Y from 'yjs';
import type { FieldKind } from '../model.js';
import { paragraphsOf, plainTextOf, SAFE_HREF, type Block, type Run } from './rich-text.js';

/**
 * What a field's live document holds, by kind: a long answer is rich text, a Y.XmlFragment named
 * `content` laid out as the editor (Tiptap/ProseMirror through y-tiptap) lays it out — elements
 * `paragraph`, `heading` (attribute `level`), `bulletList`, `orderedList`, `listItem`, `hardBreak`,
 * text formatted `bold`, `italic`, `link` ({ href }); every other field is one Y.Text named `text`
 * (lists and tables keep their one-line-per-item text). Documents keep deleted content (gc off), so
 * any earlier moment of a field can be rebuilt from a snapshot for its history.
 */
export const RICH_FIELD = 'content';
export const TEXT_FIELD = 'text';

export const isRich = (kind: FieldKind | undefined) => kind === 'longtext';

export const newFieldDoc = (): Y.Doc => new Y.Doc({ gc: false });

export function docFromState(state: Uint8Array | undefined): Y.Doc {
  const doc = newFieldDoc();
  if (state && state.length > 0) Y.applyUpdate(doc, state);
  return doc;
}

// ── reading ──

function runsOf(text: Y.XmlText): Run[] {
  const runs: Run[] = [];
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string' || op.insert === '') continue;
    const a = op.attributes ?? {};
    const href = (a.link as { href?: unknown } | undefined)?.href;
    runs.push({ text: op.insert, ...(a.bold ? { bold: true as const } : {}), ...(a.italic ? { italic: true as const } : {}), ...(typeof href === 'string' && SAFE_HREF.test(href) ? { href } : {}) });
  }
  return runs;
}

function inlineRuns(element: Y.XmlElement): Run[] {
  const runs: Run[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) runs.push(...runsOf(child));
    else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') runs.push({ text: ' ' });
    else if (child instanceof Y.XmlElement) runs.push(...inlineRuns(child));
  }
  return runs;
}

function blocksOf(nodes: readonly (Y.XmlElement | Y.XmlText | Y.XmlHook)[]): Block[] {
  const blocks: Block[] = [];
  for (const node of nodes) {
    if (node instanceof Y.XmlText) {
      blocks.push({ kind: 'paragraph', runs: runsOf(node) });
      continue;
    }
    if (!(node instanceof Y.XmlElement)) continue;
    switch (node.nodeName) {
      case 'heading': {
        const level = Number(node.getAttribute('level') ?? 1);
        blocks.push({ kind: 'heading', level: level === 2 ? 2 : level >= 3 ? 3 : 1, runs: inlineRuns(node) });
        break;
      }
      case 'bulletList':
      case 'orderedList':
        blocks.push({
          kind: node.nodeName === 'bulletList' ? 'bullet-list' : 'ordered-list',
          items: node.toArray().flatMap((item) => (item instanceof Y.XmlElement ? [blocksOf(item.toArray())] : [])),
        });
        break;
      case 'listItem':
        blocks.push(...blocksOf(node.toArray()));
        break;
      default:
        // paragraph, and anything unexpected a client sent: kept as a paragraph of its text.
        blocks.push({ kind: 'paragraph', runs: inlineRuns(node) });
    }
  }
  return blocks;
}

export function readBlocks(doc: Y.Doc): Block[] {
  return blocksOf(doc.getXmlFragment(RICH_FIELD).toArray());
}

/** The field as plain text (one line per paragraph or list item), and for rich fields its blocks. */
export function contentOf(doc: Y.Doc, kind: FieldKind | undefined): { text: string; blocks?: Block[] } {
  if (!isRich(kind)) return { text: doc.getText(TEXT_FIELD).toString() };
  const blocks = readBlocks(doc);
  return { text: plainTextOf(blocks), blocks };
}

/** Characters of the field's text (what the 200,000-character limit counts). */
export function lengthOf(doc: Y.Doc, kind: FieldKind | undefined): number {
  return contentOf(doc, kind).text.length;
}

// ── writing ──

function runAttributes(run: Run): Record<string, unknown> {
  return {
    ...(run.bold ? { bold: {} } : {}),
    ...(run.italic ? { italic: {} } : {}),
    ...(run.href && SAFE_HREF.test(run.href) ? { link: { href: run.href, target: '_blank', rel: 'noopener noreferrer nofollow', class: null } } : {}),
  };
}

function textNode(runs: readonly Run[]): Y.XmlText {
  const text = new Y.XmlText();
  let at = 0;
  for (const run of runs) {
    if (!run.text) continue;
    text.insert(at, run.text, runAttributes(run));
    at += run.text.length;
  }
  return text;
}

function elementOf(block: Block): Y.XmlElement {
  if (block.kind === 'paragraph' || block.kind === 'heading') {
    const element = new Y.XmlElement(block.kind);
    if (block.kind === 'heading') element.setAttribute('level', block.level as unknown as string);
    if (block.runs.some((r) => r.text)) element.insert(0, [textNode(block.runs)]);
    return element;
  }
  const list = new Y.XmlElement(block.kind === 'bullet-list' ? 'bulletList' : 'orderedList');
  list.insert(
    0,
    block.items.map((item) => {
      const li = new Y.XmlElement('listItem');
      li.insert(0, (item.length ? item : [{ kind: 'paragraph', runs: [] } as Block]).map(elementOf));
      return li;
    }),
  );
  return list;
}

/**
 * Makes the rich field hold `blocks`, touching only the blocks that differ (the unchanged ones
 * before and after stay the same Yjs items), so a replacement made beside someone typing in
 * another paragraph merges with their typing.
 */
export function replaceBlocks(doc: Y.Doc, blocks: readonly Block[]): void {
  const fragment = doc.getXmlFragment(RICH_FIELD);
  const current = blocksOf(fragment.toArray());
  const same = (a: Block | undefined, b: Block | undefined) => a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);
  let start = 0;
  while (start < current.length && start < blocks.length && same(current[start], blocks[start])) start++;
  let end = 0;
  while (end < current.length - start && end < blocks.length - start && same(current[current.length - 1 - end], blocks[blocks.length - 1 - end])) end++;
  const removeCount = current.length - start - end;
  const insert = blocks.slice(start, blocks.length - end);
  if (removeCount === 0 && insert.length === 0) return;
  doc.transact(() => {
    if (removeCount > 0) fragment.delete(start, removeCount);
    if (insert.length > 0) fragment.insert(start, insert.map(elementOf));
  });
}

const dmp = new DiffMatchPatch();
dmp.Diff_Timeout = 0.5;

/** Makes a plain field hold `text`, as the smallest edit (character diff) from what it holds now. */
export function replacePlainText(doc: Y.Doc, text: string): void {
  const ytext = doc.getText(TEXT_FIELD);
  const current = ytext.toString();
  if (current === text) return;
  const diffs = dmp.diff_main(current, text);
  dmp.diff_cleanupSemantic(diffs);
  doc.transact(() => {
    let at = 0;
    for (const [op, chunk] of diffs) {
      if (op === DiffMatchPatch.DIFF_EQUAL) at += chunk.length;
      else if (op === DiffMatchPatch.DIFF_DELETE) ytext.delete(at, chunk.length);
      else {
        ytext.insert(at, chunk);
        at += chunk.length;
      }
    }
  });
}

/** Sets a field to plain text (a rich field gets one paragraph per line). */
export function replaceText(doc: Y.Doc, kind: FieldKind | undefined, text: string): void {
  if (isRich(kind)) replaceBlocks(doc, paragraphsOf(text));
  else replacePlainText(doc, text);
}

/** Sets a field to what another moment of it held (a restore). */
export function replaceContent(doc: Y.Doc, kind: FieldKind | undefined, content: { text: string; blocks?: Block[] }): void {
  if (isRich(kind)) replaceBlocks(doc, content.blocks ?? paragraphsOf(content.text));
  else replacePlainText(doc, content.text);
}

/** A client id of its own for the migration, so every instance migrating a field writes the very same update. */
const MIGRATION_CLIENT = 0x4d1;

/**
 * The live document of a field saved before live editing: its text, one paragraph per line for a
 * long answer, losslessly (`contentOf(…).text === text`). Deterministic: two instances migrating the
 * same field at once produce byte-identical updates, which Yjs merges as one.
 */
export function migratedState(kind: FieldKind | undefined, text: string): Uint8Array {
  const doc = newFieldDoc();
  doc.clientID = MIGRATION_CLIENT;
  if (text !== '') replaceText(doc, kind, text);
  return Y.encodeStateAsUpdate(doc);
}
