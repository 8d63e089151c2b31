import type { ApplicationSummary, WorkspaceDefinitions } from './model.js';
import type { LocalDate } from '../time/local-date.js';
import type { ApplicationRecord } from './application.js';
import { evaluateChecklist, progressOf } from './checklist.js';
import { countdownOf } from './countdown.js';

/** What lists, the hub and live `application` events show of an application: computed from the `app` row alone. */
export function summaryOf(app: ApplicationRecord, definitions: WorkspaceDefinitions, today: LocalDate): ApplicationSummary {
  const checklist = evaluateChecklist(app, definitions);
  const progress = progressOf(app, definitions, checklist);
  return {
    id: app.id,
    title: app.title,
    pcnName: app.pcnName,
    practices: app.practices,
    lifecycle: app.lifecycle,
    ...(app.channel ? { channel: app.channel } : {}),
    progress,
    countdown: countdownOf(app, progress, today),
    owners: definitions.sections.map((s) => {
      const state = app.sections[s.id];
      return { sectionId: s.id, status: state?.status ?? 'not-started', ...(state?.owner ? { owner: state.owner } : {}) };
    }),
    createdAt: app.createdAt,
    createdBy: app.createdBy,
    seq: app.seq,
  };
}
