import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esrExportLines, organisationForRows } from '../../scripts/support/esr-export.js';
import type { EsrImportEvent, EsrImportProgress } from '../../tab/shared/esr-import.js';
import { startTestApp, TEST_TODAY, type TestApp } from '../support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.stop();
});

/** Posts a file asking for progress and reads the NDJSON answer line by line as it arrives. */
async function importWithProgress(body: Buffer, mode: 'preview' | 'import'): Promise<{ events: EsrImportEvent[]; arrivals: number[] }> {
  const started = Date.now();
  const response = await fetch(`${app.server.url}/api/esr/imports?mode=${mode}&fileName=big.csv`, {
    method: 'POST',
    headers: { authorization: 'Bearer dev:E9000022', 'content-type': 'text/csv', accept: 'application/x-ndjson' },
    body,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/application\/x-ndjson/);
  const events: EsrImportEvent[] = [];
  const arrivals: number[] = [];
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    pending += decoder.decode(chunk, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines.filter(Boolean)) {
      events.push(JSON.parse(line) as EsrImportEvent);
      arrivals.push(Date.now() - started);
    }
  }
  return { events, arrivals };
}

const progressOf = (events: EsrImportEvent[]) => events.filter((e): e is Extract<EsrImportEvent, { type: 'progress' }> => e.type === 'progress').map((e) => e.progress);

describe('ESR import progress, streamed from the server', () => {
  const csv = Buffer.from([...esrExportLines(organisationForRows(30_000, TEST_TODAY, 11), { today: TEST_TODAY })].join('\r\n'), 'utf8');

  it('when a large file is imported asking for progress, then rows read and people written arrive as they happen, ending with the result', async () => {
    const { events, arrivals } = await importWithProgress(csv, 'import');
    const progress = progressOf(events);
    const last = events.at(-1)!;
    expect(last.type).toBe('result');
    if (last.type !== 'result') return;
    expect(last.result.state).toBe('finished');
    // Reading: the bytes and rows only go up, up to the whole file.
    const reading = progress.filter((p) => p.phase === 'reading');
    expect(reading.length).toBeGreaterThanOrEqual(2);
    expect(reading.map((p) => p.rows)).toEqual([...reading.map((p) => p.rows)].sort((a, b) => a - b));
    expect(progress.at(-1)!.bytes).toBe(csv.length);
    // Writing: several reports of people written out of the people in the file, the last one all of them.
    const writing = progress.filter((p): p is EsrImportProgress => p.phase === 'writing');
    expect(writing.length).toBeGreaterThanOrEqual(2);
    expect(writing[0]!.peopleTotal).toBe(last.result.people);
    expect(new Set(writing.map((p) => p.people)).size).toBeGreaterThan(1);
    expect(progress.at(-1)).toMatchObject({ phase: 'done', people: last.result.people, peopleTotal: last.result.people });
    // They arrived spread over the run, not all at the end.
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThan(500);
  }, 120_000);

  it('when a preview asks for progress, then it reports rows read and writes nobody', async () => {
    const { events } = await importWithProgress(csv.subarray(0, 200_000), 'preview');
    const last = events.at(-1)!;
    expect(last.type).toBe('result');
    expect(progressOf(events).some((p) => p.phase === 'writing')).toBe(false);
  });

  it('when the file cannot be read, then the last line is the error, in words', async () => {
    const { events } = await importWithProgress(Buffer.from('this is not an ESR export\r\nat all\r\n'), 'preview');
    const last = events.at(-1)!;
    expect(last).toMatchObject({ type: 'error', error: { status: 422 } });
    if (last.type === 'error') expect(last.error.message.length).toBeGreaterThan(10);
  });
});
