import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { startLimitedConnector } from './limited-connector.js';

/**
 * The limited fake Bot Connector in a process of its own (a remote Teams is not slowed by the bot's
 * event loop, so the benchmark should not be either). Prints `connector <serviceUrl> stats <url>`;
 * GET <stats url> answers `{ accepted, distinct, duplicates, rateLimited, failed, gone, rate }`.
 */
const { values } = parseArgs({ options: { rate: { type: 'string', default: '200' }, 'failure-rate': { type: 'string', default: '0' }, seed: { type: 'string', default: '1' } } });

async function main(): Promise<void> {
  const connector = await startLimitedConnector({ globalPerSecond: Number(values.rate), failureRate: Number(values['failure-rate']), seed: Number(values.seed) });
  const stats = http.createServer((_req, res) => {
    const counts = connector.counts();
    const jobs = connector.jobCounts();
    const body = JSON.stringify({
      ...counts,
      distinct: jobs.size,
      duplicates: [...jobs.values()].reduce((sum, n) => sum + n - 1, 0),
      rate: connector.acceptedRate(),
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => stats.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`connector ${connector.serviceUrl} stats http://127.0.0.1:${(stats.address() as AddressInfo).port}/\n`);
  process.on('SIGTERM', () => {
    void connector.close().then(() => process.exit(0));
  });
}

void main();
