import type { ChecklistItemResult, ChecklistRule, Progress, WorkspaceDefinitions } from './model.js';
import type { ApplicationRecord } from './application.js';
import { matchKey } from './field-facts.js';

const filled = (app: ApplicationRecord, fieldId: string) => (app.facts[fieldId]?.chars ?? 0) > 0;

function requiredOf(definitions: WorkspaceDefinitions, sectionId: string): string[] {
  return definitions.sections.find((s) => s.id === sectionId)?.fields.filter((f) => f.required).map((f) => f.id) ?? [];
}

function check(rule: ChecklistRule, app: ApplicationRecord, definitions: WorkspaceDefinitions): { done: boolean; detail?: string } {
  switch (rule.kind) {
    case 'field-filled':
      return filled(app, rule.fieldId) ? { done: true } : { done: false, detail: 'Not written yet' };
    case 'list-items': {
      const n = app.facts[rule.fieldId]?.items ?? 0;
      return n >= rule.min ? { done: true } : { done: false, detail: `${n} of at least ${rule.min}` };
    }
    case 'table-rows': {
      const facts = app.facts[rule.fieldId];
      const n = rule.where ? (facts?.matches?.[matchKey(rule.where)] ?? 0) : (facts?.items ?? 0);
      return n >= rule.min ? { done: true } : { done: false, detail: `${n} of at least ${rule.min}` };
    }
    case 'section-complete': {
      const required = requiredOf(definitions, rule.sectionId);
      const missing = required.filter((id) => !filled(app, id)).length;
      return missing === 0 ? { done: true } : { done: false, detail: `${missing} of ${required.length} required answers missing` };
    }
    case 'section-agreed':
      return app.sections[rule.sectionId]?.status === 'agreed' ? { done: true } : { done: false, detail: 'Not agreed yet' };
    case 'all-sections-agreed': {
      const open = definitions.sections.filter((s) => app.sections[s.id]?.status !== 'agreed').length;
      return open === 0 ? { done: true } : { done: false, detail: `${open} of ${definitions.sections.length} sections not agreed yet` };
    }
    case 'practices':
      return app.practices.length >= rule.min ? { done: true } : { done: false, detail: `${app.practices.length} of at least ${rule.min}` };
    case 'channel-linked':
      return app.channel ? { done: true } : { done: false, detail: 'No channel linked' };
  }
}

/** What is still missing before submission, item by item, from the stored application only. */
export function evaluateChecklist(app: ApplicationRecord, definitions: WorkspaceDefinitions): ChecklistItemResult[] {
  return definitions.checklist.map((item) => ({
    id: item.id,
    label: item.label,
    ...(item.sectionId ? { sectionId: item.sectionId } : {}),
    ...check(item.rule, app, definitions),
  }));
}

/** Section statuses, required answers written, and the checklist; `percent` = required answers written. */
export function progressOf(app: ApplicationRecord, definitions: WorkspaceDefinitions, checklist = evaluateChecklist(app, definitions)): Progress {
  const statuses = definitions.sections.map((s) => app.sections[s.id]?.status ?? 'not-started');
  const required = definitions.sections.flatMap((s) => s.fields.filter((f) => f.required).map((f) => f.id));
  const requiredFilled = required.filter((id) => filled(app, id)).length;
  return {
    sections: statuses.length,
    notStarted: statuses.filter((s) => s === 'not-started').length,
    drafting: statuses.filter((s) => s === 'drafting').length,
    readyForReview: statuses.filter((s) => s === 'ready-for-review').length,
    agreed: statuses.filter((s) => s === 'agreed').length,
    requiredFilled,
    requiredTotal: required.length,
    percent: required.length ? Math.floor((100 * requiredFilled) / required.length) : 100,
    checklistDone: checklist.filter((c) => c.done).length,
    checklistTotal: checklist.length,
  };
}
