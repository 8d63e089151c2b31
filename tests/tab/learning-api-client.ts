import { exchange, messageActivity, type TeamsUser } from '../support/activities.js';

/** A small client for the tab API in tests: `call(staffId, method, path, body?)` → { status, body }. */
export function apiClient(baseUrl: string) {
  return async function call<T = any>(staffId: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer dev:${staffId}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}

/** Everyone named has talked to the bot, so their personal chats are known (proactive cards can reach them). */
export async function sayHello(baseUrl: string, serviceUrl: string, users: TeamsUser[]): Promise<void> {
  for (const user of users) await exchange(baseUrl, messageActivity(user, 'hello', serviceUrl));
}

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const ADELE_USER: TeamsUser = { id: '29:adele', name: 'Adele Vance', aadObjectId: '00000000-0000-0000-0000-0000000000022' };

