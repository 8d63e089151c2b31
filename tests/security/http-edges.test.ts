import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { readdirSync } from 'node:fs';
import { builtTabDir } from '../support/built-tab.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALEX, invoke, invokeActivity, messageActivity, postActivity } from '../support/activities.js';
import { makeKeys, mintToken, productionSsoEnv, startKeyServer, type KeyServer, type SigningKeys } from '../support/entra-tokens.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A raw request, so the Host and Accept-Encoding headers are exactly what a test says (fetch sets its own). */
function raw(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('activities: every field the bot reads is checked before the turn', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ seed: false });
  });

  afterAll(async () => {
    await app?.stop();
  });

  const base = () => messageActivity(ALEX, "what's due", 'http://127.0.0.1:9/');

  it.each([
    ['conversation.conversationType', (a: Record<string, unknown>) => ({ ...a, conversation: { ...(a.conversation as object), conversationType: 7 } })],
    ['conversation.tenantId', (a: Record<string, unknown>) => ({ ...a, conversation: { ...(a.conversation as object), tenantId: { id: 'x' } } })],
    ['replyToId', (a: Record<string, unknown>) => ({ ...a, replyToId: 12 })],
    ['from.aadObjectId', (a: Record<string, unknown>) => ({ ...a, from: { id: '29:alex', aadObjectId: 42 } })],
    ['from.name', (a: Record<string, unknown>) => ({ ...a, from: { id: '29:alex', name: ['Alex'] } })],
    ['recipient.id', (a: Record<string, unknown>) => ({ ...a, recipient: { id: 5 } })],
    ['channelData', (a: Record<string, unknown>) => ({ ...a, channelData: 'tenant' })],
    ['channelData.tenant.id', (a: Record<string, unknown>) => ({ ...a, channelData: { tenant: { id: 1 } } })],
    ['value', (a: Record<string, unknown>) => ({ ...a, value: 'approve' })],
    ['entities', (a: Record<string, unknown>) => ({ ...a, entities: { type: 'mention' } })],
    ['entities.0.type', (a: Record<string, unknown>) => ({ ...a, entities: [{ text: '<at>bot</at>' }] })],
    ['attachments', (a: Record<string, unknown>) => ({ ...a, attachments: 'card' })],
    ['membersAdded.0.id', (a: Record<string, unknown>) => ({ ...a, type: 'conversationUpdate', membersAdded: [{ name: 'x' }] })],
    ['locale', (a: Record<string, unknown>) => ({ ...a, locale: 44 })],
    ['name', (a: Record<string, unknown>) => ({ ...a, type: 'invoke', name: { verb: 'x' } })],
  ])('when %s has the wrong type, then the answer is a 400 naming it, before any turn', async (field, spoil) => {
    const response = await postActivity(app.server.url, { ...spoil(base()), deliveryMode: 'expectReplies' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain(field);
  });

  it('when an adaptiveCard/action names a verb nobody knows, then the answer is the Universal Actions error shape with a sentence', async () => {
    const answer = await invoke(app.server.url, invokeActivity(ALEX, 'no-such-verb', { verb: 'no-such-verb' }, 'http://127.0.0.1:9/'));
    expect(answer).toEqual({
      status: 400,
      body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: expect.stringContaining('not one I know') } },
    });
  });

  it('when a request in development mode is addressed to a name that is not loopback (DNS rebinding), then it is refused before any route', async () => {
    const url = `${app.server.url}/api/dev/people`;
    const rebound = await raw(url, { host: 'attacker.example:3978' });
    expect(rebound.status).toBe(421);
    for (const host of [`127.0.0.1:${app.server.port}`, `localhost:${app.server.port}`, 'localhost']) expect((await raw(url, { host })).status).toBe(200);
  });
});

describe('production responses', () => {
  let app: TestApp;
  let keys: SigningKeys;
  let keyServer: KeyServer;

  beforeAll(async () => {
    keys = await makeKeys('k');
    keyServer = await startKeyServer([keys.jwk]);
    app = await startTestApp({ env: productionSsoEnv(keyServer.url) });
  });

  afterAll(async () => {
    await app?.stop();
    await keyServer?.close();
  });

  const assetOf = (suffix: string) => readdirSync(`${builtTabDir()}/assets`).find((f) => f.endsWith(suffix))!;

  it('when personal data is answered, then it is not to be stored, and every answer carries HSTS and no product banner', async () => {
    const me = await fetch(`${app.server.url}/api/me`, { headers: { authorization: `Bearer ${await mintToken(keys, { oid: '12345678-1234-4234-8234-123456789012' })}` } });
    expect(me.headers.get('cache-control')).toBe('no-store');
    for (const path of ['/api/me', '/healthz', '/tab/my-learning', `/tab/assets/${assetOf('.js')}`, '/nowhere']) {
      const response = await fetch(`${app.server.url}${path}`);
      expect(response.headers.get('strict-transport-security'), path).toMatch(/^max-age=\d{8,}/);
      expect(response.headers.get('server'), path).toBeNull();
    }
  });

  it('when a source map is asked for, then it is not served', async () => {
    const js = assetOf('.js');
    const map = await fetch(`${app.server.url}/tab/assets/${js}.map`);
    expect(map.status).toBe(404);
    expect(await (await fetch(`${app.server.url}/tab/assets/${js}`)).text()).not.toContain('sourceMappingURL');
  });

  it('when a browser takes brotli or gzip, then scripts and styles come compressed, and plain otherwise', async () => {
    for (const file of [assetOf('.js'), assetOf('.css')]) {
      const url = `${app.server.url}/tab/assets/${file}`;
      const plain = await raw(url, {});
      const br = await raw(url, { 'accept-encoding': 'gzip, deflate, br' });
      const gzip = await raw(url, { 'accept-encoding': 'gzip' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(br.headers['content-encoding']).toBe('br');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(br.headers.vary).toContain('Accept-Encoding');
      expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
      expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
      expect(br.body.length).toBeLessThan(plain.body.length / 2);
    }
  });
});
