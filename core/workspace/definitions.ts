import type {
  ChecklistItemDefinition,
  ColumnDefinition,
  FieldDefinition,
  SectionDefinition,
  WorkspaceDefinitions,
} from './model.js';
import { APPROVAL_DEADLINE } from './model.js';

/**
 * What a Learning Organisation application asks, as data: the application's own sections, the six
 * domains of the NHSE Education Quality Framework (names as commonly published; a later edition may
 * reword them, so they live here and nowhere else) with guidance prompts and evidence fields, and the
 * approval checklist. Field ids are `<section>.<key>` and never change once used (revisions refer to them).
 */

const LINK_COLUMNS: ColumnDefinition[] = [
  { key: 'label', label: 'What it is' },
  { key: 'url', label: 'Link (e.g. a file in the channel)', kind: 'url' },
];

const field = (sectionId: string, key: string, label: string, kind: FieldDefinition['kind'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({
  id: `${sectionId}.${key}`,
  key,
  label,
  kind,
  ...extra,
});

const evidence = (sectionId: string, key = 'evidence', label = 'Evidence (links to documents in the channel)') =>
  field(sectionId, key, label, 'table', { columns: LINK_COLUMNS, help: 'One row per document: what it is, and a link to it (for example a file in this channel).' });

export const LEARNER_TYPES = [
  'GP trainees (GP specialty registrars)',
  'Foundation doctors',
  'Medical students',
  'Nursing students',
  'Nursing associates (trainee)',
  'Pharmacy students and foundation pharmacists',
  'Physician associate students',
  'Paramedic students',
  'Physiotherapy students',
  'Advanced clinical practitioners (trainee)',
  'Healthcare assistants (apprentices)',
];

const SUPERVISOR_COLUMNS: ColumnDefinition[] = [
  { key: 'name', label: 'Name' },
  { key: 'role', label: 'Role' },
  { key: 'practice', label: 'Practice' },
  { key: 'type', label: 'Supervision', options: ['Educational', 'Clinical', 'Educational and clinical'] },
  { key: 'accreditation', label: 'Accreditation (e.g. GP trainer, practice assessor, DPP)' },
];

const APPLICATION_SECTIONS: SectionDefinition[] = [
  {
    id: 'pcn',
    number: '1',
    title: 'PCN and aligned practices',
    group: 'application',
    intro: 'The Learning Organisation is approved on behalf of every practice aligned with it. The aligned practices (name and ODS code) are kept with the application; they may be fewer than the PCN\'s practices.',
    prompts: ['Which practices are aligned, and why any of the PCN\'s practices are not?', 'How will the practices work together on learners (shared rotas, shared teaching, one point of contact)?'],
    fields: [
      field('pcn', 'ods-code', 'PCN ODS code', 'text', { required: true }),
      field('pcn', 'clinical-director', 'Clinical director', 'text'),
      field('pcn', 'footprint', 'Aligned practices and how they work together', 'longtext', { required: true }),
    ],
  },
  {
    id: 'leads',
    number: '2',
    title: 'Managerial and educational leads',
    group: 'application',
    intro: 'One managerial lead and one educational lead answer for the Learning Organisation to the training hub and the panel.',
    prompts: ['Who is accountable for the learning environment day to day, and who for the quality of education?'],
    fields: [
      field('leads', 'managerial-name', 'Managerial lead: name', 'text', { required: true }),
      field('leads', 'managerial-role', 'Managerial lead: role and practice', 'text', { required: true }),
      field('leads', 'managerial-email', 'Managerial lead: e-mail', 'email', { required: true }),
      field('leads', 'educational-name', 'Educational lead: name', 'text', { required: true }),
      field('leads', 'educational-role', 'Educational lead: role and practice', 'text', { required: true }),
      field('leads', 'educational-email', 'Educational lead: e-mail', 'email', { required: true }),
    ],
  },
  {
    id: 'learners',
    number: '3',
    title: 'Learner types to host',
    group: 'application',
    intro: 'Multi-professional learners the Learning Organisation will host. Add any type not in the suggestions.',
    prompts: ['Which learners will you host, how many at a time, and in which practices?'],
    fields: [
      field('learners', 'types', 'Learner types', 'list', { required: true, suggestions: LEARNER_TYPES, help: 'One per line.' }),
      field('learners', 'capacity', 'Capacity: how many of each, where and when', 'longtext', { required: true }),
    ],
  },
  {
    id: 'supervisors',
    number: '4',
    title: 'Supervisors',
    group: 'application',
    intro: 'Every supervisor, the practice they work in, whether they supervise educationally, clinically or both, and their accreditation.',
    prompts: ['Is there an accredited educational supervisor for each learner type?', 'How do supervisors keep their accreditation and development up to date?'],
    fields: [
      field('supervisors', 'list', 'Supervisors', 'table', { required: true, columns: SUPERVISOR_COLUMNS }),
      field('supervisors', 'development', 'Supervisor development and accreditation renewal', 'longtext', { required: true }),
    ],
  },
  {
    id: 'induction',
    number: '5',
    title: 'Induction and welcome',
    group: 'application',
    intro: 'What a learner receives before and on arrival: welcome letter, induction programme, who to go to.',
    prompts: ['What does a learner receive before they start?', 'What does the first week look like, in each practice?'],
    fields: [
      field('induction', 'welcome', 'Welcome information (letter or pack)', 'longtext', { required: true }),
      field('induction', 'programme', 'Induction programme', 'longtext', { required: true }),
      evidence('induction'),
    ],
  },
  {
    id: 'contract',
    number: '6',
    title: 'Learner contract requirements',
    group: 'application',
    intro: 'Show you understand the learner contract requirements, such as working hours and leave.',
    prompts: ['How are learners\' working hours set and monitored?', 'How is leave (study, annual, sickness) requested and covered?'],
    fields: [
      field('contract', 'working-hours', 'Working hours', 'longtext', { required: true }),
      field('contract', 'leave', 'Leave', 'longtext', { required: true }),
      field('contract', 'other', 'Other contract requirements (e.g. lead employer, rota rules)', 'longtext'),
      evidence('contract'),
    ],
  },
  {
    id: 'supervision',
    number: '7',
    title: 'Supervision arrangements',
    group: 'application',
    intro: 'How learners receive appropriate clinical and educational supervision, across all the aligned practices.',
    prompts: ['Who supervises each session, and how does a learner reach them?', 'What happens when a supervisor is away, or a concern is raised?'],
    fields: [
      field('supervision', 'clinical', 'Clinical supervision', 'longtext', { required: true }),
      field('supervision', 'educational', 'Educational supervision', 'longtext', { required: true }),
      field('supervision', 'escalation', 'Cover and escalating concerns', 'longtext', { required: true }),
      evidence('supervision'),
    ],
  },
];

/** The six EQF domains: each prompt gets a narrative and an evidence table, plus strengths, development and action plan. */
const DOMAINS: { title: string; intro: string; prompts: string[] }[] = [
  {
    title: 'Learning environment and culture',
    intro: 'Learners are in an environment that delivers safe, effective, compassionate care and values education and training.',
    prompts: [
      'How do learners experience safe, effective and compassionate care for patients in every aligned practice?',
      'How do you make sure learners are treated fairly, with dignity and respect, free from bullying and undermining?',
      'How do learners take part in quality improvement, evidence-based practice, research and innovation?',
      'How do learners learn from the experience and outcomes of patients, good and bad (significant events, complaints)?',
      'What facilities do learners and educators have: space, IT, access to library and knowledge services?',
      'What inter-professional learning do learners take part in across the PCN?',
      'How can learners raise concerns (freedom to speak up), and how are they answered?',
      'How is the culture of learning kept up across the practices (teaching time, protected learning)?',
    ],
  },
  {
    title: 'Educational governance and commitment to quality',
    intro: 'Education and training are governed accountably and transparently, and the quality of learning is monitored and improved.',
    prompts: [
      'Who is accountable for education and training in the Learning Organisation, and how do they report?',
      'How is the quality of placements monitored across the practices?',
      'How are learners\' and educators\' views gathered and acted on?',
      'How are risks to education identified, recorded and managed?',
      'How do you promote equality, diversity and inclusion for learners and educators?',
      'How do you work with the training hub, education providers and regulators?',
      'How are serious concerns about a learner or a placement handled and shared?',
      'How will the annual review and self-assessment be done?',
    ],
  },
  {
    title: 'Developing and supporting learners',
    intro: 'Learners are supported to complete their programme and to achieve their learning outcomes.',
    prompts: [
      'How is each learner supported to complete their programme and meet their learning outcomes?',
      'What induction does each learner receive, and how is it checked?',
      'How do learners know their role, its limits and who supervises them?',
      'How do you support learners\' health and wellbeing, including reasonable adjustments?',
      'How do learners get timely, constructive feedback?',
      'How are learners in difficulty identified and supported?',
      'What careers advice and opportunities do learners have?',
      'How are learners given time for self-directed learning?',
    ],
  },
  {
    title: 'Supporting and empowering educators',
    intro: 'Educators are appropriately qualified, have time to teach and are supported in their role.',
    prompts: [
      'How do you make sure educators are appropriately qualified and accredited?',
      'How do educators get protected time for education in their job plans?',
      'What training and continuing development do educators receive?',
      'How do educators receive feedback on their teaching and supervision?',
      'How is educators\' wellbeing supported?',
      'How do educators share good practice across the practices?',
      'How are new educators developed and mentored?',
      'How is the educator workload balanced across the Learning Organisation?',
    ],
  },
  {
    title: 'Delivering curricula and assessments',
    intro: 'Placements deliver the curricula of each learner\'s programme and assessments are fair and valid.',
    prompts: [
      'How do placements give learners the opportunities their curricula require?',
      'How are learning objectives agreed and reviewed with each learner?',
      'How are assessments planned, carried out and recorded?',
      'How do you make sure assessors are trained and assessments are fair?',
      'How is learning across professions and practices coordinated?',
      'How do you use patient feedback and outcomes in learning?',
      'How do you adapt placements for learners with different needs?',
      'How is progress reported to the education provider?',
    ],
  },
  {
    title: 'Delivering a sustainable workforce',
    intro: 'The Learning Organisation helps develop and keep the workforce the local population needs.',
    prompts: [
      'How do you work with education providers to plan placement capacity?',
      'How do placements help recruit and retain staff locally?',
      'How do you support career progression for staff and learners?',
      'How do you widen participation in health careers?',
      'How do you plan for the workforce your population will need?',
      'How are new roles (e.g. ARRS roles) supported as learners and as educators?',
      'How do you evaluate the impact of education on the workforce?',
      'How will the Learning Organisation grow its capacity over the next three years?',
    ],
  },
];

function domainSection(index: number): SectionDefinition {
  const domain = DOMAINS[index]!;
  const id = `eqf-${index + 1}`;
  const fields: FieldDefinition[] = [];
  domain.prompts.forEach((prompt, p) => {
    const n = p + 1;
    fields.push(field(id, `prompt-${n}`, `${index + 1}.${n} ${prompt}`, 'longtext', { required: true, help: prompt }));
    fields.push(field(id, `prompt-${n}-evidence`, `${index + 1}.${n} Evidence`, 'table', { columns: LINK_COLUMNS }));
  });
  fields.push(field(id, 'strengths', 'Strengths and good practice', 'longtext'));
  fields.push(field(id, 'development', 'Areas for development', 'longtext'));
  fields.push(field(id, 'action-plan', 'Action plan (what, who, by when)', 'longtext'));
  fields.push(evidence(id, 'other-evidence', 'Other evidence for this domain'));
  return { id, number: `D${index + 1}`, title: domain.title, group: 'domain', intro: domain.intro, prompts: domain.prompts, fields };
}

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
