import type { FieldDefinition, SectionDefinition } from './model.js';
import { evidence, field, LINK_COLUMNS } from './definition-helpers.js';

/**
 * The six domains of the NHSE Education Quality Framework (names as commonly published; a later
 * edition may reword them, so they live here and nowhere else) with their guidance prompts.
 */
/** The six EQF domains: each prompt gets a narrative and an evidence table, plus strengths, development and action plan. */
export const DOMAINS: { title: string; intro: string; prompts: string[] }[] = [
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

export function domainSection(index: number): SectionDefinition {
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

