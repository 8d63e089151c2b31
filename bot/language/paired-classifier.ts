import type { IntentClassifier, ScoredLabel, TrainingExample } from './intent-classifier.js';

/** Adds each pair of neighbouring words as a feature of its own ("not relevant", "more time"). */
export function withWordPairs(features: string): string {
  const words = features.split(' ').filter((w) => w.length > 0);
  const pairs: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) pairs.push(`${words[i]}x${words[i + 1]}`.replace(/[^a-z0-9]/g, ''));
  return [...words, ...pairs].join(' ');
}

/** A classifier reading word pairs as well as words. */
export class PairedClassifier implements IntentClassifier {
  readonly name: string;
  constructor(private readonly inner: IntentClassifier) {
    this.name = `${inner.name}, words and word pairs`;
  }
  train(examples: readonly TrainingExample[]): Promise<void> {
    return this.inner.train(examples.map((e) => ({ ...e, features: withWordPairs(e.features) })));
  }
  classify(features: string): Promise<ScoredLabel[]> {
    return this.inner.classify(withWordPairs(features));
  }
}
