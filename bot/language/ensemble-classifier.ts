import type { IntentClassifier, ScoredLabel, TrainingExample } from './intent-classifier.js';
import type { ClassLabel } from './intents.js';

/** How much a disagreement between members lowers every score. */
const DISAGREEMENT = 0.5;

/** Several classifiers averaged: one that is sure where the others are not no longer decides alone. */
export class EnsembleClassifier implements IntentClassifier {
  readonly name: string;
  constructor(private readonly members: IntentClassifier[]) {
    this.name = `ensemble of ${members.map((m) => m.name).join(' + ')}`;
  }

  async train(examples: readonly TrainingExample[]): Promise<void> {
    for (const m of this.members) await m.train(examples);
  }

  async classify(features: string): Promise<ScoredLabel[]> {
    const sums = new Map<ClassLabel, number>();
    const tops = new Set<ClassLabel>();
    for (const m of this.members) {
      const scores = await m.classify(features);
      if (scores[0]) tops.add(scores[0].label);
      for (const s of scores) sums.set(s.label, (sums.get(s.label) ?? 0) + s.score / this.members.length);
    }
    // Members that disagree on the likeliest class make the answer a question, whatever the average.
    const damp = tops.size > 1 ? DISAGREEMENT : 1;
    return [...sums].map(([label, score]) => ({ label, score: score * damp })).sort((a, b) => b.score - a.score);
  }
}
