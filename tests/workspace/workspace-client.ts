import { generateOrganisation } from '../../core/demo/generate-organisation.js';
import { DEMO_PRACTICES } from '../../core/demo/generate-organisation.js';
import type { ApplicationSummary, FieldDocsResponse, FieldState, SaveFieldResponse, WorkspaceEvent } from '../../tab/shared/workspace-api.js';
import { readEventStream } from '../../tab/shared/live/event-stream.js';
import type { DocTransport } from '../../tab/shared/live/field-docs.js';
import { TEST_TODAY } from '../support/test-app.js';
import { tabClient, type TabAnswer } from '../support/tab-client.js';

/** Calls to the workspace API as a given demo person (development identity): the shared tab client. */
export type Answer<T = unknown> = TabAnswer<T>;

export async function call<T = any>(baseUrl: string, staffId: string, method: string, path: string, body?: unknown): Promise<Answer<T>> {
  return tabClient(baseUrl, staffId)<T>(method, path, body);
}

export const MEGAN = 'E9000021'; // practice manager, Oakfield Surgery (Severn Vale PCN)
export const ALEX = 'E9000020'; // practice nurse, Oakfield Surgery
export const ADELE = 'E9000022'; // trust L&D administrator: not in any PCN practice
export const NESTOR = 'E9000026'; // training hub reviewer

/** A generated member of staff of another Severn Vale practice, from the same deterministic organisation the test app seeds. */
export function staffOf(practiceName: string, staff = 40, nth = 0): string {
  const organisation = generateOrganisation({ staff, today: TEST_TODAY });
  const person = organisation.people.filter((p) => p.person.orgUnit === `Severn Vale PCN / ${practiceName}`)[nth];
  if (!person) throw new Error(`no generated staff number ${nth} at ${practiceName}`);
  return person.person.id;
}

export const SEVERN_VALE_PRACTICES = DEMO_PRACTICES.map((p) => ({ name: p.name, odsCode: p.odsCode }));

export async function createApplication(baseUrl: string, staffId = MEGAN, extra: Record<string, unknown> = {}): Promise<ApplicationSummary> {
  const answer = await call<ApplicationSummary>(baseUrl, staffId, 'POST', '/api/workspaces', { practices: SEVERN_VALE_PRACTICES, ...extra });
  if (answer.status !== 201) throw new Error(`create answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export async function save(baseUrl: string, staffId: string, appId: string, fieldId: string, text: string, _baseVersion?: number): Promise<Answer<SaveFieldResponse & { error?: { code: string; details?: any } }>> {
  return call(baseUrl, staffId, 'PUT', `/api/workspaces/${appId}/fields/${fieldId}`, { text });
}

export async function field(baseUrl: string, staffId: string, appId: string, fieldId: string): Promise<FieldState> {
  return (await call<FieldState>(baseUrl, staffId, 'GET', `/api/workspaces/${appId}/fields/${fieldId}`)).body;
}

/** An event-stream reader (the app's own client, tab/shared/live/event-stream.ts): collects events, resolves waits by predicate. */
export interface EventStream {
  events: (WorkspaceEvent & { receivedAt: number; id?: string })[];
  waitFor(predicate: (event: WorkspaceEvent) => boolean, timeoutMs?: number): Promise<WorkspaceEvent & { receivedAt: number }>;
  close(): void;
  status: number;
}

export async function openStream(baseUrl: string, staffId: string, appId: string, headers: Record<string, string> = {}, query = ''): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/workspaces/${appId}/events${query}`, {
    headers: { authorization: `Bearer dev:${staffId}`, accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const events: EventStream['events'] = [];
  const waiters: { predicate: (e: WorkspaceEvent) => boolean; resolve: (e: any) => void }[] = [];
  const stream: EventStream = {
    events,
    status: response.status,
    waitFor: (predicate, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const found = events.find(predicate);
        if (found) return resolve(found);
        const timer = setTimeout(() => reject(new Error(`no matching event within ${timeoutMs} ms; got ${events.map((e) => e.type).join(',')}`)), timeoutMs);
        waiters.push({ predicate, resolve: (e) => (clearTimeout(timer), resolve(e)) });
      }),
    close: () => controller.abort(),
  };
  if (!response.ok || !response.body) return stream;
  void readEventStream(response.body, (message) => {
    const event = { ...(JSON.parse(message.data) as WorkspaceEvent), receivedAt: performance.now(), ...(message.id ? { id: message.id } : {}) };
    events.push(event);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(event)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    }
  }).catch(() => undefined);
  return stream;
}

/** The browser's live-document client (FieldDocs) over this process's fetch, as a given person. */
export function docTransport(baseUrl: string, staffId: string, appId: string, network: { online: boolean } = { online: true }): DocTransport {
  const guard = () => {
    if (!network.online) throw new TypeError('fetch failed (offline)');
  };
  return {
    load: async (sectionId) => {
      guard();
      const answer = await call<FieldDocsResponse>(baseUrl, staffId, 'GET', `/api/workspaces/${appId}/docs${sectionId ? `?section=${sectionId}` : ''}`);
      if (answer.status !== 200) throw new Error(`docs answered ${answer.status}`);
      return answer.body;
    },
    send: async (fieldId, change) => {
      guard();
      const answer = await call<any>(baseUrl, staffId, 'POST', `/api/workspaces/${appId}/fields/${fieldId}/doc`, change);
      return answer.status === 200 ? { ok: true, dseq: answer.body.dseq } : { ok: false, status: answer.status, code: answer.body?.error?.code ?? '', message: answer.body?.error?.message ?? '' };
    },
  };
}

/** Fills every required answer and agrees every section, so the checklist is complete (spread over two people, within the rate limit). */
export async function completeApplication(baseUrl: string, appId: string, people: string[] = [MEGAN, ALEX]): Promise<void> {
  const { WORKSPACE_DEFINITIONS } = await import('../../core/workspace/definitions.js');
  let n = 0;
  const next = () => people[n++ % people.length]!;
  for (const section of WORKSPACE_DEFINITIONS.sections) {
    for (const def of section.fields.filter((f) => f.required)) {
      const text =
        def.kind === 'table'
          ? 'Dr Ada Lovelace\tGP partner\tOakfield Surgery\tEducational and clinical\tGP trainer (RCGP)\nSam Patel\tPractice nurse\tRiverside Medical Centre\tClinical\tPractice assessor'
          : def.kind === 'list'
            ? 'GP trainees (GP specialty registrars)\nNursing students'
            : def.kind === 'email'
              ? 'lead@example.nhs.uk'
              : `${def.label}: our answer.`;
      const saved = await save(baseUrl, next(), appId, def.id, text, 0);
      if (saved.status !== 200) throw new Error(`saving ${def.id} answered ${saved.status}: ${JSON.stringify(saved.body)}`);
    }
    const agreed = await call(baseUrl, next(), 'PATCH', `/api/workspaces/${appId}/sections/${section.id}`, { status: 'agreed' });
    if (agreed.status !== 200) throw new Error(`agreeing ${section.id} answered ${agreed.status}`);
  }
}
