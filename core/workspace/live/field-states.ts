import * as Y from 'yjs';
import type { FieldKind } from '../model.js';
import type { DocRecord, FieldSnapshot } from './doc-types.js';
import { migratedState } from './yjs-field-content.js';

/**
 * Each field's whole state from what storage holds: its snapshot (or, with none yet, its text saved
 * before live editing, migrated) merged with the changes stored after it. Applying a change twice is
 * harmless in Yjs, so rows already folded into the snapshot may be among them.
 */
export function fieldStates(
  snapshots: readonly FieldSnapshot[],
  logs: readonly DocRecord[],
  legacy: ReadonlyMap<string, string>,
  kindOf: (fieldId: string) => FieldKind | undefined,
  fieldIds: readonly string[] | undefined,
): Map<string, Uint8Array> {
  const wanted = fieldIds ? new Set(fieldIds) : undefined;
  const bases = new Map<string, Uint8Array>();
  for (const s of snapshots) bases.set(s.fieldId, s.state);
  // Only a field with no snapshot yet is migrated from its saved text.
  for (const [fieldId, text] of legacy) if (text !== '' && !bases.has(fieldId)) bases.set(fieldId, migratedState(kindOf(fieldId), text));
  const tails = new Map<string, Uint8Array[]>();
  for (const r of logs) if (r.update) tails.set(r.fieldId, [...(tails.get(r.fieldId) ?? []), r.update]);
  const out = new Map<string, Uint8Array>();
  for (const fieldId of new Set([...bases.keys(), ...tails.keys()])) {
    if (wanted && !wanted.has(fieldId)) continue;
    const parts = [...(bases.has(fieldId) ? [bases.get(fieldId)!] : []), ...(tails.get(fieldId) ?? [])];
    out.set(fieldId, parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts));
  }
  return out;
}

/** The longest prefix the ids share (one range read covers them all). */
export function commonPrefix(ids: readonly string[] | undefined): string {
  if (!ids || ids.length === 0) return '';
  let prefix = ids[0]!;
  for (const id of ids) while (!id.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
