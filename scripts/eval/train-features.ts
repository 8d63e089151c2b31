import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { trainingCorpus } from '../../bot/language/corpus.js';
import { LanguageModel, trainingExamples } from '../../bot/language/language-model.js';
import { trainingFeaturesFile } from '../../bot/language/training-features.js';

/** `npm run train:language`: writes bot/language/corpus/train-features.json from train.json (after any change to either, or to how messages are read). */
const corpus = trainingCorpus();
const examples = trainingExamples(corpus, LanguageModel.vocabularyFor(corpus));
const target = fileURLToPath(new URL('../../bot/language/corpus/train-features.json', import.meta.url));
writeFileSync(target, trainingFeaturesFile(examples));
console.log(`${examples.length} training examples written to ${target}`);
