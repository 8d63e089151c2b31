import type { CompletionMethod } from '../../core/learning/types.js';

/** How a learner says they completed something, in normalised words; the first that fits wins. */
const METHODS: ReadonlyArray<[CompletionMethod, RegExp]> = [
  ['drill', /\b(drill|drills|simulation|sim|evacuation|evac)\b/],
  ['practical-assessment', /\b(practical|practically assessed|hands on assessment|competency assessment|assessed)\b/],
  ['e-assessment', /\b(eassessment|online (assessment|test|quiz|exam)|assessment online)\b/],
  ['self-declaration', /\b(self declaration|self declared|declaration|declared|self assessment)\b/],
  ['blended', /\bblended\b/],
  ['e-learning', /\b(elearning|elearn|online|module|modules|elfh|e lfh|learning hub|esr)\b/],
  ['session', /\b(session|sessions|face to face|f2f|classroom|in person|workshop|study day|taught|lecture|webinar|teams call|zoom)\b/],
];

export function completionMethodIn(text: string): CompletionMethod | undefined {
  return METHODS.find(([, pattern]) => pattern.test(text))?.[0];
}
