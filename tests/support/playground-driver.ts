import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { freePort } from '../../server/dev/azurite.js';
import { startPlayground, type RunningPlayground } from '../../server/dev/playground.js';

export interface PlaygroundFrame {
  action: 'createMessage' | 'updateMessage' | string;
  actionConversationId: string;
  message: { messageId: string; text?: string; attachments?: { contentType: string; content: unknown }[] };
}

export interface PlaygroundDriver {
  playground: RunningPlayground;
  personalChatId: string;
  currentUserId: string;
  frames: PlaygroundFrame[];
  say(text: string): Promise<void>;
  /** Presses an Action.Submit on a card the bot sent (`replyToId` = that card's message id). */
  submit(replyToId: string, value: Record<string, unknown>): Promise<void>;
  waitForFrame(predicate: (frame: PlaygroundFrame) => boolean, timeoutMs?: number): Promise<PlaygroundFrame>;
  stop(): Promise<void>;
}

/** Starts Microsoft's Agents Playground against a bot and drives it through its HTTP and WebSocket API. */
export async function startPlaygroundDriver(botUrl: string, actAs = 'user-id-0'): Promise<PlaygroundDriver> {
  const port = await freePort();
  const playground = await startPlayground({
    botEndpoint: `${botUrl}/api/messages`,
    port,
    actAs,
    workDir: mkdtempSync(path.join(os.tmpdir(), 'ml-playground-')),
  });
  const config = (await (await fetch(`${playground.url}/_internal/v1/config`)).json()) as {
    config: { personalChat: { id: string }; currentUser: { id: string } };
  };
  const frames: PlaygroundFrame[] = [];
  const listeners = new Set<() => void>();
  const socket = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.on('message', (data) => {
    frames.push(JSON.parse(data.toString()) as PlaygroundFrame);
    for (const listener of listeners) listener();
  });
  const personalChatId = config.config.personalChat.id;
  const currentUserId = config.config.currentUser.id;
  return {
    playground,
    personalChatId,
    currentUserId,
    frames,
    say: async (text) => {
      const response = await fetch(`${playground.url}/_conversation/v1/conversations/${encodeURIComponent(personalChatId)}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'text', text, textFormat: 'plain', from: { id: currentUserId } }),
      });
      if (!response.ok) throw new Error(`Playground refused the message: ${response.status}`);
    },
    submit: async (replyToId, value) => {
      const response = await fetch(`${playground.url}/_conversation/v1/submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ conversation: { id: personalChatId }, replyToId, value, from: { id: currentUserId } }),
      });
      if (!response.ok) throw new Error(`Playground refused the submit: ${response.status} ${await response.text()}`);
    },
    waitForFrame: (predicate, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = frames.find(predicate);
          if (found) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no matching Playground frame within ${timeoutMs} ms (${frames.length} frames seen)`));
        }, timeoutMs);
        listeners.add(check);
        check();
      }),
    stop: async () => {
      socket.close();
      await playground.stop();
    },
  };
}
