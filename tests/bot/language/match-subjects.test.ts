import { describe, expect, it } from 'vitest';
import { matchSubjects } from '../../../bot/language/match-subjects.js';
import { defaultCatalogue } from '../../../core/learning/default-matrix.js';

const { subjects, topics } = defaultCatalogue();
const match = (text: string) => matchSubjects(text, subjects, topics);
const ids = (text: string) => match(text).map((mention) => mention.subjectId);

const NAMES_AND_ALIASES = subjects.flatMap((subject) =>
  [subject.name, ...subject.aliases].map((phrase) => [phrase, subject.id] as const),
);

describe('matchSubjects', () => {
  it.each(NAMES_AND_ALIASES)('when a message names %j, then it is %s', (phrase, subjectId) => {
    expect(ids(`when does my ${phrase} expire`)).toEqual([subjectId]);
    expect(ids(phrase.toUpperCase())).toEqual([subjectId]);
  });

  it.each([
    ['safeguarding', undefined],
    ['safeguarding level 3', 3],
    ['safeguarding L3', 3],
    ['safegaurding l3', 3],
    ['level 2 safeguarding', 2],
    ['safeguarding adults and children', undefined],
    ['SGA/SGC', undefined],
  ])('when a message says %j, then it means both safeguarding subjects (level %s)', (text, level) => {
    const expected = level === undefined ? {} : { level };
    expect(match(text)).toEqual([
      { subjectId: 'safeguarding-adults', ...expected },
      { subjectId: 'safeguarding-children', ...expected },
    ]);
  });

  it.each([
    ['adult safeguarding', 'safeguarding-adults'],
    ['safeguarding adults', 'safeguarding-adults'],
    ['Safeguarding Adults level 3', 'safeguarding-adults'],
    ['child safeguarding', 'safeguarding-children'],
    ['SGC', 'safeguarding-children'],
  ])('when a message says %j, then it means only %s', (text, subjectId) => {
    expect(ids(text)).toEqual([subjectId]);
  });

  it.each([
    ['BLS', 'resuscitation', 2],
    ['basic life support', 'resuscitation', 2],
    ['ILS', 'resuscitation', 3],
    ['immediate life support', 'resuscitation', 3],
    ['WRAP', 'prevent', 3],
    ['Prevent L3', 'prevent', 3],
    ['prevent level three', 'prevent', 3],
    ['basic prevent awareness', 'prevent', 1],
    ['tier 2 oliver mcgowan', 'oliver-mcgowan', 2],
    ['OMMT tier 1', 'oliver-mcgowan', 1],
    ['lvl 2 ipc', 'ipc', 2],
    ['infection control level-2', 'ipc', 2],
    ['BLS level 3', 'resuscitation', 3],
    ['moving and handling L2', 'moving-handling', 2],
  ])('when a message says %j, then it is %s at level %i', (text, subjectId, level) => {
    expect(match(text)).toEqual([{ subjectId, level }]);
  });

  it.each([
    ['ALS', 'resuscitation'],
    ['CPR', 'resuscitation'],
    ['IG', 'ig'],
    ['IPC', 'ipc'],
    ['M&H', 'moving-handling'],
    ['m & h', 'moving-handling'],
    ['EDHR', 'edhr'],
    ['ED&HR', 'edhr'],
    ['H&S', 'health-safety'],
    ['health & safety', 'health-safety'],
    ['Prevent', 'prevent'],
  ])('when a message uses the abbreviation %j, then it is %s with no level', (text, subjectId) => {
    expect(match(text)).toEqual([{ subjectId }]);
  });

  it.each([
    ['fire saftey', 'fire-safety'],
    ['infection controll', 'ipc'],
    ['infectoin control', 'ipc'],
    ['safeguardin adults', 'safeguarding-adults'],
    ['moving and handeling', 'moving-handling'],
    ['informatoin governance', 'ig'],
    ['resusitation', 'resuscitation'],
    ['conflict resloution', 'conflict-resolution'],
    ['oliver mcgowen', 'oliver-mcgowan'],
    ['equalitty', 'edhr'],
    ['radicalization', 'prevent'],
  ])('when a message misspells it as %j, then it is still %s', (text, subjectId) => {
    expect(ids(text)).toEqual([subjectId]);
  });

  it.each([
    "I'm fine thanks",
    'that file is wrong',
    'present it to me',
    'can I see the states',
    'igloo and pigs',
    'blsx',
    'prevents',
    'what is the quality of the course',
    'my team leader',
    'I am a carer',
  ])('when %j names no subject (short abbreviations and everyday words must not match), then none is found', (text) => {
    expect(ids(text)).toEqual([]);
  });

  it('when a message names several subjects, then each comes once, in the order named, with its own level', () => {
    expect(match('I did IPC level 2, BLS and fire safety, and fire again')).toEqual([
      { subjectId: 'ipc', level: 2 },
      { subjectId: 'resuscitation', level: 2 },
      { subjectId: 'fire-safety' },
    ]);
  });

  it('when the same catalogue is used twice, then the same answer comes back (the tables are cached)', () => {
    expect(match('fire safety')).toEqual(match('fire safety'));
  });
});
