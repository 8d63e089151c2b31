import { EnsembleClassifier } from './ensemble-classifier.js';
import { LanguageModel } from './language-model.js';
import { MiniSearchClassifier } from './minisearch-classifier.js';
import { NlpjsClassifier } from './nlpjs-classifier.js';
import { PairedClassifier } from './paired-classifier.js';
import { storedTrainingExamples } from './training-features.js';

/**
 * The classifier the bot uses: NLP.js's neural classifier (words and word pairs) and MiniSearch's
 * nearest neighbours, averaged, asking whenever the two disagree. Measured against each alone by
 * `npm run eval:language` (README, "Understanding messages").
 */
export function productionClassifier(): EnsembleClassifier {
  // Training stops at a loss of 0.0005 (NLP.js's default 0.00005 takes three times as long for the same
  // cross-validated accuracy on the training split).
  return new EnsembleClassifier([new PairedClassifier(new NlpjsClassifier({ errorThresh: 0.0005 })), new MiniSearchClassifier()]);
}

let trained: Promise<LanguageModel> | undefined;

/**
 * Trained at start-up from the training split as already read (`corpus/train-features.json`), once per
 * process: the model is read-only once trained, so every bot the process builds (one in production;
 * several in tests, two deployments side by side) shares it. A failed training is not kept.
 */
export function productionLanguageModel(): Promise<LanguageModel> {
  trained ??= LanguageModel.train({ classifier: productionClassifier(), features: storedTrainingExamples() }).catch((error: unknown) => {
    trained = undefined;
    throw error;
  });
  return trained;
}
