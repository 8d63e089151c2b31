import type { CompletionMethod } from '../learning/types.js';
import type { AbsenceKind, Permission, StaffCategory } from '../people/types.js';

/**
 * The demo people the Agents Playground's users map to (same Entra object ids and addresses as its
 * built-in configuration), each showing one situation worth trying. Dates are days before today.
 */
export interface NamedDemoPerson {
  id: string;
  name: string;
  email: string;
  aadObjectId: string;
  /** The Playground's user id for this person. */
  playgroundUserId: string;
  situation: string;
  staffGroup: string;
  category: StaffCategory;
  orgUnit: string;
  startedDaysAgo: number;
  roles: { roleId: string; startedDaysAgo: number }[];
  managerIds: string[];
  permissions?: Permission[];
  absences: { kind: AbsenceKind; fromDaysAgo: number; toDaysAgo?: number }[];
  records: { subjectId: string; level: number; completedDaysAgo: number; method?: CompletionMethod }[];
}

const OAKFIELD = 'Severn Vale PCN / Oakfield Surgery';
export const MEGAN_ID = 'E9000021';

/** Completed long enough ago to be comfortably in date for a 1-, 2- or 3-year renewal. */
const inDate = (subjectId: string, level: number, completedDaysAgo = 120) => ({ subjectId, level, completedDaysAgo });

export const DEMO_NAMED_PEOPLE: NamedDemoPerson[] = [
  {
    id: 'E9000020',
    name: 'Alex Wilber',
    email: 'alexw@example.com',
    aadObjectId: '00000000-0000-0000-0000-0000000000020',
    playgroundUserId: 'user-id-0',
    situation: 'Practice nurse: fire safety overdue, information governance due soon, Oliver McGowan tier 2 never done',
    staffGroup: 'Nursing and Midwifery Registered',
    category: 'employee',
    orgUnit: OAKFIELD,
    startedDaysAgo: 2900,
    roles: [{ roleId: 'practice-nurse', startedDaysAgo: 2900 }],
    managerIds: [MEGAN_ID],
    absences: [],
    records: [
      inDate('fire-safety', 1, 760),
      inDate('ig', 1, 350),
      inDate('resuscitation', 2, 300),
      inDate('edhr', 1),
      inDate('health-safety', 1),
      inDate('ipc', 2, 200),
      inDate('moving-handling', 2, 400),
      inDate('prevent', 3, 500),
      inDate('safeguarding-adults', 3, 600),
      inDate('safeguarding-children', 3, 600),
      inDate('conflict-resolution', 1, 900),
    ],
  },
  {
    id: MEGAN_ID,
    name: 'Megan Bowen',
    email: 'meganb@example.com',
    aadObjectId: '00000000-0000-0000-0000-0000000000021',
    playgroundUserId: 'user-id-1',
    situation: 'Practice manager at Oakfield Surgery: line manager of Alex, Isaiah, Patti and Lynne',
    staffGroup: 'Administrative and Clerical',
    category: 'employee',
    orgUnit: OAKFIELD,
    startedDaysAgo: 4000,
    roles: [{ roleId: 'practice-manager', startedDaysAgo: 4000 }],
    managerIds: [],
    absences: [],
    records: ['edhr', 'fire-safety', 'health-safety', 'ipc', 'ig', 'moving-handling', 'prevent', 'resuscitation', 'oliver-mcgowan', 'conflict-resolution']
      .map((s) => inDate(s, 1, 90))
      .concat([inDate('safeguarding-adults', 2, 200), inDate('safeguarding-children', 2, 200)]),
  },
  {
    id: 'E9000022',
    name: 'Adele Vance',
    email: 'adelev@example.com',
    aadObjectId: '00000000-0000-0000-0000-0000000000022',
    playgroundUserId: 'user-id-2',
    situation: 'Learning and development administrator at the trust and MLOG member: everything in date',
    staffGroup: 'Administrative and Clerical',
    category: 'employee',
    orgUnit: 'Avon Vale NHS Foundation Trust / Corporate / Learning and Development',
    startedDaysAgo: 2000,
    roles: [{ roleId: 'ld-administrator', startedDaysAgo: 2000 }],
    managerIds: [],
    permissions: ['ld-admin', 'mlog'],
    absences: [],
    records: ['edhr', 'fire-safety', 'health-safety', 'ipc', 'ig', 'moving-handling', 'prevent', 'resuscitation', 'safeguarding-adults', 'safeguarding-children', 'oliver-mcgowan'].map(
      (s) => inDate(s, 1, 60),
    ),
  },
  {
    id: 'E9000023',
    name: 'Isaiah Langer',
    email: 'isaiahl@example.com',
    aadObjectId: '00000000-0000-0000-0000-0000000000023',
    playgroundUserId: 'user-id-3',
    situation: 'Two roles: paramedic at Oakfield and bank staff nurse: each subject once, at the higher level',
    staffGroup: 'Allied Health Professionals',
    category: 'employee',
    orgUnit: OAKFIELD,
    startedDaysAgo: 1500,
    roles: [
      { roleId: 'paramedic', startedDaysAgo: 1500 },
      { roleId: 'staff-nurse', startedDaysAgo: 200 },
    ],
    managerIds: [MEGAN_ID],
    absences: [],
    records: [
      inDate('resuscitation', 2, 100),
      inDate('fire-safety', 1, 700),
      inDate('ig', 1, 200),
      inDate('edhr', 1),
      inDate('health-safety', 1),
      inDate('ipc', 2),
      inDate('moving-handling', 2),
      inDate('prevent', 3),
      inDate('safeguarding-adults', 3),
      inDate('safeguarding-children', 2),
      inDate('oliver-mcgowan', 2),
      inDate('conflict-resolution', 1),
    ],
  },
  {
    id: 'E9000024',
    name: 'Patti Fernandez',
    email: 'pattif@example.com',
    aadObjectId: '00000000-0000-0000-0000-0000000000024',
    playgroundUserId: 'user-id-4',
    situation: 'New starter (healthcare assistant, three weeks in): induction learning not yet completed',
    staffGroup: 'Additional Clinical Services',
    category: 'employee',
    orgUnit: OAKFIELD,
    startedDaysAgo: 21,
    roles: [{ roleId: 'hca', startedDaysAgo: 21 }],
    managerIds: [MEGAN_ID],
    absences: [],
    records: [],
  },
  {
    id: 'E9000025',
    name: 'Lynne Robbins',
    email: 'lynner@example.com',
    aadObjectId: '00000000-0000-0000-0000-0000000000025',
    playgroundUserId: 'user-id-5',
    situation: 'Receptionist back from maternity leave ten days ago: what expired while away is due on return',
    staffGroup: 'Administrative and Clerical',
    category: 'employee',
    orgUnit: OAKFIELD,
    startedDaysAgo: 3000,
    roles: [{ roleId: 'receptionist', startedDaysAgo: 3000 }],
    managerIds: [MEGAN_ID],
    absences: [{ kind: 'maternity', fromDaysAgo: 400, toDaysAgo: 11 }],
    records: [
      inDate('fire-safety', 1, 900),
      inDate('ig', 1, 500),
      inDate('resuscitation', 1, 450),
      inDate('edhr', 1, 500),
      inDate('health-safety', 1, 500),
      inDate('ipc', 1, 500),
      inDate('moving-handling', 1, 500),
      inDate('prevent', 1, 500),
      inDate('safeguarding-adults', 1, 500),
      inDate('safeguarding-children', 1, 500),
      inDate('oliver-mcgowan', 1, 500),
      inDate('conflict-resolution', 1, 500),
    ],
  },
  {
    // The training hub's side of the Learning Organisation workspace: reads every PCN's application,
    // comments, requests changes and runs the panel, but never edits (permission hub-reviewer).
    id: 'E9000026',
    name: 'Nestor Wilke',
    email: 'nestorw@example.com',
    aadObjectId: '00000000-0000-0000-0000-0000000000026',
    playgroundUserId: 'user-id-6',
    situation: 'Training hub Learning Organisation lead (hub reviewer): every PCN\'s application, feedback, panels and the resource library',
    staffGroup: 'Administrative and Clerical',
    category: 'employee',
    orgUnit: 'Severn Vale Training Hub / Learning Organisations',
    startedDaysAgo: 1200,
    roles: [{ roleId: 'ld-administrator', startedDaysAgo: 1200 }],
    managerIds: [],
    permissions: ['hub-reviewer'],
    absences: [],
    records: ['edhr', 'fire-safety', 'health-safety', 'ipc', 'ig', 'moving-handling', 'prevent', 'safeguarding-adults', 'safeguarding-children', 'oliver-mcgowan'].map((s) => inDate(s, 1, 80)),
  },
];
