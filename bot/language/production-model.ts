import { EnsembleClassifier } from './ensemble-classifier.js';
import { LanguageModel } from './language-model.js';
import { MiniSearchClassifier } from './minisearch-classifier.js';
import { NlpjsClassifier } from './nlpjs-classifier.js';
import { PairedClassifier } from './paired-classifier.js';

/**
 * The classifier the bot uses: NLP.js's neural classifier (words and word pairs) and MiniSearch's
 * nearest neighbours, averaged, asking whenever the two disagree. Measured against each alone by
 * `npm run eval:language` (README, "Understanding messages").
 */
export function productionClassifier(): EnsembleClassifier {
  return new EnsembleClassifier([new PairedClassifier(new NlpjsClassifier()), new MiniSearchClassifier()]);
}

export function productionLanguageModel(): Promise<LanguageModel> {
  return LanguageModel.train({ classifier: productionClassifier() });
}
