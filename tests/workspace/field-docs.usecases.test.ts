import fc from 'fast-check';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../core/people/types.js';
import { localDate } from '../../core/time/local-date.js';
import { initialLifecycle } from '../../core/workspace/lifecycle.js';
import { changeDoc, fieldHistory, getField, restoreSession, saveFieldText, sessionContent } from '../../core/workspace/fields.js';
import { compactField } from '../../core/workspace/live/sessions.js';
import { contentOf, docFromState, migratedState, readBlocks, replaceBlocks } from '../../core/workspace/live/yjs-field-content.js';
import type { Block } from '../../core/workspace/live/rich-text.js';
import type { ApplicationRecord } from '../../core/workspace/application.js';
import { fakeWorkspaceDeps } from '../support/fakes/fake-workspace-deps.js';

/** The live-document use cases on in-memory fakes of their ports: no Azurite, no server. */
const person = (id: string, name: string, orgUnit: string, permissions: Person['permissions'] = []): Person => ({
  id,
  name,
  staffGroup: 'Admin',
  category: 'employee',
  orgUnit,
  startDate: localDate('2020-01-01'),
  roles: [],
  managerIds: [],
  absences: [],
  permissions,
});
const MEGAN = person('E1', 'Megan Bowen', 'Severn Vale PCN / Oakfield Surgery');
const ALEX = person('E2', 'Alex Wilber', 'Severn Vale PCN / Oakfield Surgery');
const NESTOR = person('E3', 'Nestor Wilke', 'Training hub', ['hub-reviewer' as never]);
const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');

function arrange(options: { stage?: ApplicationRecord['lifecycle']['stage']; pauseMs?: number } = {}) {
  const fake = fakeWorkspaceDeps([MEGAN, ALEX, NESTOR], options);
  const by = { staffId: MEGAN.id, name: MEGAN.name };
  const app: ApplicationRecord = {
    id: 'lo-1',
    title: 'Severn Vale',
    pcnName: 'Severn Vale PCN',
    practices: [{ name: 'Oakfield Surgery', odsCode: 'L81001' }],
    lifecycle: { ...initialLifecycle(by, '2026-11-01T09:00:00Z'), stage: options.stage ?? 'drafting' },
    sections: {},
    addedMembers: [],
    facts: {},
    createdAt: '2026-11-01T09:00:00Z',
    createdBy: by,
    seq: 1,
  };
  fake.repo.apps.set(app.id, { app, etag: '"app"' });
  return fake;
}

/** A keystroke's Yjs update on a plain field, as a browser makes it. */
function typed(text: string, state?: Uint8Array): Uint8Array {
  const doc = docFromState(state);
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  doc.getText('text').insert(doc.getText('text').length, text);
  return Y.mergeUpdates(updates);
}

describe('changing a field live', () => {
  it('when a member sends a keystroke, then it is stored in the feed and the field reads with it', async () => {
    // Arrange
    const { deps, docStore } = arrange();
    // Act
    const result = await changeDoc(deps, MEGAN, 'lo-1', 'leads.managerial-name', { origin: 'tab1', update: b64(typed('Dr Shah')) });
    // Assert
    expect(result).toEqual({ kind: 'done', value: { dseq: 1 } });
    expect(docStore.feed.get('lo-1')).toHaveLength(1);
    expect(await getField(deps, ALEX, 'lo-1', 'leads.managerial-name')).toMatchObject({ kind: 'done', value: { text: 'Dr Shah' } });
  });

  it('when a hub reviewer sends a change, then it is refused as read-only and nothing is stored', async () => {
    const { deps, docStore } = arrange();
    const result = await changeDoc(deps, NESTOR, 'lo-1', 'leads.managerial-name', { origin: 'tab1', update: b64(typed('x')) });
    expect(result.kind).toBe('read-only');
    expect(docStore.feed.get('lo-1')).toBeUndefined();
  });

  it('when the application is with the training hub, then a change to the text is refused with the stage', async () => {
    const { deps, docStore } = arrange({ stage: 'submitted' });
    const result = await changeDoc(deps, MEGAN, 'lo-1', 'leads.managerial-name', { origin: 'tab1', update: b64(typed('x')) });
    expect(result).toMatchObject({ kind: 'wrong-stage', stage: 'submitted' });
    expect(docStore.feed.get('lo-1')).toBeUndefined();
  });

  it('when someone outside the application sends a change, then the answer is the same as for an application that does not exist', async () => {
    const { deps } = arrange();
    const stranger = person('E9', 'Someone Else', 'Avon Vale NHS Foundation Trust / Ward 3');
    const existing = await changeDoc(deps, stranger, 'lo-1', 'leads.managerial-name', { origin: 't', update: b64(typed('x')) });
    const missing = await changeDoc(deps, stranger, 'lo-nope', 'leads.managerial-name', { origin: 't', update: b64(typed('x')) });
    expect(existing).toEqual(missing);
    expect(existing.kind).toBe('forbidden');
  });

  it('when a change would make the field longer than its limit, then it is refused and the field keeps what it had', async () => {
    const { deps } = arrange();
    await saveFieldText(deps, MEGAN, 'lo-1', 'leads.managerial-name', 'Dr Shah');
    const state = await deps.docs.loadState('lo-1', 'leads.managerial-name');
    const result = await changeDoc(deps, MEGAN, 'lo-1', 'leads.managerial-name', { origin: 't', update: b64(typed('y'.repeat(300_000), state)) });
    expect(result.kind).toBe('too-long');
    expect(await getField(deps, MEGAN, 'lo-1', 'leads.managerial-name')).toMatchObject({ value: { text: 'Dr Shah' } });
  });

  it('when an update cannot be read, then it is refused as a bad request', async () => {
    const { deps } = arrange();
    const result = await changeDoc(deps, MEGAN, 'lo-1', 'leads.managerial-name', { origin: 't', update: b64(new Uint8Array([9, 9, 9, 9, 200, 1])) });
    expect(result.kind).toBe('bad-request');
  });
});

describe('sessions of work and restores', () => {
  it('when Megan and then Alex work on a field, then there is a session each, and restoring Megan\'s brings her text back as a session of its own', async () => {
    // Arrange
    const { deps, audit } = arrange();
    await saveFieldText(deps, MEGAN, 'lo-1', 'pcn.footprint', 'Two practices.');
    await saveFieldText(deps, ALEX, 'lo-1', 'pcn.footprint', 'Two practices, one rota.');
    const history = await fieldHistory(deps, MEGAN, 'lo-1', 'pcn.footprint', 50);
    if (history.kind !== 'done') throw new Error(history.kind);
    const megans = history.value.sessions.find((s) => s.by.staffId === MEGAN.id)!;
    // Act
    const restored = await restoreSession(deps, ALEX, 'lo-1', 'pcn.footprint', megans.id);
    // Assert
    expect(restored).toMatchObject({ kind: 'done', value: { outcome: 'saved', field: { text: 'Two practices.' } } });
    const after = await fieldHistory(deps, MEGAN, 'lo-1', 'pcn.footprint', 50);
    expect(after.kind === 'done' && after.value.sessions.map((s) => [s.by.name, s.kind])).toEqual([
      ['Alex Wilber', 'restore'],
      ['Alex Wilber', 'edit'],
      ['Megan Bowen', 'edit'],
    ]);
    expect(await sessionContent(deps, MEGAN, 'lo-1', 'pcn.footprint', megans.id)).toMatchObject({ value: { before: '', after: 'Two practices.' } });
    expect(audit.map((e) => e.action)).toContain('workspace.field-restored');
  });

  it('when one person keeps typing with short pauses, then it is one session; after a long pause, a new one', () => {
    const by = { staffId: 'E1', name: 'Megan Bowen' };
    const doc = new Y.Doc({ gc: false });
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (const ch of 'abc') doc.getText('text').insert(doc.getText('text').length, ch);
    doc.getText('text').insert(3, 'd');
    const at = [0, 10_000, 20_000, 20_000 + 5 * 60_000];
    const records = updates.map((update, i) => ({ dseq: i + 1, fieldId: 'pcn.ods-code', by, at: at[i]!, origin: 't', update }));
    const result = compactField(undefined, records, { kind: 'text', now: at[3]! + 1000, pauseMs: 3 * 60_000 });
    expect(result.closed.map((s) => [s.added, s.startedAt, s.endedAt])).toEqual([[3, 0, 20_000]]);
    expect(result.open.map((s) => s.added)).toEqual([1]);
    expect(result.text).toBe('abcd');
  });
});

describe('rich text and migration', () => {
  it('when text saved before live editing is migrated, then the field reads exactly the same, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\n', '\t', 'é', '—', '1') }), (text) => {
        for (const kind of ['longtext', 'text', 'table'] as const) expect(contentOf(docFromState(migratedState(kind, text)), kind).text).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('when two instances migrate the same field at once, then they write the very same update', () => {
    expect(b64(migratedState('longtext', 'One.\nTwo.'))).toBe(b64(migratedState('longtext', 'One.\nTwo.')));
  });

  it('when rich blocks are written and read back, then headings, lists, emphasis and links are kept', () => {
    const blocks: Block[] = [
      { kind: 'heading', level: 2, runs: [{ text: 'Induction' }] },
      { kind: 'paragraph', runs: [{ text: 'Every learner gets ' }, { text: 'a buddy', bold: true }, { text: ' and ' }, { text: 'the pack', italic: true, href: 'https://example.nhs.uk/pack' }] },
      { kind: 'bullet-list', items: [[{ kind: 'paragraph', runs: [{ text: 'Day one' }] }], [{ kind: 'paragraph', runs: [{ text: 'Week one' }] }]] },
      { kind: 'ordered-list', items: [[{ kind: 'paragraph', runs: [{ text: 'First' }] }]] },
    ];
    const doc = new Y.Doc({ gc: false });
    replaceBlocks(doc, blocks);
    expect(readBlocks(doc)).toEqual(blocks);
    expect(contentOf(doc, 'longtext').text).toBe('Induction\nEvery learner gets a buddy and the pack\nDay one\nWeek one\nFirst');
  });

  it('when a restore changes one paragraph while someone types in another, then both survive', () => {
    const doc = new Y.Doc({ gc: false });
    replaceBlocks(doc, [{ kind: 'paragraph', runs: [{ text: 'One.' }] }, { kind: 'paragraph', runs: [{ text: 'Two.' }] }]);
    const other = docFromState(Y.encodeStateAsUpdate(doc));
    ((other.getXmlFragment('content').get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(4, ' More.');
    replaceBlocks(doc, [{ kind: 'paragraph', runs: [{ text: 'Uno.' }] }, { kind: 'paragraph', runs: [{ text: 'Two.' }] }]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(contentOf(doc, 'longtext').text).toBe('Uno.\nTwo. More.');
  });
});
