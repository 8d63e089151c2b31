import { describe, expect, it } from 'vitest';
import { trainingCorpus } from '../../../bot/language/corpus.js';
import { LanguageModel, trainingExamples } from '../../../bot/language/language-model.js';
import { storedTrainingExamples } from '../../../bot/language/training-features.js';

describe('the training split as the classifier reads it (corpus/train-features.json)', () => {
  it('when the corpus is read again as messages are, then it is exactly what is stored (else run npm run train:language)', () => {
    const corpus = trainingCorpus();
    expect(storedTrainingExamples()).toEqual(trainingExamples(corpus, LanguageModel.vocabularyFor(corpus)));
  });
});
