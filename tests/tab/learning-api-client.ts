import { tabCaller } from '../support/tab-client.js';
import { exchange, messageActivity, type TeamsUser } from '../support/activities.js';

/** `call(staffId, method, path, body?)` → { status, body }: the shared tab client (tests/support/tab-client.ts). */
export const apiClient = (baseUrl: string) => tabCaller(baseUrl);

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

