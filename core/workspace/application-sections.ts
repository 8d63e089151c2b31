import type { ColumnDefinition, SectionDefinition } from './model.js';
import { evidence, field } from './definition-helpers.js';

/** The application's own sections (before the six domains): PCN and practices, leads, learners, supervisors, induction, contract, supervision. */
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

export const APPLICATION_SECTIONS: SectionDefinition[] = [
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

