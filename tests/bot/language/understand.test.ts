import { describe, expect, it } from 'vitest';
import { understand, type Understanding } from '../../../bot/language/understand.js';
import { defaultCatalogue } from '../../../core/learning/default-matrix.js';
import { localDate } from '../../../core/time/local-date.js';

const { subjects, topics } = defaultCatalogue();
// Saturday 21 November 2026.
const context = { subjects, topics, today: localDate('2026-11-21') };

const FIRE = { subjectId: 'fire-safety' };
const IG = { subjectId: 'ig' };
const BLS = { subjectId: 'resuscitation', level: 2 };
const BOTH_SAFEGUARDING_L3 = [
  { subjectId: 'safeguarding-adults', level: 3 },
  { subjectId: 'safeguarding-children', level: 3 },
];

const PHRASINGS: Array<[string, Understanding]> = [
  // help and greeting
  ['help', { intent: 'help' }],
  ['?', { intent: 'help' }],
  ['', { intent: 'help' }],
  ['what can you do', { intent: 'help' }],
  ['Can you help me?', { intent: 'help' }],
  ['hi', { intent: 'greeting' }],
  ['Good morning!', { intent: 'greeting' }],
  ['Hello there', { intent: 'greeting' }],
  // what's due, typos included
  ["what's due", { intent: 'whats-due' }],
  ['whats due', { intent: 'whats-due' }],
  ["wat's due", { intent: 'whats-due' }],
  ['waht is due', { intent: 'whats-due' }],
  ['WHAT’S DUE?', { intent: 'whats-due' }],
  ['what training do I need', { intent: 'whats-due' }],
  ['am I up to date', { intent: 'whats-due' }],
  ['my training', { intent: 'whats-due' }],
  ['my trainign', { intent: 'whats-due' }],
  ['what do I need to do', { intent: 'whats-due' }],
  ['hi, what is overdue?', { intent: 'whats-due' }],
  ['am I compliant', { intent: 'whats-due' }],
  // subject status
  ['when does my fire safety expire', { intent: 'subject-status', subjects: [FIRE] }],
  ['do I need safeguarding level 3', { intent: 'subject-status', subjects: BOTH_SAFEGUARDING_L3 }],
  ['is my IG in date', { intent: 'subject-status', subjects: [IG] }],
  ['fire safety', { intent: 'subject-status', subjects: [FIRE] }],
  ['fire saftey', { intent: 'subject-status', subjects: [FIRE] }],
  ['safegaurding l3', { intent: 'subject-status', subjects: BOTH_SAFEGUARDING_L3 }],
  ['infection controll', { intent: 'subject-status', subjects: [{ subjectId: 'ipc' }] }],
  ["what's due for fire safety", { intent: 'subject-status', subjects: [FIRE] }],
  ['have I done IG?', { intent: 'subject-status', subjects: [IG] }],
  ['when did I last do BLS', { intent: 'subject-status', subjects: [BLS] }],
  ["I haven't done fire safety yet", { intent: 'subject-status', subjects: [FIRE] }],
  // record a completion
  [
    'I did my fire drill yesterday',
    { intent: 'record-completion', subjects: [FIRE], completedOn: localDate('2026-11-20'), method: 'drill' },
  ],
  ['record BLS 3/11', { intent: 'record-completion', subjects: [BLS], completedOn: localDate('2026-11-03') }],
  ['I completed IG last Tuesday', { intent: 'record-completion', subjects: [IG], completedOn: localDate('2026-11-17') }],
  ["I've done my fire safety", { intent: 'record-completion', subjects: [FIRE] }],
  [
    'did my manual handling face to face last week',
    { intent: 'record-completion', subjects: [{ subjectId: 'moving-handling' }], completedOn: localDate('2026-11-14'), method: 'session' },
  ],
  [
    'I did conflict resolution online on 25/12',
    { intent: 'record-completion', subjects: [{ subjectId: 'conflict-resolution' }], completedOn: localDate('2025-12-25'), method: 'e-learning' },
  ],
  ['can you log my ILS', { intent: 'record-completion', subjects: [{ subjectId: 'resuscitation', level: 3 }] }],
  ['I completed IG on 31/02', { intent: 'record-completion', subjects: [IG] }],
  ['I did it yesterday', { intent: 'record-completion', subjects: [], completedOn: localDate('2026-11-20') }],
  // bring a certificate
  ['I have a certificate from my last trust', { intent: 'bring-certificate', subjects: [] }],
  ['transfer my training from my previous employer', { intent: 'bring-certificate', subjects: [] }],
  ['I did BLS at my previous trust', { intent: 'bring-certificate', subjects: [BLS] }],
  ['how do I upload my certifcate', { intent: 'bring-certificate', subjects: [] }],
  // extension
  [
    "can I have an extension for fire safety until 15 January, I'm on leave",
    { intent: 'extension', subjects: [FIRE], requestedDate: localDate('2027-01-15'), reason: "I'm on leave" },
  ],
  [
    'Could I have an extention for IG till next friday as my mentor is away',
    { intent: 'extension', subjects: [IG], requestedDate: localDate('2026-11-27'), reason: 'my mentor is away' },
  ],
  ["I'm off sick, can I have an extension for IG", { intent: 'extension', subjects: [IG], reason: "I'm off sick" }],
  [
    'can I get more time for my infection control training because of staff shortages',
    { intent: 'extension', subjects: [{ subjectId: 'ipc' }], reason: 'staff shortages' },
  ],
  ['I need an extension to 3/12', { intent: 'extension', subjects: [], requestedDate: localDate('2026-12-03') }],
  ['can I postpone my BLS', { intent: 'extension', subjects: [BLS] }],
  ['can I have a 2 week extension', { intent: 'extension', subjects: [] }],
  // exemption
  [
    'moving and handling is not relevant to my role',
    {
      intent: 'exemption',
      subjects: [{ subjectId: 'moving-handling' }],
      reason: 'moving and handling is not relevant to my role',
    },
  ],
  ["I don't need prevent level 3", { intent: 'exemption', subjects: [{ subjectId: 'prevent', level: 3 }] }],
  [
    "I don't need prevent L3 as I'm not a clinical decision maker",
    { intent: 'exemption', subjects: [{ subjectId: 'prevent', level: 3 }], reason: "I'm not a clinical decision maker" },
  ],
  ['can I be exempt from CPR', { intent: 'exemption', subjects: [{ subjectId: 'resuscitation' }] }],
  // back from absence
  ["I'm back from maternity leave", { intent: 'back-from-absence', absenceKind: 'maternity' }],
  ['just returned from sick leave', { intent: 'back-from-absence', absenceKind: 'sickness' }],
  ['back from mat leave', { intent: 'back-from-absence', absenceKind: 'maternity' }],
  ['back to work after a career break', { intent: 'back-from-absence', absenceKind: 'career-break' }],
  ["I'm back", { intent: 'back-from-absence' }],
  // support
  ['I need help to complete this', { intent: 'support', kind: 'help-to-complete', subjects: [] }],
  ["I can't access the e-learning", { intent: 'support', kind: 'help-to-complete', subjects: [] }],
  ["I'm strugling with the IG module", { intent: 'support', kind: 'help-to-complete', subjects: [IG] }],
  ['I need a reasonable adjustment for the e-learning', { intent: 'support', kind: 'reasonable-adjustment', subjects: [] }],
  ["I'm dyslexic and need extra time in the assessment", { intent: 'support', kind: 'reasonable-adjustment', subjects: [] }],
  // speak up and feedback
  ["this training doesn't cover a real risk", { intent: 'speak-up', subjects: [] }],
  ['the fire training misses a real risk on our ward', { intent: 'speak-up', subjects: [FIRE] }],
  ['I want to raise a concern about the manual handling training', { intent: 'speak-up', subjects: [{ subjectId: 'moving-handling' }] }],
  ['I want to give feedback on the IG course', { intent: 'feedback', subjects: [IG] }],
  ['the ipc course was rubbish', { intent: 'feedback', subjects: [{ subjectId: 'ipc' }] }],
  // my team
  ['my team', { intent: 'my-team' }],
  ['who is overdue', { intent: 'my-team' }],
  ['pending requests', { intent: 'my-team' }],
  ['how is my team doing', { intent: 'my-team' }],
  ["who hasn't done their fire safety", { intent: 'my-team' }],
  // nothing the bot knows
  ['the weather is nice', { intent: 'unknown' }],
  ["I'm bank staff", { intent: 'unknown' }],
];

describe('understand', () => {
  it.each(PHRASINGS)('when a learner writes %j, then it is understood as %o', (text, expected) => {
    expect(understand(text, context)).toEqual(expected);
  });

  it('when the same catalogue is read with a different day, then dates follow that day', () => {
    const january = { ...context, today: localDate('2027-01-05') };
    expect(understand('record BLS 25/12', january)).toEqual({
      intent: 'record-completion',
      subjects: [BLS],
      completedOn: localDate('2026-12-25'),
    });
  });

  it('when an organisation adds its own subject with an alias, then the alias is understood', () => {
    const local = {
      ...context,
      subjects: [...subjects, { id: 'sepsis', name: 'Sepsis Awareness', kind: 'local' as const, aliases: ['sepsis'] }],
    };
    expect(understand('when does my sepsis awarenes expire', local)).toEqual({
      intent: 'subject-status',
      subjects: [{ subjectId: 'sepsis' }],
    });
  });
});
