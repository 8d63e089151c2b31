import * as Y from 'yjs';

/**
 * How many characters a Yjs transaction inserted and deleted, counted from the structs it created
 * and the delete set it made (so a paragraph deleted whole counts its text, and a change that only
 * re-sends what the document already has counts nothing). Must be called from `afterTransaction`,
 * before Yjs merges structs.
 */
export function charactersChanged(doc: Y.Doc, transaction: Y.Transaction): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = doc.store.clients.get(client);
    if (!structs) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i]!;
      if (struct.id.clock >= after) break;
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) added += struct.length;
    }
  }
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) removed += struct.length;
  });
  return { added, removed };
}
