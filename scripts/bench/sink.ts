import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Bot Connector stand-in that accepts every message (for benchmarks). */
export async function startSink(): Promise<{ url: string; count: () => number; close(): Promise<void> }> {
  let received = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      // restify patches ServerResponse.writeHead so that it no longer returns the response.
      res.writeHead(req.method === 'PUT' ? 200 : 201, { 'content-type': 'application/json' });
      res.end('{"id":"1"}');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, count: () => received, close: () => new Promise((r) => server.close(() => r())) };
}
