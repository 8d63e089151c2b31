import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorMessage {
  conversationId: string;
  replyToId?: string;
  activity: Record<string, unknown> & { type?: string; text?: string; attachments?: unknown[] };
}

export interface FakeConnector {
  serviceUrl: string;
  messages: ConnectorMessage[];
  /** Messages replaced in place (updateActivity: PUT …/activities/{id}). */
  updates: (ConnectorMessage & { activityId: string })[];
  /** Teams' member records (GET …/members/{id}: TeamsInfo.getMember), by the member's channel id. */
  members: Map<string, { id: string; name?: string; aadObjectId?: string; userPrincipalName?: string; email?: string }>;
  /** Resolves when at least `count` messages have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ConnectorMessage[]>;
  close(): Promise<void>;
}

/**
 * A Bot Connector stand-in on loopback: the bot sends its replies here (the `serviceUrl` of the test
 * activities), exactly as it would to Teams, and every accepted message is kept for assertions.
 */
export async function startFakeConnector(): Promise<FakeConnector> {
  const messages: ConnectorMessage[] = [];
  const updates: (ConnectorMessage & { activityId: string })[] = [];
  const members: FakeConnector['members'] = new Map();
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const member = /^\/v3\/conversations\/[^/]+\/members\/([^/?]+)/.exec(req.url ?? '');
      if (req.method === 'GET' && member) {
        const found = members.get(decodeURIComponent(member[1]!));
        res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(found ?? { error: { code: 'MemberNotFoundInConversation' } }));
        return;
      }
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
      if (req.method === 'PUT' && match && match[2]) {
        updates.push({ conversationId: decodeURIComponent(match[1]!), activityId: decodeURIComponent(match[2]), activity: JSON.parse(body || '{}') as ConnectorMessage['activity'] });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: match[2] }));
        return;
      }
      if (req.method === 'POST' && match) {
        const activity = JSON.parse(body || '{}') as ConnectorMessage['activity'];
        messages.push({ conversationId: decodeURIComponent(match[1]!), ...(match[2] ? { replyToId: decodeURIComponent(match[2]) } : {}), activity });
        for (const waiter of waiters) if (messages.length >= waiter.count) waiter.resolve();
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `m-${messages.length}` }));
        return;
      }
      res.writeHead(404);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    messages,
    updates,
    members,
    waitFor: (count, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        if (messages.length >= count) return resolve(messages);
        const timer = setTimeout(() => reject(new Error(`expected ${count} connector messages, got ${messages.length}`)), timeoutMs);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve(messages)) });
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
