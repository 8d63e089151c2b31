/**
 * The Learning Organisation workspace's model, one concept per file under model/: pure data, the
 * use cases in core/workspace produce these. The tab's API contract (tab/shared/workspace-api.ts)
 * re-exports them and adds the shapes that belong to HTTP alone.
 */
export * from './model/ids-and-limits.js';
export * from './model/definition-types.js';
export * from './model/application-types.js';
export * from './model/field-history.js';
export * from './model/comments.js';
export * from './model/presence.js';
export * from './model/live-events.js';
export * from './model/hub.js';
export * from './model/lists.js';
export * from './model/list-table-text.js';
