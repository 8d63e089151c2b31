import type { LiveFeed } from './live/live-feed.js';
import type { WorkspaceDeps } from './workspace-deps.js';

/**
 * What the workspace's entry points (the tab's routes) are handed by the composition root
 * (server/workspace-services.ts): the use cases' dependencies and the live feed, as narrow ports.
 * They never build a repository, a feed or a notifier themselves.
 */
export interface WorkspaceServices {
  deps: WorkspaceDeps;
  live: Pick<LiveFeed, 'subscribe' | 'nudgePresence'>;
  presenceTiming: { heartbeatSeconds: number; expiresInSeconds: number };
}
