/** What the tab's API answered: the status, the body (JSON parsed when it is JSON, else the text) and the headers. */
export interface TabAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export type TabCall = <T = any>(method: string, path: string, body?: unknown) => Promise<TabAnswer<T>>;

/**
 * The one test client for the tab's API: as a demo person (`dev:<staffId>`, development mode) or with
 * any bearer token (`{ token }`, e.g. a signed SSO token). `tabClient(url, 'E9000020')('GET', '/api/me')`.
 */
export function tabClient(baseUrl: string | { server: { url: string } }, as: string | { token: string }): TabCall {
  const url = typeof baseUrl === 'string' ? baseUrl : baseUrl.server.url;
  const authorization = typeof as === 'string' ? `Bearer dev:${as}` : `Bearer ${as.token}`;
  return async <T>(method: string, path: string, body?: unknown): Promise<TabAnswer<T>> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    if (text && (response.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
    else if (!text) parsed = undefined;
    return { status: response.status, body: parsed as T, headers: response.headers };
  };
}

/** The same, choosing the person per call: `call(staffId, method, path, body?)`. */
export function tabCaller(baseUrl: string | { server: { url: string } }) {
  return <T = any>(staffId: string, method: string, path: string, body?: unknown) => tabClient(baseUrl, staffId)<T>(method, path, body);
}

/** A file the API answers with: status, headers and the bytes. */
export async function download(baseUrl: string | { server: { url: string } }, as: string, path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const url = typeof baseUrl === 'string' ? baseUrl : baseUrl.server.url;
  const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer dev:${as}` } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}
