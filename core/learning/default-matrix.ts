import { CSTF_REQUIRED_SINCE, CSTF_SUBJECTS, CSTF_TOPICS } from './cstf-catalogue.js';
import type { Catalogue, RequirementRef, RoleDefinition } from './types.js';

type Levels = Record<string, number>;

const ALL_STAFF: Levels = {
  edhr: 1,
  'fire-safety': 1,
  'health-safety': 1,
  ipc: 1,
  ig: 1,
  'moving-handling': 1,
  prevent: 1,
  resuscitation: 1,
  'safeguarding-adults': 1,
  'safeguarding-children': 1,
  'oliver-mcgowan': 1,
};

const PATIENT_FACING: Levels = { ...ALL_STAFF, 'conflict-resolution': 1 };

const CLINICAL: Levels = {
  ...PATIENT_FACING,
  ipc: 2,
  resuscitation: 2,
  'safeguarding-adults': 2,
  'safeguarding-children': 2,
  'oliver-mcgowan': 2,
};

const REGISTERED_CLINICIAN: Levels = {
  ...CLINICAL,
  prevent: 3,
  'safeguarding-adults': 3,
  'safeguarding-children': 3,
};

function role(id: string, name: string, staffGroup: string, levels: Levels): RoleDefinition {
  const requirements: RequirementRef[] = Object.entries(levels).map(([subjectId, level]) => {
    const since = CSTF_REQUIRED_SINCE[subjectId];
    return since ? { subjectId, level, since } : { subjectId, level };
  });
  return { id, name, staffGroup, requirements };
}

/** A starting requirement matrix for a trust and its primary care partners; every organisation edits its own. */
export const DEFAULT_ROLES: RoleDefinition[] = [
  role('gp', 'General Practitioner', 'Medical and Dental', { ...REGISTERED_CLINICIAN, resuscitation: 2 }),
  role('gp-trainee', 'GP Trainee', 'Medical and Dental', REGISTERED_CLINICIAN),
  role('practice-nurse', 'Practice Nurse', 'Nursing and Midwifery Registered', { ...REGISTERED_CLINICIAN, 'moving-handling': 2 }),
  role('staff-nurse', 'Staff Nurse (ward)', 'Nursing and Midwifery Registered', {
    ...REGISTERED_CLINICIAN,
    'moving-handling': 2,
    resuscitation: 3,
  }),
  role('hca', 'Healthcare Assistant', 'Additional Clinical Services', { ...CLINICAL, 'moving-handling': 2 }),
  role('clinical-pharmacist', 'Clinical Pharmacist', 'Allied Health Professionals', CLINICAL),
  role('paramedic', 'Paramedic', 'Allied Health Professionals', { ...REGISTERED_CLINICIAN, resuscitation: 3, 'moving-handling': 2 }),
  role('physician-associate', 'Physician Associate', 'Allied Health Professionals', REGISTERED_CLINICIAN),
  role('receptionist', 'Receptionist / Care Navigator', 'Administrative and Clerical', PATIENT_FACING),
  role('practice-manager', 'Practice Manager', 'Administrative and Clerical', { ...PATIENT_FACING, 'safeguarding-adults': 2, 'safeguarding-children': 2 }),
  role('administrator', 'Administrator', 'Administrative and Clerical', ALL_STAFF),
  role('porter', 'Porter', 'Estates and Ancillary', { ...PATIENT_FACING, 'moving-handling': 2 }),
  role('ld-administrator', 'Learning and Development Administrator', 'Administrative and Clerical', ALL_STAFF),
  role('student-nurse', 'Student Nurse', 'Students', CLINICAL),
  role('volunteer', 'Volunteer', 'Volunteers', {
    edhr: 1,
    'fire-safety': 1,
    'health-safety': 1,
    ig: 1,
    'safeguarding-adults': 1,
    'safeguarding-children': 1,
  }),
  role('non-executive-director', 'Non-executive Director', 'Board', {
    edhr: 1,
    'fire-safety': 1,
    ig: 1,
    prevent: 1,
    'safeguarding-adults': 1,
    'safeguarding-children': 1,
  }),
];

export function defaultCatalogue(): Catalogue {
  return structuredClone({ subjects: CSTF_SUBJECTS, topics: CSTF_TOPICS, roles: DEFAULT_ROLES });
}
