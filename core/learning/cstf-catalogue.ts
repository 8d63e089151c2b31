import type { LocalDate } from '../time/local-date.js';
import type { CompletionMethod, Subject, Topic } from './types.js';

/**
 * The Core Skills Training Framework subjects as shipped defaults. An organisation changes renewal
 * periods, links and methods, and adds local topics, in its stored catalogue; this is only the start.
 */
export const CSTF_SUBJECTS: Subject[] = [
  { id: 'conflict-resolution', name: 'Conflict Resolution', kind: 'national', aliases: ['conflict', 'cr', 'de-escalation', 'conflict management', 'managing conflict', 'violence and aggression'] },
  {
    id: 'edhr',
    name: 'Equality, Diversity and Human Rights',
    kind: 'national',
    aliases: ['edhr', 'ed&hr', 'equality', 'diversity', 'equality and diversity', 'e&d', 'human rights', 'edi', 'ed&i', 'equality diversity and inclusion', 'equality and diversity and inclusion', 'eqality', 'inclusion'],
  },
  { id: 'fire-safety', name: 'Fire Safety', kind: 'national', aliases: ['fire', 'fire training', 'fire safety', 'fire awareness', 'fire warden', 'fire marshal'] },
  {
    id: 'health-safety',
    name: 'Health, Safety and Welfare',
    kind: 'national',
    aliases: ['health and safety', 'h&s', 'hsw', 'health safety', 'welfare', 'health and safety at work', 'hs&w', 'coshh'],
  },
  {
    id: 'ipc',
    name: 'Infection Prevention and Control',
    kind: 'national',
    aliases: ['ipc', 'infection control', 'infection prevention', 'infection', 'hand hygiene', 'hand washing', 'handwashing', 'ip&c'],
  },
  {
    id: 'ig',
    name: 'Information Governance and Data Security',
    kind: 'national',
    aliases: ['ig', 'information governance', 'data security', 'data protection', 'gdpr', 'dspt', 'data security awareness', 'cyber security', 'cyber', 'info governance', 'confidentiality'],
  },
  {
    id: 'moving-handling',
    name: 'Moving and Handling',
    kind: 'national',
    aliases: ['m&h', 'moving and handling', 'manual handling', 'patient handling', 'mh', 'moving & handling', 'back care', 'people handling', 'load handling'],
  },
  {
    id: 'prevent',
    name: 'Preventing Radicalisation',
    kind: 'national',
    aliases: ['prevent', 'radicalisation', 'radicalization', 'wrap', 'prevent duty', 'preventing radicalisation'],
  },
  {
    id: 'resuscitation',
    name: 'Resuscitation',
    kind: 'national',
    aliases: ['resus', 'bls', 'ils', 'als', 'cpr', 'basic life support', 'immediate life support', 'life support', 'resuscitation training', 'pbls', 'nls', 'defib', 'aed'],
  },
  {
    id: 'safeguarding-adults',
    name: 'Safeguarding Adults',
    kind: 'national',
    aliases: ['safeguarding adults', 'adult safeguarding', 'sga', 'safeguarding adult', 'sova', 'safeguarding vulnerable adults', 'adults safeguarding'],
  },
  {
    id: 'safeguarding-children',
    name: 'Safeguarding Children',
    kind: 'national',
    aliases: ['safeguarding children', 'child safeguarding', 'sgc', 'safeguarding child', 'child protection', 'safeguarding kids', 'children safeguarding', 'safeguarding children and young people'],
  },
  {
    id: 'oliver-mcgowan',
    name: 'Oliver McGowan training on learning disability and autism',
    kind: 'national',
    // Not "autism" or "learning disability" alone: staff say those of themselves ("due to my autism I need a quieter room").
    aliases: ['ommt', 'oliver mcgowan', 'mcgowan', 'learning disability and autism', 'learning disability training', 'autism training', 'autism awareness', 'ld and autism', 'oliver mcgowan mandatory training'],
  },
];

const ELEARNING: CompletionMethod[] = ['e-learning', 'transferred'];
const ELFH = 'https://portal.e-lfh.org.uk/';

function topic(
  subjectId: string,
  level: number,
  levelName: string,
  renewalMonths: number | null,
  methods: CompletionMethod[],
  audience: string,
): Topic {
  return { id: `${subjectId}-${level}`, subjectId, level, levelName, renewalMonths, methods, link: ELFH, audience };
}

export const CSTF_TOPICS: Topic[] = [
  topic('conflict-resolution', 1, 'Level 1', 36, [...ELEARNING, 'session'], 'Patient-facing staff'),
  topic('edhr', 1, 'Level 1', 36, [...ELEARNING, 'session'], 'All staff'),
  topic('fire-safety', 1, 'Level 1', 24, [...ELEARNING, 'session', 'drill'], 'All staff'),
  topic('health-safety', 1, 'Level 1', 36, [...ELEARNING, 'self-declaration'], 'All staff'),
  topic('ipc', 1, 'Level 1', 36, ELEARNING, 'All staff'),
  topic('ipc', 2, 'Level 2', 12, [...ELEARNING, 'session'], 'Clinical staff'),
  topic('ig', 1, 'Level 1', 12, [...ELEARNING, 'e-assessment'], 'All staff'),
  topic('moving-handling', 1, 'Level 1', 36, ELEARNING, 'All staff'),
  topic('moving-handling', 2, 'Level 2', 24, ['session', 'practical-assessment', 'transferred'], 'Patient handling staff'),
  topic('prevent', 1, 'Basic Prevent awareness', 36, ELEARNING, 'All staff'),
  topic('prevent', 3, 'Prevent Level 3', 36, [...ELEARNING, 'session'], 'Clinical decision makers'),
  topic('resuscitation', 1, 'Level 1 awareness', 12, ELEARNING, 'All staff'),
  topic('resuscitation', 2, 'Level 2 basic life support', 12, ['session', 'practical-assessment', 'blended', 'transferred'], 'Clinical staff'),
  topic('resuscitation', 3, 'Level 3 immediate life support', 12, ['session', 'practical-assessment', 'transferred'], 'Registered clinicians'),
  topic('safeguarding-adults', 1, 'Level 1', 36, ELEARNING, 'All staff'),
  topic('safeguarding-adults', 2, 'Level 2', 36, [...ELEARNING, 'session'], 'Staff with patient contact'),
  topic('safeguarding-adults', 3, 'Level 3', 36, ['session', 'blended', 'transferred'], 'GPs and registered nurses'),
  topic('safeguarding-children', 1, 'Level 1', 36, ELEARNING, 'All staff'),
  topic('safeguarding-children', 2, 'Level 2', 36, [...ELEARNING, 'session'], 'Staff with patient contact'),
  topic('safeguarding-children', 3, 'Level 3', 36, ['session', 'blended', 'transferred'], 'GPs and registered nurses'),
  topic('oliver-mcgowan', 1, 'Tier 1', 36, [...ELEARNING, 'session'], 'General awareness'),
  topic('oliver-mcgowan', 2, 'Tier 2', 36, ['session', 'blended', 'transferred'], 'Staff providing care'),
];

/**
 * When a national requirement began to apply, where that is known: nobody can have been late for a
 * requirement before it existed, so a new-starter window counts from here at the earliest. The
 * default matrix puts these on its requirement rows (`since`), where an organisation can change them.
 */
export const CSTF_REQUIRED_SINCE: Readonly<Record<string, LocalDate>> = {
  // Health and Care Act 2022: statutory for CQC-registered providers from 1 July 2022.
  'oliver-mcgowan': '2022-07-01' as LocalDate,
};
