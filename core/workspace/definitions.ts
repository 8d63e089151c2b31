import type { ChecklistItemDefinition, FieldDefinition, SectionDefinition, WorkspaceDefinitions } from './model.js';
import { APPLICATION_SECTIONS } from './application-sections.js';
import { DOMAINS, domainSection } from './eqf-domains.js';

export { LEARNER_TYPES } from './application-sections.js';
import { APPROVAL_DEADLINE } from './model.js';

/**
 * What a Learning Organisation application asks, as data: the application's own sections, the six
 * domains of the NHSE Education Quality Framework (names as commonly published; a later edition may
 * reword them, so they live here and nowhere else) with guidance prompts and evidence fields, and the
 * approval checklist. Field ids are `<section>.<key>` and never change once used (revisions refer to them).
 */

const SECTIONS: SectionDefinition[] = [...APPLICATION_SECTIONS, ...DOMAINS.map((_, i) => domainSection(i))];

const CHECKLIST: ChecklistItemDefinition[] = [
  { id: 'practices', label: 'At least two aligned practices, each with its ODS code', sectionId: 'pcn', rule: { kind: 'practices', min: 2 } },
  { id: 'pcn', label: 'PCN details and how the practices work together', sectionId: 'pcn', rule: { kind: 'section-complete', sectionId: 'pcn' } },
  { id: 'leads', label: 'Managerial and educational leads named, with contact details', sectionId: 'leads', rule: { kind: 'section-complete', sectionId: 'leads' } },
  { id: 'learner-types', label: 'At least one learner type to host', sectionId: 'learners', rule: { kind: 'list-items', fieldId: 'learners.types', min: 1 } },
  { id: 'capacity', label: 'Learner capacity described', sectionId: 'learners', rule: { kind: 'field-filled', fieldId: 'learners.capacity' } },
  { id: 'educational-supervisor', label: 'At least one educational supervisor, with accreditation', sectionId: 'supervisors', rule: { kind: 'table-rows', fieldId: 'supervisors.list', min: 1, where: { column: 'type', value: 'educational' } } },
  { id: 'clinical-supervisor', label: 'At least one clinical supervisor', sectionId: 'supervisors', rule: { kind: 'table-rows', fieldId: 'supervisors.list', min: 1, where: { column: 'type', value: 'clinical' } } },
  { id: 'supervisor-development', label: 'Supervisor development and accreditation renewal', sectionId: 'supervisors', rule: { kind: 'field-filled', fieldId: 'supervisors.development' } },
  { id: 'induction', label: 'Welcome information and induction programme', sectionId: 'induction', rule: { kind: 'section-complete', sectionId: 'induction' } },
  { id: 'contract', label: 'Learner contract requirements: working hours and leave', sectionId: 'contract', rule: { kind: 'section-complete', sectionId: 'contract' } },
  { id: 'supervision', label: 'Clinical and educational supervision arrangements', sectionId: 'supervision', rule: { kind: 'section-complete', sectionId: 'supervision' } },
  ...DOMAINS.map((d, i) => ({
    id: `eqf-${i + 1}`,
    label: `Domain ${i + 1}, ${d.title}: every prompt answered`,
    sectionId: `eqf-${i + 1}`,
    rule: { kind: 'section-complete' as const, sectionId: `eqf-${i + 1}` },
  })),
  { id: 'agreed', label: 'Every section agreed by the practices', rule: { kind: 'all-sections-agreed' } },
];

export const WORKSPACE_DEFINITIONS: WorkspaceDefinitions = {
  version: '2026-1',
  deadline: APPROVAL_DEADLINE,
  sections: SECTIONS,
  checklist: CHECKLIST,
  resourceKinds: [
    { id: 'exemplar', label: 'Exemplar application' },
    { id: 'checklist', label: 'Checklist' },
    { id: 'welcome-letter', label: 'Template welcome letter' },
    { id: 'induction', label: 'Induction information' },
    { id: 'guidance', label: 'Guidance' },
  ],
};

const FIELDS = new Map(SECTIONS.flatMap((s) => s.fields.map((f) => [f.id, f] as const)));
const SECTION_IDS = new Map(SECTIONS.map((s) => [s.id, s] as const));

export function fieldDefinition(fieldId: string): FieldDefinition | undefined {
  return FIELDS.get(fieldId);
}

export function sectionDefinition(sectionId: string): SectionDefinition | undefined {
  return SECTION_IDS.get(sectionId);
}

export function sectionOfField(fieldId: string): string {
  return fieldId.slice(0, fieldId.indexOf('.'));
}
