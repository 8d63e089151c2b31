import { describe, expect, it } from 'vitest';
import { SHORT_NAMES } from '../../../bot/language/corpus.js';
import { findPeople, findPerson, personIndex } from '../../../bot/language/find-people.js';
import { tokensOf } from '../../../bot/language/message-tokens.js';

const TEAM = [
  { staffId: 'p1', name: 'Patricia Fernandez' },
  { staffId: 'p2', name: 'Christopher Hughes' },
  { staffId: 'p3', name: 'Sam Okafor' },
  { staffId: 'p4', name: 'Samuel Patel' },
  { staffId: 'p5', name: 'Will Turner' },
  { staffId: 'p6', name: 'Lynne Robbins' },
];
const index = personIndex(TEAM, SHORT_NAMES);
const who = (text: string) => findPeople(tokensOf(text), index, () => true).map((f) => f.people.map((p) => p.staffId));

describe('people of the asker’s team by name', () => {
  it.each([
    ['is Patricia Fernandez compliant', [['p1']]],
    ['is patti compliant', [['p1']]],
    ['show me Chris’s training', [['p2']]],
    ['has Fernandez done fire safety', [['p1']]],
    ['is lyne robbins cleared', [['p6']]],
    ['is Lynn in date', [['p6']]],
  ])('when a manager writes %j, then it names %j', (text, expected) => {
    expect(who(text)).toEqual(expected);
  });

  it('when a first name fits two people, then both are offered, and the full name picks one', () => {
    expect(who('is sam compliant')).toEqual([['p3', 'p4']]);
    expect(who('is Sam Patel compliant')).toEqual([['p4']]);
  });

  it('when a name is also an English word, then it counts only with a capital', () => {
    expect(who('I will do it')).toEqual([]);
    expect(who('has Will done his BLS')).toEqual([['p5']]);
  });

  it('when someone outside the team is named, then nobody of the team is matched', () => {
    expect(who('is Adele Vance compliant')).toEqual([]);
    expect(findPerson('Adele Vance', TEAM, SHORT_NAMES)).toEqual({ kind: 'none' });
    expect(findPerson('lynne robins', TEAM, SHORT_NAMES)).toMatchObject({ kind: 'one', person: { staffId: 'p6' } });
  });
});
