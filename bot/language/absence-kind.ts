import type { AbsenceKind } from '../../core/people/types.js';

/** The kind of absence a learner is back from, in normalised words ("back from mat leave" → maternity). */
const KINDS: ReadonlyArray<[AbsenceKind, RegExp]> = [
  ['maternity', /\b(maternity|mat leave|mat)\b/],
  ['paternity', /\b(paternity|pat leave)\b/],
  ['adoption', /\badoption\b/],
  ['parental', /\b(parental|shared parental)\b/],
  ['career-break', /\b(career break|sabbatical)\b/],
  ['sickness', /\b(sick|sickness|illness|been ill|was ill|off ill|unwell|surgery|operation|injury|an op|my op|poorly)\b/],
  ['other', /\b(annual leave|holiday|holidays|secondment|jury service|compassionate|bereavement|unpaid leave|study leave|special leave|furlough|travelling|travel)\b/],
];

export function absenceKindIn(text: string): AbsenceKind | undefined {
  return KINDS.find(([, pattern]) => pattern.test(text))?.[0];
}
