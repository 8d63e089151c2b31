import type { CommentThread, FieldState, HistoryEntry, PersonRef, Resource, SectionState } from '../workspace/model.js';
import { WorkspaceRepository } from '../storage/workspace-repository.js';
import { ResourceRepository } from '../storage/workspace-resources.js';
import type { TableStore } from '../storage/table-store.js';
import type { ApplicationRecord } from '../workspace/application.js';
import { fieldDefinition, WORKSPACE_DEFINITIONS } from '../workspace/definitions.js';
import { factsOf } from '../workspace/field-facts.js';
import { initialLifecycle } from '../workspace/lifecycle.js';
import { summaryOf } from '../workspace/summary.js';
import { addDays, type LocalDate } from '../time/local-date.js';
import { DEMO_PCN, DEMO_PRACTICES, type GeneratedOrganisation } from './generate-organisation.js';

/**
 * The demo Learning Organisation application of Severn Vale PCN, half written: the PCN, leads,
 * learners and supervisors drafted by Oakfield and Riverside, domain 1 started, owners and due
 * dates shared out across the practices, a comment thread, a hub reviewer's "changes requested",
 * and the training hub's resource library. It is linked to the Agents Playground's team channel
 * ("Learning Organisation"), so channel cards have somewhere to go. Written straight to storage in
 * a few transactions (one per partition), so every test app that seeds the demo organisation pays
 * only a few milliseconds for it.
 */
export const DEMO_APPLICATION_ID = 'lo-severn-vale-demo';
export const DEMO_TEAM_ID = 'team-id';
export const DEMO_CHANNEL_ID = 'channel-learning-organisation-id';

const ANSWERS: Record<string, string> = {
  'pcn.ods-code': 'U12345',
  'pcn.clinical-director': 'Dr Priya Shah',
  'pcn.footprint':
    'All five Severn Vale PCN practices are aligned. Oakfield Surgery and Riverside Medical Centre already train GP registrars; Frampton, Kingsway and Meadowbank host nursing and pharmacy students.\nThe practices share one learner rota, a fortnightly teaching session at Oakfield, and one point of contact (the PCN training coordinator).',
  'leads.managerial-name': 'Megan Bowen',
  'leads.managerial-role': 'Practice manager, Oakfield Surgery',
  'leads.managerial-email': 'meganb@example.com',
  'leads.educational-name': 'Dr Priya Shah',
  'leads.educational-role': 'GP trainer, Riverside Medical Centre',
  'learners.types': 'GP trainees (GP specialty registrars)\nMedical students\nNursing students\nPharmacy students and foundation pharmacists\nParamedic students',
  'learners.capacity': 'Up to four GP registrars (Oakfield 2, Riverside 2), six medical students per term across the PCN, two nursing students at a time (Frampton and Kingsway).',
  'supervisors.list':
    'Dr Priya Shah\tGP partner\tRiverside Medical Centre\tEducational and clinical\tGP trainer (HEE approved)\nDr Tom Hughes\tSalaried GP\tOakfield Surgery\tClinical\tClinical supervisor\nAlex Wilber\tPractice nurse\tOakfield Surgery\tClinical\tPractice assessor (NMC)',
  'induction.welcome': 'Every learner receives the PCN welcome letter two weeks before starting: who to ask for, where to park, IT log-ins, and the first week\'s timetable.',
  'contract.working-hours': 'Learners work the hours their programme sets; rotas are agreed with the lead employer and checked monthly by the managerial lead.',
  'eqf-1.prompt-1': 'Learners work alongside clinicians in every practice; each session has a named supervisor on site. Significant events are shared at the monthly PCN clinical meeting, which learners attend.',
  'eqf-1.prompt-2': 'Our freedom to speak up guardian is introduced at induction; learners complete an anonymous survey each placement.',
  'eqf-1.prompt-1-evidence': 'Significant event log (anonymised)\thttps://example.nhs.uk/severn-vale/sea-log\nLearner survey results 2026\thttps://example.nhs.uk/severn-vale/learner-survey',
};

/** Who owns what, as the practices agreed at their first meeting. */
const OWNERS: Record<string, { ods: string; staffId?: string; status: SectionState['status']; dueInDays: number }> = {
  pcn: { ods: 'L81001', staffId: 'E9000021', status: 'ready-for-review', dueInDays: 14 },
  leads: { ods: 'L81001', staffId: 'E9000021', status: 'agreed', dueInDays: 14 },
  learners: { ods: 'L81002', status: 'drafting', dueInDays: 30 },
  supervisors: { ods: 'L81002', status: 'drafting', dueInDays: 30 },
  induction: { ods: 'L81003', status: 'drafting', dueInDays: 45 },
  contract: { ods: 'L81004', status: 'drafting', dueInDays: 45 },
  supervision: { ods: 'L81005', status: 'not-started', dueInDays: 60 },
  'eqf-1': { ods: 'L81001', staffId: 'E9000020', status: 'drafting', dueInDays: 60 },
  'eqf-2': { ods: 'L81002', status: 'not-started', dueInDays: 90 },
  'eqf-3': { ods: 'L81003', status: 'not-started', dueInDays: 90 },
  'eqf-4': { ods: 'L81004', status: 'not-started', dueInDays: 120 },
  'eqf-5': { ods: 'L81005', status: 'not-started', dueInDays: 120 },
  'eqf-6': { ods: 'L81001', status: 'not-started', dueInDays: 150 },
};

const RESOURCES: Omit<Resource, 'updatedAt' | 'updatedBy'>[] = [
  { id: 'r-demo-exemplar', title: 'Exemplar application: Yate and Frampton PCN', kind: 'exemplar', url: 'https://example.nhs.uk/training-hub/lo/exemplar-application.docx', description: 'An approved application, shared with permission.', sectionIds: [] },
  { id: 'r-demo-checklist', title: 'Learning Organisation approval checklist', kind: 'checklist', url: 'https://example.nhs.uk/training-hub/lo/approval-checklist.pdf', sectionIds: ['pcn', 'leads', 'supervisors'] },
  { id: 'r-demo-welcome', title: 'Template welcome letter for learners', kind: 'welcome-letter', url: 'https://example.nhs.uk/training-hub/lo/welcome-letter.docx', sectionIds: ['induction'] },
  { id: 'r-demo-induction', title: 'Induction information pack', kind: 'induction', url: 'https://example.nhs.uk/training-hub/lo/induction-pack.docx', sectionIds: ['induction', 'eqf-3'] },
  { id: 'r-demo-eqf', title: 'Education Quality Framework: the six domains explained', kind: 'guidance', url: 'https://example.nhs.uk/training-hub/lo/eqf-guide.pdf', sectionIds: ['eqf-1', 'eqf-2', 'eqf-3', 'eqf-4', 'eqf-5', 'eqf-6'] },
];

export async function seedDemoWorkspace(store: TableStore, organisation: GeneratedOrganisation, today: LocalDate): Promise<boolean> {
  const people = new Map(organisation.people.map(({ person }) => [person.id, person]));
  const megan = people.get('E9000021');
  const nestor = people.get('E9000026');
  if (!megan || !nestor) return false;
  const repo = new WorkspaceRepository(store);
  if (await repo.getApplication(DEMO_APPLICATION_ID)) return false;
  const ref = (id: string): PersonRef => ({ staffId: id, name: people.get(id)?.name ?? id });
  const created = `${addDays(today, -21)}T09:30:00.000Z`;
  const at = `${addDays(today, -2)}T15:00:00.000Z`;

  const fields: FieldState[] = [];
  const history: HistoryEntry[] = [];
  for (const [fieldId, text] of Object.entries(ANSWERS)) {
    const by = ref(fieldId.startsWith('eqf-1') ? 'E9000020' : 'E9000021');
    fields.push({ fieldId, text, version: 1, updatedAt: at, updatedBy: by });
    history.push({ id: 'r1', fieldId, kind: 'edit', version: 1, baseVersion: 0, text, by, at });
  }
  const practice = (ods: string) => DEMO_PRACTICES.find((p) => p.odsCode === ods)!;
  const sections: Record<string, SectionState> = Object.fromEntries(
    Object.entries(OWNERS).map(([sectionId, o]) => [
      sectionId,
      {
        sectionId,
        status: o.status,
        owner: { practiceOds: o.ods, practiceName: practice(o.ods).name, ...(o.staffId ? { person: ref(o.staffId) } : {}) },
        dueDate: addDays(today, o.dueInDays),
        updatedAt: at,
        updatedBy: ref('E9000021'),
      },
    ]),
  );
  const changes: CommentThread = {
    id: 't-demo-changes',
    sectionId: 'pcn',
    kind: 'changes-requested',
    comments: [{ id: 'm-demo-1', author: ref('E9000026'), text: 'Please add the PCN ODS code of each aligned practice to the footprint answer, and say who covers the training coordinator when away.', mentions: [], at }],
    createdAt: at,
  };
  sections.pcn = { ...sections.pcn!, status: 'drafting', changesRequested: { by: ref('E9000026'), at, note: changes.comments[0]!.text, threadId: changes.id } };
  const thread: CommentThread = {
    id: 't-demo-supervisors',
    sectionId: 'supervisors',
    fieldId: 'supervisors.list',
    kind: 'comment',
    comments: [
      { id: 'm-demo-2', author: ref('E9000021'), text: '@Alex Wilber can you add the ACP supervisor at Kingsway?', mentions: [ref('E9000020')], at },
      { id: 'm-demo-3', author: ref('E9000020'), text: 'Yes, I will ask their practice manager for the accreditation details.', mentions: [], at },
    ],
    createdAt: at,
  };

  const app: ApplicationRecord = {
    id: DEMO_APPLICATION_ID,
    title: `${DEMO_PCN} Learning Organisation application`,
    pcnName: DEMO_PCN,
    practices: DEMO_PRACTICES.map((p) => ({ name: p.name, odsCode: p.odsCode })),
    lifecycle: initialLifecycle(ref('E9000021'), created),
    channel: { teamId: DEMO_TEAM_ID, channelId: DEMO_CHANNEL_ID, teamName: DEMO_PCN, channelName: 'Learning Organisation', linkedAt: created, linkedBy: ref('E9000021') },
    sections,
    addedMembers: [],
    facts: Object.fromEntries(fields.map((f) => [f.fieldId, factsOf(f.text, fieldDefinition(f.fieldId), WORKSPACE_DEFINITIONS.checklist)])),
    createdAt: created,
    createdBy: ref('E9000021'),
    seq: 3,
  };
  const summary = summaryOf(app, WORKSPACE_DEFINITIONS, today);
  // One transaction: 19 fields + 19 revisions + 2 threads + 3 events + the app row (under the 100-row limit).
  const ok = await repo.commit({
    app,
    etag: undefined,
    fields: fields.map((field) => ({ field, etag: null })),
    history,
    threads: [changes, thread],
    events: [
      { type: 'application', seq: 1, at: created, by: ref('E9000021'), application: summary },
      { type: 'comment', seq: 2, at, by: ref('E9000026'), thread: changes },
      { type: 'comment', seq: 3, at, by: ref('E9000020'), thread },
    ],
  });
  if (!ok) return false;
  await repo.addToIndex(app);
  await repo.linkChannel(DEMO_CHANNEL_ID, app.id, DEMO_TEAM_ID);
  const resources = new ResourceRepository(store);
  for (const r of RESOURCES) await resources.save({ ...r, updatedAt: created, updatedBy: ref('E9000026') });
  return true;
}
