import { describe, expect, it } from 'vitest';
import { absenceReturnCard } from '../../../bot/cards/absence-return-card.js';
import { cardBytes } from '../../../bot/cards/card-types.js';
import { certificateFormCard } from '../../../bot/cards/certificate-form-card.js';
import { feedbackCard } from '../../../bot/cards/feedback-card.js';
import { helpCard, messageCard, notFoundCard, unknownCard } from '../../../bot/cards/message-card.js';
import { recordFormCard } from '../../../bot/cards/record-form-card.js';
import { subjectStatusCard } from '../../../bot/cards/subject-status-card.js';
import { supportRequestCard } from '../../../bot/cards/support-request-card.js';
import { welcomeCard } from '../../../bot/cards/welcome-card.js';
import { ACTION_ITEMS_PER_PAGE, whatsDueCard } from '../../../bot/cards/whats-due-card.js';
import { CatalogueIndex } from '../../../core/learning/catalogue-index.js';
import { computeCompliance } from '../../../core/learning/compliance.js';
import { defaultCatalogue } from '../../../core/learning/default-matrix.js';
import type { Catalogue, LearningRecord } from '../../../core/learning/types.js';
import type { Person } from '../../../core/people/types.js';
import { addDays, localDate } from '../../../core/time/local-date.js';
import { cardText, expectValidCard } from '../../support/card-validator.js';

const today = localDate('2026-11-21');
const catalogue = new CatalogueIndex(defaultCatalogue());

function nurse(overrides: Partial<Person> = {}): Person {
  return {
    id: 'E1',
    name: 'Alex Wilber',
    staffGroup: 'Nursing and Midwifery Registered',
    category: 'employee',
    orgUnit: 'Oakfield Surgery',
    startDate: localDate('2018-01-01'),
    roles: [{ roleId: 'practice-nurse', start: localDate('2018-01-01') }],
    managerIds: [],
    absences: [],
    ...overrides,
  };
}

function done(subjectId: string, level: number, daysAgo: number): LearningRecord {
  return { id: `${subjectId}-${daysAgo}`, subjectId, level, completedOn: addDays(today, -daysAgo), method: 'e-learning', source: { kind: 'esr' }, verification: { state: 'verified' }, recordedAt: '2026-01-01T00:00:00Z' };
}

const alexRecords = [done('fire-safety', 1, 760), done('ig', 1, 350), done('resuscitation', 2, 300), done('edhr', 1, 100), done('ipc', 2, 100)];
const compliance = computeCompliance({ person: nurse(), catalogue, records: alexRecords, extensions: [], exemptions: [], today });

describe("the what's-due card", () => {
  it('when a learner has overdue, due-soon, missing and in-date learning, then the card groups them worst first with in-date collapsed', () => {
    const card = whatsDueCard({ firstName: 'Alex', compliance, catalogue, pendingEvidence: [], page: 1 });
    expectValidCard(card);
    const words = cardText(card);
    const overdue = words.indexOf('Overdue (');
    const dueSoon = words.indexOf('Due soon (');
    const notCompleted = words.indexOf('Not yet completed (');
    const inDate = words.indexOf('In date (');
    expect(overdue).toBeGreaterThan(-1);
    expect(overdue).toBeLessThan(dueSoon);
    expect(dueSoon).toBeLessThan(notCompleted === -1 ? inDate : notCompleted);
    expect(words).toContain('Due 22 Oct 2026 (4 weeks overdue)');
    expect(words).toContain('Required by: Practice Nurse');
    expect(words).toContain('[How to complete](https://portal.e-lfh.org.uk/)');
    const inDateContainer = card.body.find((e) => e.type === 'Container' && e.id === 'in-date');
    expect(inDateContainer?.isVisible).toBe(false);
    expect(card.actions?.[0]).toMatchObject({ type: 'Action.ToggleVisibility', targetElements: ['in-date'] });
    expect(words).toContain("What's due");
    expect(words).toContain('Not relevant to my role');
  });

  it('when a person has two roles, then each subject appears once with both roles', () => {
    const twoRoles = nurse({ roles: [{ roleId: 'paramedic', start: localDate('2018-01-01') }, { roleId: 'staff-nurse', start: localDate('2024-01-01') }] });
    const result = computeCompliance({ person: twoRoles, catalogue, records: [], extensions: [], exemptions: [], today });
    const words = cardText(whatsDueCard({ firstName: 'Isaiah', compliance: result, catalogue, pendingEvidence: [], page: 1 }));
    expect(words.match(/\*\*Fire Safety\*\*/g)).toHaveLength(1);
    expect(words).toContain('Required by: Paramedic, Staff Nurse (ward)');
  });

  it('when a certificate waits for verification, then the learner sees it pending', () => {
    const pending: LearningRecord = { ...done('safeguarding-adults', 3, 30), method: 'transferred', source: { kind: 'transferred', employer: 'North Bristol NHS Trust' }, verification: { state: 'pending' } };
    const words = cardText(whatsDueCard({ firstName: 'Alex', compliance, catalogue, pendingEvidence: [pending], page: 1 }));
    expect(words).toContain('Waiting for verification (1)');
    expect(words).toContain('certificate from North Bristol NHS Trust');
  });

  it('when a person has very many requirements, then the card paginates and every page stays under 28 KB', () => {
    const big: Catalogue = defaultCatalogue();
    for (let i = 0; i < 80; i++) {
      big.subjects.push({ id: `local-${i}`, name: `Local topic number ${i} with a long descriptive name for the ward`, kind: 'local', aliases: [] });
      big.topics.push({ id: `local-${i}-1`, subjectId: `local-${i}`, level: 1, levelName: 'Level 1', renewalMonths: 12, methods: ['session'], link: 'https://learning.example.nhs.uk/topics/local' });
      big.roles.find((r) => r.id === 'practice-nurse')!.requirements.push({ subjectId: `local-${i}`, level: 1 });
    }
    const index = new CatalogueIndex(big);
    const result = computeCompliance({ person: nurse(), catalogue: index, records: [], extensions: [], exemptions: [], today });
    const pages = Math.ceil(result.items.filter((i) => i.status !== 'in-date').length / ACTION_ITEMS_PER_PAGE);
    expect(pages).toBeGreaterThan(3);
    for (let page = 1; page <= pages; page++) {
      const card = whatsDueCard({ firstName: 'Alex', compliance: result, catalogue: index, pendingEvidence: [], page });
      expectValidCard(card);
      expect(cardText(card)).toContain(`Page ${page} of ${pages}`);
    }
    const first = whatsDueCard({ firstName: 'Alex', compliance: result, catalogue: index, pendingEvidence: [], page: 1 });
    expect(first.actions).toContainEqual({ type: 'Action.Submit', title: 'Next page', data: { verb: 'whats-due', page: 2 } });
    expect(cardBytes(first)).toBeLessThan(28 * 1024);
  });
});

describe('the other learner cards', () => {
  it('when forms and answers are built, then each parses with zero validation errors', () => {
    const cards = [
      recordFormCard(compliance.items, catalogue, today, { subjectId: 'fire-safety', method: 'drill', completedOn: addDays(today, -1) }),
      certificateFormCard(catalogue, today, 'safeguarding-adults-3'),
      feedbackCard('fire-safety', 'Fire Safety'),
      helpCard(),
      unknownCard(),
      notFoundCard('the Learning and Development team'),
      messageCard('Recorded', ['Done.'], { tone: 'good' }),
      subjectStatusCard([{ subjectId: 'fire-safety' }, { subjectId: 'safeguarding-children', level: 3 }, { subjectId: 'moving-handling', level: 2 }], compliance, catalogue),
      welcomeCard({ firstName: 'Patti', organisationName: 'Avon Vale NHS Foundation Trust', newStarter: true, compliance, catalogue }),
      welcomeCard({ firstName: 'Alex', organisationName: 'Avon Vale NHS Foundation Trust', newStarter: false, compliance, catalogue }),
      absenceReturnCard({ firstName: 'Lynne', absence: { kind: 'maternity', from: localDate('2025-10-01'), to: localDate('2026-11-10') }, compliance, catalogue, graceDays: 28 }),
      absenceReturnCard({ firstName: 'Lynne', compliance, catalogue, graceDays: 28 }),
      supportRequestCard({ learnerName: 'Alex Wilber', kind: 'reasonable-adjustment', topic: 'Fire Safety', detail: 'I need the e-learning with a screen reader', requestedOn: '21 Nov 2026' }),
    ];
    for (const card of cards) expectValidCard(card);
  });

  it('when the record form is built, then it offers only topics the learner may record themselves, with the date capped at today', () => {
    const card = recordFormCard(compliance.items, catalogue, today);
    const topicInput = card.body.find((e) => e.type === 'Input.ChoiceSet' && e.id === 'subjectId');
    const offered = topicInput?.type === 'Input.ChoiceSet' ? topicInput.choices.map((c) => c.value) : [];
    expect(offered).toContain('fire-safety'); // drill, session
    expect(offered).not.toContain('ig'); // e-learning only
    const date = card.body.find((e) => e.type === 'Input.Date');
    expect(date).toMatchObject({ max: '2026-11-21', isRequired: true });
  });

  it('when asked about a level above what the roles need, then the answer says which level is needed', () => {
    const words = cardText(subjectStatusCard([{ subjectId: 'safeguarding-adults', level: 3 }], computeCompliance({ person: nurse({ roles: [{ roleId: 'hca', start: localDate('2018-01-01') }] }), catalogue, records: [], extensions: [], exemptions: [], today }), catalogue));
    expect(words).toContain("You don't need Safeguarding Adults (Level 3): your roles need Safeguarding Adults (Level 2)");
  });
});

describe('the card validator itself', () => {
  it('when a card has a misspelt element or duplicate input ids, then it reports them', async () => {
    const { cardProblems } = await import('../../support/card-validator.js');
    const broken = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlok', text: 'x' }, { type: 'Input.Text', id: 'a' }, { type: 'Input.Text', id: 'a' }],
    };
    expect(cardProblems(broken).length).toBeGreaterThanOrEqual(2);
  });

  it('when asked about a level that does not exist, then the answer says so', () => {
    const words = cardText(subjectStatusCard([{ subjectId: 'moving-handling', level: 3 }], compliance, catalogue));
    expect(words).toContain('Moving and Handling has no level 3: your roles need Moving and Handling (Level 2)');
  });
});
