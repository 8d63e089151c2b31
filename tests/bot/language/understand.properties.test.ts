import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { matchSubjects } from '../../../bot/language/match-subjects.js';
import { parseDate } from '../../../bot/language/parse-date.js';
import { understand } from '../../../bot/language/understand.js';
import { defaultCatalogue } from '../../../core/learning/default-matrix.js';
import { isLocalDate, localDate } from '../../../core/time/local-date.js';

const { subjects, topics } = defaultCatalogue();
const context = { subjects, topics, today: localDate('2026-11-21') };
const SUBJECT_IDS = new Set(subjects.map((subject) => subject.id));

/** Generous: a call on a slow CI machine, even on a 5,000-character message, stays far below it. */
const MAX_MS_PER_CALL = 100;

const WORDS = [
  'I', "I'm", 'did', 'my', 'fire', 'safety', 'BLS', 'IG', 'safeguarding', 'level', '3', 'L3', 'tier', 'extension',
  'until', 'because', 'as', ',', '.', '?', 'yesterday', 'last', 'Tuesday', '3/11', '31/02', '25/12', 'not', 'relevant',
  'back', 'from', 'maternity', 'certificate', 'help', 'my team', 'who', 'overdue', 'feedback', 'risk', 'real', "what's",
  'due', '&', 'M&H', '/', '-', '\u0000', '\u0007', '\n', '\t', '\u200b', '\ud83d\ude00', '<at>Bot</at>', '<p>', "'",
];

const messages = fc.oneof(
  fc.string({ maxLength: 5000 }),
  fc.string({ unit: 'binary', maxLength: 5000 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)), maxLength: 2000 }),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 800 }).map((words) => words.join(' ')),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }).map((words) => words.join('')),
);

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

describe('understand, for any message at all', () => {
  beforeAll(() => {
    // The date parser compiles its patterns on first use (tens of milliseconds, once per process).
    understand('I did fire safety yesterday', context);
    understand('can I have an extension until 15 January', context);
  });

  it('when any string comes in (up to 5,000 characters, control characters included), then it never throws and answers quickly', () => {
    fc.assert(
      fc.property(messages, (text) => {
        const { value, ms } = timed(() => understand(text, context));
        expect(typeof value.intent).toBe('string');
        expect(ms).toBeLessThan(MAX_MS_PER_CALL);
        if ('subjects' in value) for (const mention of value.subjects) expect(SUBJECT_IDS.has(mention.subjectId)).toBe(true);
        if (value.intent === 'record-completion' && value.completedOn) expect(isLocalDate(value.completedOn)).toBe(true);
        if (value.intent === 'extension' && value.requestedDate) expect(isLocalDate(value.requestedDate)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('when any string is read for a date or subjects, then the answer is a real calendar date or nothing, and never throws', () => {
    fc.assert(
      fc.property(messages, fc.constantFrom<'past' | 'future'>('past', 'future'), (text, direction) => {
        const date = parseDate(text, context.today, direction);
        if (date !== undefined) expect(isLocalDate(date)).toBe(true);
        expect(Array.isArray(matchSubjects(text, subjects, topics))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('when a completion date has no year, then it is never after today', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), (day, month) => {
        const date = parseDate(`I did it on ${day}/${month}`, context.today, 'past');
        if (date !== undefined) expect(date <= context.today).toBe(true);
      }),
    );
  });

  it('when a typical sentence is understood, then it takes well under a millisecond on average', () => {
    const sentences = [
      "can I have an extension for fire safety until 15 January, I'm on leave",
      'I did my fire drill yesterday',
      "what's due",
      'do I need safeguarding level 3',
      'I completed IG last Tuesday',
    ];
    for (const sentence of sentences) understand(sentence, context); // warm up
    const runs = 2000;
    const { ms } = timed(() => {
      for (let run = 0; run < runs; run++) understand(sentences[run % sentences.length]!, context);
    });
    expect(ms / runs).toBeLessThan(1);
  });
});
