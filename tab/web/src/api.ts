/**
 * The tab's API client: every call carries the caller's bearer token (Teams SSO, or `dev:<staffId>`
 * in development mode) and turns `{ error: { code, message, details } }` answers into ApiProblem.
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let tokenSource: () => Promise<string> = async () => {
  throw new ApiProblem(401, 'unauthorized', 'Not signed in.');
};

export function setTokenSource(source: () => Promise<string>): void {
  tokenSource = source;
}

export async function authHeader(): Promise<string> {
  return `Bearer ${await tokenSource()}`;
}

export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal; anonymous?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (!init.anonymous) headers.Authorization = await authHeader();
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  const text = await response.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    throw new ApiProblem(response.status, error?.code ?? 'http-error', error?.message ?? `The server answered ${response.status}.`, error?.details);
  }
  return data as T;
}

/** Downloads a file from the API (exports) with the bearer token, and hands it to the browser as a download. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const response = await fetch(path, { headers: { Authorization: await authHeader() } });
  if (!response.ok) {
    const data = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
    throw new ApiProblem(response.status, data?.error?.code ?? 'http-error', data?.error?.message ?? `The server answered ${response.status}.`);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
