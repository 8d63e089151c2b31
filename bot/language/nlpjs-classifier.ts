import nlpCore from '@nlpjs/core';
import langEn from '@nlpjs/lang-en-min';
import nlu, { type NluNeural } from '@nlpjs/nlu';
import type { IntentClassifier, ScoredLabel, TrainingExample } from './intent-classifier.js';
import { CLASS_LABELS, type ClassLabel } from './intents.js';

const LABELS: ReadonlySet<string> = new Set(CLASS_LABELS);

/**
 * NLP.js's neural intent classifier (`@nlpjs/nlu` NluNeural, the one `@nlpjs/nlp` and node-nlp use),
 * over its English tokeniser and Porter stemmer. Its own "None" answer (nothing known in the message)
 * is read as `none`.
 */
export class NlpjsClassifier implements IntentClassifier {
  readonly name = 'NLP.js neural (@nlpjs/nlu)';
  private model: NluNeural | undefined;

  /** `training`: the neural network's own settings (iterations, errorThresh…), NLP.js's defaults otherwise. */
  constructor(private readonly training: Record<string, number> = {}) {}

  async train(examples: readonly TrainingExample[]): Promise<void> {
    const container = await nlpCore.containerBootstrap();
    container.use(langEn.LangEn);
    const model = new nlu.NluNeural({ locale: 'en', container, log: false, useNoneFeature: true, ...this.training });
    await model.train(examples.map((e) => ({ utterance: e.features, intent: e.label })));
    this.model = model;
  }

  async classify(features: string): Promise<ScoredLabel[]> {
    if (!this.model) throw new Error('The classifier is used before it was trained.');
    const { classifications } = await this.model.process(features);
    const scores = new Map<ClassLabel, number>();
    for (const { intent, score } of classifications) {
      const label: ClassLabel = LABELS.has(intent) ? (intent as ClassLabel) : 'none';
      scores.set(label, (scores.get(label) ?? 0) + score);
    }
    return [...scores].map(([label, score]) => ({ label, score })).filter((s) => s.score > 0).sort((a, b) => b.score - a.score);
  }
}
