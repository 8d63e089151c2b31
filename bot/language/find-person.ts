import { editDistance } from './edit-distance.js';

export interface NamedPerson {
  staffId: string;
  name: string;
}

export type PersonMatch<T extends NamedPerson> = { kind: 'one'; person: T } | { kind: 'several'; people: T[] } | { kind: 'none' };

const normal = (name: string) => name.toLowerCase().replace(/[^a-z' -]/g, '').replace(/\s+/g, ' ').trim();

/**
 * Finds a person by the name a manager typed, among the people they may ask about: the exact name,
 * then every typed word matching a word of the name ("Sam Patel", "Patel"), then a near spelling.
 */
export function findPerson<T extends NamedPerson>(typed: string, people: readonly T[]): PersonMatch<T> {
  const wanted = normal(typed);
  if (!wanted) return { kind: 'none' };
  const exact = people.filter((p) => normal(p.name) === wanted);
  if (exact.length === 1) return { kind: 'one', person: exact[0]! };
  if (exact.length > 1) return { kind: 'several', people: exact };
  const words = wanted.split(' ');
  const byWords = people.filter((p) => {
    const parts = normal(p.name).split(' ');
    return words.every((w) => parts.includes(w));
  });
  if (byWords.length === 1) return { kind: 'one', person: byWords[0]! };
  if (byWords.length > 1) return { kind: 'several', people: byWords.slice(0, 10) };
  const near = people.filter((p) => editDistance(normal(p.name), wanted, 3) <= Math.min(2, Math.floor(wanted.length / 5)));
  if (near.length === 1) return { kind: 'one', person: near[0]! };
  if (near.length > 1) return { kind: 'several', people: near.slice(0, 10) };
  return { kind: 'none' };
}
