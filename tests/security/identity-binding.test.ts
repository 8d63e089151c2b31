import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../core/people/types.js';
import { localDate } from '../../core/time/local-date.js';
import { exchange, messageActivity, type TeamsUser } from '../support/activities.js';
import { makeKeys, mintToken, productionSsoEnv, startKeyServer, type KeyServer, type SigningKeys } from '../support/entra-tokens.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { cardText } from '../support/card-validator.js';

/** Adele Vance, the demo L&D administrator: her record holds an Entra object id. */
const ADELE = { staffId: 'E9000022', oid: '00000000-0000-0000-0000-0000000000022', upn: 'adelev@example.com' };
const ATTACKER_OID = 'a77ac4e2-0000-4000-8000-00000000beef';
const FIRST_OID = '1f1f1f1f-2e2e-4d4d-8c8c-000000000001';
const SECOND_OID = '2e2e2e2e-3f3f-4e4e-9d9d-000000000002';

/** Someone an ESR import created: a work e-mail, no Entra object id yet. */
function importedPerson(id: string, email: string): Person {
  return {
    id,
    name: `Imported ${id}`,
    email,
    staffGroup: 'Nursing and Midwifery Registered',
    category: 'employee',
    orgUnit: 'Severn Vale PCN / Oakfield Surgery',
    startDate: localDate('2024-04-01'),
    roles: [{ roleId: 'practice-nurse', start: localDate('2024-04-01') }],
    managerIds: [],
    absences: [],
  };
}

async function addImported(app: TestApp, person: Person): Promise<void> {
  await app.services.staff.savePerson(person);
  await app.services.directory.index(person);
}

const chainActions = async (app: TestApp) => (await app.services.auditLog.list()).map((e) => `${e.action} ${e.target ?? ''}`);

describe('tab sign-in binds to the Entra object id, never to a user name', () => {
  let app: TestApp;
  let keys: SigningKeys;
  let keyServer: KeyServer;

  beforeAll(async () => {
    keys = await makeKeys('key-1');
    keyServer = await startKeyServer([keys.jwk]);
    app = await startTestApp({ env: productionSsoEnv(keyServer.url) });
  });

  afterAll(async () => {
    await app?.stop();
    await keyServer?.close();
  });

  const call = async (path: string, claims: Record<string, unknown>) =>
    fetch(`${app.server.url}${path}`, { headers: { authorization: `Bearer ${await mintToken(keys, claims)}` } });

  it("when a correctly signed token with an unknown oid claims the L&D administrator's user name (v2 preferred_username or v1 upn), then it is refused, nothing is read and a security event is chained", async () => {
    // Arrange: Adele's record holds her own object id.
    const before = await app.services.staff.getPerson(ADELE.staffId);
    expect(before?.aadObjectId).toBe(ADELE.oid);

    // Act
    const v2 = await call('/api/audit', { oid: ATTACKER_OID, preferred_username: ADELE.upn });
    const v1 = await call('/api/audit', { oid: ATTACKER_OID, upn: ADELE.upn.toUpperCase(), ver: '1.0', iss: `https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/` });
    const me = await call('/api/me', { oid: ATTACKER_OID, preferred_username: ADELE.upn });

    // Assert
    for (const response of [v2, v1, me]) {
      expect(response.status).toBe(403);
      const body = JSON.stringify(await response.json());
      expect(body).not.toContain('Adele');
      expect(body).not.toContain('"entries"');
    }
    expect(await app.services.staff.getPerson(ADELE.staffId)).toEqual(before);
    expect(await app.services.directory.staffIdForAadObjectId(ATTACKER_OID)).toBeUndefined();
    expect(await chainActions(app)).toContain(`security.identity-refused ${ADELE.staffId}`);
  });

  it('when an administrator signs in with her own object id but another user name, then she is herself: the object id decides', async () => {
    const admin: Person = { ...importedPerson('E8100009', 'admin.nine@example.nhs.uk'), aadObjectId: '9d9d9d9d-0000-4000-8000-000000000009', permissions: ['ld-admin'] };
    await addImported(app, admin);
    const response = await call('/api/audit', { oid: admin.aadObjectId, preferred_username: 'someone.else@example.com' });
    expect(response.status).toBe(200);
    expect((await call('/api/me', { oid: admin.aadObjectId, preferred_username: 'someone.else@example.com' }).then((r) => r.json())) as object).toMatchObject({ staffId: 'E8100009' });
  });

  it('when a person imported from ESR (no object id) signs in for the first time, then their object id is stored, indexed and audited, and from then on only it reaches the record', async () => {
    // Arrange
    await addImported(app, importedPerson('E8100001', 'first.time@example.nhs.uk'));

    // Act: first sign-in
    const first = await call('/api/me', { oid: FIRST_OID, tid: '72f988bf-86f1-41af-91ab-2d7cd011db47', preferred_username: 'First.Time@example.nhs.uk' });

    // Assert: bound
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ staffId: 'E8100001' });
    const bound = await app.services.staff.getPerson('E8100001');
    expect(bound).toMatchObject({ aadObjectId: FIRST_OID, tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' });
    expect(await app.services.directory.staffIdForAadObjectId(FIRST_OID)).toBe('E8100001');
    expect(await chainActions(app)).toContain('identity.bound E8100001');
    expect((await app.services.staff.auditTrail('E8100001')).map((a) => a.action)).toContain('identity.bound');

    // Act: a second, different object id with the same user name
    const second = await call('/api/me', { oid: SECOND_OID, preferred_username: 'first.time@example.nhs.uk' });

    // Assert: refused, record unchanged
    expect(second.status).toBe(403);
    expect(await app.services.staff.getPerson('E8100001')).toEqual(bound);
    expect(await app.services.directory.staffIdForAadObjectId(SECOND_OID)).toBeUndefined();

    // And the bound account keeps working whatever its user name says now.
    expect((await call('/api/me', { oid: FIRST_OID, preferred_username: 'renamed@example.nhs.uk' })).status).toBe(200);
  });

  it('when two different accounts claim one unbound record at the same moment, then exactly one is bound and the other refused', async () => {
    await addImported(app, importedPerson('E8100002', 'race@example.nhs.uk'));
    const oids = Array.from({ length: 6 }, (_, i) => `3a3a3a3a-4b4b-4c4c-8d8d-00000000000${i}`);
    const answers = await Promise.all(oids.map((oid) => call('/api/me', { oid, preferred_username: 'race@example.nhs.uk' })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 403)).toHaveLength(5);
    const winner = oids[answers.findIndex((a) => a.status === 200)];
    expect((await app.services.staff.getPerson('E8100002'))?.aadObjectId).toBe(winner);
    expect((await chainActions(app)).filter((a) => a === 'identity.bound E8100002')).toHaveLength(1);
  });

  it('when the same object id comes from another tenant than the one it was linked in, then it is refused', async () => {
    await addImported(app, importedPerson('E8100003', 'tenant@example.nhs.uk'));
    expect((await call('/api/me', { oid: '5c5c5c5c-6d6d-4e4e-8f8f-000000000005', preferred_username: 'tenant@example.nhs.uk' })).status).toBe(200);
    const person = await app.services.staff.getPerson('E8100003');
    await app.services.staff.savePerson({ ...person!, tenantId: '0b1f2a3c-4d5e-4f60-8172-93a4b5c6d7e8' });
    expect((await call('/api/me', { oid: '5c5c5c5c-6d6d-4e4e-8f8f-000000000005' })).status).toBe(403);
  });
});

describe('bot activities bind to from.aadObjectId, never to a user name', () => {
  let app: TestApp;
  let connector: FakeConnector;

  beforeAll(async () => {
    app = await startTestApp();
    connector = await startFakeConnector();
  });

  afterAll(async () => {
    await app?.stop();
    await connector?.close();
  });

  const say = (user: TeamsUser, text: string) => exchange(app.server.url, messageActivity(user, text, connector.serviceUrl));
  const shown = (replies: Awaited<ReturnType<typeof say>>) => replies.map((r) => (r.attachments?.[0] ? cardText(r.attachments[0].content as never) : (r.text ?? ''))).join('\n');

  it("when an unknown object id's Teams member record carries the administrator's user name, then the bot does not answer as her and chains a security event", async () => {
    const attacker: TeamsUser = { id: '29:attacker', name: 'Adele Vance', aadObjectId: ATTACKER_OID };
    connector.members.set(attacker.id, { id: attacker.id, aadObjectId: ATTACKER_OID, userPrincipalName: ADELE.upn });
    const text = shown(await say(attacker, "what's due"));
    expect(text).not.toContain('Adele');
    expect(text).toContain("I can't find you in the staff records");
    expect(await app.services.directory.staffIdForAadObjectId(ATTACKER_OID)).toBeUndefined();
    expect(await chainActions(app)).toContain(`security.identity-refused ${ADELE.staffId}`);
  });

  it('when a person imported from ESR messages the bot for the first time, then Teams is asked for their user name, the record is linked, and the bot answers as them', async () => {
    await addImported(app, importedPerson('E8100010', 'bot.first@example.nhs.uk'));
    const user: TeamsUser = { id: '29:bot-first', name: 'Imported E8100010', aadObjectId: '6e6e6e6e-7f7f-4a4a-8b8b-000000000010' };
    connector.members.set(user.id, { id: user.id, aadObjectId: user.aadObjectId, userPrincipalName: 'bot.first@example.nhs.uk' });
    const text = shown(await say(user, "what's due"));
    expect(text).toContain('Imported');
    expect((await app.services.staff.getPerson('E8100010'))?.aadObjectId).toBe(user.aadObjectId);

    // A second account whose member record claims the same user name is refused.
    const other: TeamsUser = { id: '29:bot-other', name: 'Someone', aadObjectId: '7a7a7a7a-8b8b-4c4c-9d9d-000000000011' };
    connector.members.set(other.id, { id: other.id, aadObjectId: other.aadObjectId, userPrincipalName: 'bot.first@example.nhs.uk' });
    expect(shown(await say(other, "what's due"))).not.toContain('Imported');
    expect((await app.services.staff.getPerson('E8100010'))?.aadObjectId).toBe(user.aadObjectId);
  });
});
