/**
 * Who else is in a rich field and where their cursor is, in the shape the editor's cursor plugin
 * (y-tiptap's yCursorPlugin, through Tiptap's CollaborationCaret) reads: states by Yjs client id,
 * each `{ user: { name, color }, cursor: { anchor, head } }`. Remote states come from the server
 * (which names the person from their sign-in, never from what a browser says); the local state is
 * what this tab's editor sets, sent on by FieldDocs.
 */
type Listener = (change: { added: number[]; updated: number[]; removed: number[] }, origin: 'local' | 'remote') => void;

export interface AwarenessState {
  user?: { name: string; color: string };
  cursor?: { anchor?: unknown; head?: unknown } | null;
  [key: string]: unknown;
}

export class FieldAwareness {
  readonly states = new Map<number, AwarenessState>();
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(readonly clientID: number) {}

  getStates(): Map<number, AwarenessState> {
    return this.states;
  }

  getLocalState(): AwarenessState | null {
    return this.states.get(this.clientID) ?? null;
  }

  setLocalStateField(field: string, value: unknown): void {
    const current = this.states.get(this.clientID) ?? {};
    if (JSON.stringify(current[field]) === JSON.stringify(value)) return;
    this.states.set(this.clientID, { ...current, [field]: value });
    this.emit({ added: [], updated: [this.clientID], removed: [] }, 'local');
  }

  setRemote(clientID: number, state: AwarenessState | null): void {
    if (clientID === this.clientID) return;
    const had = this.states.has(clientID);
    if (state === null) {
      if (!had) return;
      this.states.delete(clientID);
      this.emit({ added: [], updated: [], removed: [clientID] }, 'remote');
      return;
    }
    this.states.set(clientID, state);
    this.emit({ added: had ? [] : [clientID], updated: had ? [clientID] : [], removed: [] }, 'remote');
  }

  on(name: string, listener: Listener): void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener);
  }

  off(name: string, listener: Listener): void {
    this.listeners.get(name)?.delete(listener);
  }

  private emit(change: { added: number[]; updated: number[]; removed: number[] }, origin: 'local' | 'remote'): void {
    for (const name of ['change', 'update']) for (const listener of [...(this.listeners.get(name) ?? [])]) listener(change, origin);
  }
}

/** A person's cursor colour, the same on every screen: dark enough for white label text (4.5:1). */
const COLOURS = ['#0f6cbd', '#b10e1c', '#0e700e', '#8a3707', '#5c2e91', '#005b70', '#9e0b5a', '#3b46a8'];

export function cursorColour(staffId: string): string {
  let hash = 0;
  for (const c of staffId) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return COLOURS[hash % COLOURS.length]!;
}
