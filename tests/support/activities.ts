import { randomUUID } from 'node:crypto';

export const TENANT_ID = '00000000-0000-0000-0000-0000000000001';
export const BOT = { id: '28:00000000-0000-0000-0000-00000000000011', name: 'Mandatory Learning' };

export interface TeamsUser {
  id: string;
  name: string;
  aadObjectId?: string;
}

export const ALEX: TeamsUser = { id: '29:alex', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' };
export const MEGAN: TeamsUser = { id: '29:megan', name: 'Megan Bowen', aadObjectId: '00000000-0000-0000-0000-0000000000021' };
export const PATTI: TeamsUser = { id: '29:patti', name: 'Patti Fernandez', aadObjectId: '00000000-0000-0000-0000-0000000000024' };
export const LYNNE: TeamsUser = { id: '29:lynne', name: 'Lynne Robbins', aadObjectId: '00000000-0000-0000-0000-0000000000025' };
export const STRANGER: TeamsUser = { id: '29:stranger', name: 'Not Staff', aadObjectId: '99999999-0000-0000-0000-000000000000' };

/** What every activity in a user's personal chat with the bot carries, as the Bot Connector delivers it. */
function personalActivity(type: string, user: TeamsUser, serviceUrl: string, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    type,
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: user,
    conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: TENANT_ID },
    recipient: BOT,
    channelData: { tenant: { id: TENANT_ID } },
    ...fields,
  };
}

/** A Teams personal-chat message activity. */
export function messageActivity(user: TeamsUser, text: string, serviceUrl: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return personalActivity('message', user, serviceUrl, { text, textFormat: 'plain', locale: 'en-GB', ...extra });
}

export function conversationUpdateActivity(user: TeamsUser, serviceUrl: string): Record<string, unknown> {
  return personalActivity('conversationUpdate', user, serviceUrl, {
    membersAdded: [{ id: BOT.id }],
    channelData: { tenant: { id: TENANT_ID }, eventType: 'teamMemberAdded' },
  });
}

/** Posts an activity to the bot endpoint; with `expectReplies` the bot's replies come back in the body. */
export async function postActivity(baseUrl: string, activity: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
}

export async function replyTexts(response: Response): Promise<string[]> {
  const body = (await response.json()) as { activities?: { text?: string }[] };
  return (body.activities ?? []).map((a) => a.text ?? '');
}

/** An Action.Submit from a card: a message activity whose `value` holds the action data and the inputs. */
export function submitActivity(user: TeamsUser, value: Record<string, unknown>, serviceUrl: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const activity = messageActivity(user, '', serviceUrl, { value, replyToId: 'card-1', ...extra });
  delete activity.text;
  return activity;
}

export interface ReplyActivity {
  type: string;
  text?: string;
  attachments?: { contentType: string; content: unknown }[];
}

/** Sends with deliveryMode expectReplies and returns the bot's replies from the response body. */
export async function exchange(baseUrl: string, activity: Record<string, unknown>): Promise<ReplyActivity[]> {
  const response = await postActivity(baseUrl, { ...activity, deliveryMode: 'expectReplies' });
  if (response.status !== 200) throw new Error(`bot answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { activities?: ReplyActivity[] };
  return body.activities ?? [];
}

/** An Action.Execute press (Universal Actions): an `adaptiveCard/action` invoke; the answer is the HTTP body. */
export function invokeActivity(user: TeamsUser, verb: string, data: Record<string, unknown>, serviceUrl: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return personalActivity('invoke', user, serviceUrl, {
    name: 'adaptiveCard/action',
    replyToId: 'card-activity-1',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    ...extra,
  });
}

export interface InvokeAnswer {
  status: number;
  body: { statusCode?: number; type?: string; value?: unknown };
}

export async function invoke(baseUrl: string, activity: Record<string, unknown>): Promise<InvokeAnswer> {
  const response = await postActivity(baseUrl, activity);
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as InvokeAnswer['body']) : {} };
}
