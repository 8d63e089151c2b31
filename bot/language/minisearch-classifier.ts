import MiniSearch from 'minisearch';
import type { IntentClassifier, ScoredLabel, TrainingExample } from './intent-classifier.js';
import type { ClassLabel } from './intents.js';

/** How many of the nearest training utterances vote. */
const NEIGHBOURS = 7;

/**
 * Nearest neighbours by BM25 over the training utterances (MiniSearch, with prefix and one-typo
 * fuzzy matching): the classes of the closest examples vote, weighted by their scores.
 */
export class MiniSearchClassifier implements IntentClassifier {
  readonly name = 'MiniSearch nearest neighbours (BM25)';
  private index: MiniSearch<{ id: number; features: string; label: ClassLabel }> | undefined;

  async train(examples: readonly TrainingExample[]): Promise<void> {
    const index = new MiniSearch<{ id: number; features: string; label: ClassLabel }>({ fields: ['features'], storeFields: ['label'], searchOptions: { fuzzy: 0.2, prefix: true, combineWith: 'OR' } });
    index.addAll(examples.map((e, id) => ({ id, features: e.features, label: e.label })));
    this.index = index;
  }

  async classify(features: string): Promise<ScoredLabel[]> {
    if (!this.index) throw new Error('The classifier is used before it was trained.');
    const hits = this.index.search(features).slice(0, NEIGHBOURS);
    if (hits.length === 0) return [{ label: 'none', score: 1 }];
    const votes = new Map<ClassLabel, number>();
    let total = 0;
    for (const hit of hits) {
      const label = hit.label as ClassLabel;
      votes.set(label, (votes.get(label) ?? 0) + hit.score);
      total += hit.score;
    }
    return [...votes].map(([label, score]) => ({ label, score: score / total })).sort((a, b) => b.score - a.score);
  }
}
