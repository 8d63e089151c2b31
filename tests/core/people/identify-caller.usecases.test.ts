import { describe, expect, it } from 'vitest';
import { identifyCaller, type IdentifyDeps } from '../../../core/people/identify-caller.js';
import type { Person } from '../../../core/people/types.js';
import { fakeDirectory, fakeLearning } from '../../support/fakes/fake-learning.js';

const BOUND_OID = '11111111-2222-4333-8444-555555555555';
const OTHER_OID = '99999999-8888-4777-8666-555555555555';

/** The use case over in-memory ports, with one person who has an object id and one (imported) who has none. */
function world() {
  const learning = fakeLearning();
  const bound: Person = { ...learning.staff.bundles.get('E9000022')!.person, aadObjectId: BOUND_OID, email: 'adelev@example.com' };
  const { aadObjectId: _none, ...template } = learning.staff.bundles.get('E9000023')!.person;
  const imported: Person = { ...template, id: 'E8000001', email: 'new.starter@example.nhs.uk' };
  learning.staff.bundles.set(bound.id, { ...learning.staff.bundles.get(bound.id)!, person: bound });
  learning.staff.bundles.set(imported.id, { person: imported, records: [], extensions: [], exemptions: [], supportRequests: [], dnaRecords: [] });
  const directory = fakeDirectory(learning.staff);
  const refusals: { reason: string; staffId: string }[] = [];
  const deps: IdentifyDeps = { directory, staff: learning.staff, index: directory, clock: learning.clock, refused: (e) => void refusals.push(e) };
  return { deps, staff: learning.staff, directory, refusals, bound, imported };
}

describe('identifying a caller by Entra object id (use case, in-memory ports)', () => {
  it('when the object id is linked, then that person is known, whatever user name comes with it', async () => {
    const { deps, bound } = world();

    const identity = await identifyCaller(deps, { aadObjectId: BOUND_OID.toUpperCase(), userName: 'someone.else@example.com', via: 'tab' });

    expect(identity).toMatchObject({ kind: 'known', person: { id: bound.id } });
  });

  it("when an unknown object id comes with a linked person's user name, then it is refused, logged, and the record is untouched", async () => {
    // Arrange
    const { deps, staff, refusals, bound } = world();

    // Act
    const identity = await identifyCaller(deps, { aadObjectId: OTHER_OID, userName: 'AdeleV@example.com', via: 'tab' });

    // Assert
    expect(identity).toEqual({ kind: 'refused', reason: 'record-linked-to-another-account', staffId: bound.id });
    expect(refusals).toEqual([expect.objectContaining({ reason: 'record-linked-to-another-account', staffId: bound.id })]);
    expect((await staff.getPerson(bound.id))?.aadObjectId).toBe(BOUND_OID);
    expect(staff.writes).toBe(0);
  });

  it('when an imported person without an object id signs in for the first time, then it is stored, indexed and chained, once', async () => {
    // Arrange
    const { deps, staff, directory, imported } = world();

    // Act
    const first = await identifyCaller(deps, { aadObjectId: OTHER_OID, tenantId: 'T1', userName: 'new.starter@example.nhs.uk', via: 'bot' });
    const second = await identifyCaller(deps, { aadObjectId: '22222222-3333-4444-8555-666666666666', userName: 'new.starter@example.nhs.uk', via: 'bot' });

    // Assert
    expect(first).toMatchObject({ kind: 'bound', person: { id: imported.id, aadObjectId: OTHER_OID, tenantId: 't1' } });
    expect(directory.indexed).toEqual([imported.id]);
    expect(await directory.staffIdForAadObjectId(OTHER_OID)).toBe(imported.id);
    expect(staff.chain.map((e) => e.action)).toEqual(['identity.bound']);
    expect(second).toMatchObject({ kind: 'refused', reason: 'record-linked-to-another-account' });
  });

  it('when the linked object id comes from another tenant than the one it was linked in, then it is refused', async () => {
    const { deps } = world();
    await identifyCaller(deps, { aadObjectId: OTHER_OID, tenantId: 'T1', userName: 'new.starter@example.nhs.uk', via: 'tab' });

    const elsewhere = await identifyCaller(deps, { aadObjectId: OTHER_OID, tenantId: 'T2', via: 'tab' });

    expect(elsewhere).toMatchObject({ kind: 'refused', reason: 'another-tenant' });
  });

  it('when nothing matches, then the caller is unknown and nothing is written', async () => {
    const { deps, staff } = world();

    expect(await identifyCaller(deps, { aadObjectId: OTHER_OID, userName: 'nobody@example.com', via: 'tab' })).toEqual({ kind: 'unknown' });
    expect(await identifyCaller(deps, { aadObjectId: OTHER_OID, via: 'bot' })).toEqual({ kind: 'unknown' });
    expect(staff.writes).toBe(0);
  });
});
