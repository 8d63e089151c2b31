import { parseArgs } from 'node:util';
import { readCorpus, trainingCorpus, type Corpus } from '../../bot/language/corpus.js';
import evalSplit from '../../bot/language/corpus/eval.json' with { type: 'json' };
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../bot/language/decide.js';
import type { IntentClassifier } from '../../bot/language/intent-classifier.js';
import { LanguageModel } from '../../bot/language/language-model.js';
import { MiniSearchClassifier } from '../../bot/language/minisearch-classifier.js';
import { NlpjsClassifier } from '../../bot/language/nlpjs-classifier.js';
import { productionClassifier } from '../../bot/language/production-model.js';
import { evaluate, formatMisses, formatReport, type EvaluationReport } from './language-eval.js';

/**
 * `npm run eval:language`: trains each candidate classifier on the training split and reports, on
 * the evaluation split, how many utterances came out fully right (intent and every stated slot),
 * how many were confidently wrong, slot accuracy by type and the confusion pairs.
 * `--misses` lists every utterance that was not right; `--tune` chooses the decision thresholds by
 * 5-fold cross-validation on the training split alone.
 */
const { values } = parseArgs({ options: { misses: { type: 'boolean', default: false }, tune: { type: 'boolean', default: false }, 'cv-misses': { type: 'boolean', default: false }, candidate: { type: 'string' } } });

/** The two candidates alone (NLP.js with its defaults, MiniSearch), then what the bot uses: both together. */
const candidates: Array<() => IntentClassifier> = [() => new NlpjsClassifier(), () => new MiniSearchClassifier(), () => productionClassifier()];

async function trained(make: () => IntentClassifier, corpus?: Corpus): Promise<{ model: LanguageModel; ms: number }> {
  const started = performance.now();
  const model = await LanguageModel.train({ classifier: make(), ...(corpus ? { corpus } : {}) });
  return { model, ms: performance.now() - started };
}

function folds(corpus: Corpus, k: number): Array<{ train: Corpus; test: Corpus }> {
  return Array.from({ length: k }, (_, fold) => ({
    train: { ...corpus, utterances: corpus.utterances.filter((_, i) => i % k !== fold) },
    test: { ...corpus, utterances: corpus.utterances.filter((_, i) => i % k === fold) },
  }));
}

async function tune(make: () => IntentClassifier): Promise<void> {
  const training = trainingCorpus();
  const models = await Promise.all(folds(training, 5).map(async (f) => ({ model: (await trained(make, f.train)).model, test: f.test })));
  const grid: Thresholds[] = [];
  for (const accept of [0.25, 0.3, 0.35, 0.4, 0.45, 0.5]) for (const margin of [0.1, 0.15, 0.2, 0.25, 0.3, 0.35]) for (const floor of [0.1]) grid.push({ accept, margin, floor, offerShare: DEFAULT_THRESHOLDS.offerShare });
  const scored: Array<{ thresholds: Thresholds; right: number; wrong: number; total: number }> = [];
  for (const thresholds of grid) {
    let right = 0;
    let wrong = 0;
    let total = 0;
    for (const { model, test } of models) {
      const report = await evaluate(model.withThresholds(thresholds), test);
      right += report.right;
      wrong += report.wrong;
      total += report.total;
    }
    scored.push({ thresholds, right, wrong, total });
  }
  // A confidently wrong answer costs as much as ten questions: in a compliance product it is worse than asking.
  scored.sort((a, b) => a.wrong * 10 - a.right - (b.wrong * 10 - b.right));
  console.log(`Cross-validation on the training split (5 folds), best thresholds first:`);
  for (const s of scored.slice(0, 40)) console.log(`  ${JSON.stringify(s.thresholds)}: right ${s.right}/${s.total}, confidently wrong ${s.wrong}`);
}

/** What 5-fold cross-validation on the training split gets wrong: the honest way to improve the model. */
async function crossValidationMisses(make: () => IntentClassifier): Promise<void> {
  const training = trainingCorpus();
  let right = 0;
  let wrong = 0;
  let total = 0;
  for (const f of folds(training, 5)) {
    const report = await evaluate((await trained(make, f.train)).model, f.test);
    right += report.right;
    wrong += report.wrong;
    total += report.total;
    console.log(formatMisses(report));
  }
  console.log(`cross-validation: right ${right}/${total}, confidently wrong ${wrong}`);
}

async function main(): Promise<void> {
  if (values['cv-misses']) {
    await crossValidationMisses(candidates[Number(values.candidate ?? 0)]!);
    return;
  }
  if (values.tune) {
    const chosen = values.candidate === undefined ? candidates : [candidates[Number(values.candidate)]!];
    for (const make of chosen) {
      console.log(`\n${make().name}`);
      await tune(make);
    }
    return;
  }
  const evaluation = readCorpus(evalSplit, 'evaluation');
  const reports: Array<{ name: string; report: EvaluationReport }> = [];
  for (const make of candidates) {
    const { model, ms } = await trained(make);
    const report = await evaluate(model, evaluation);
    reports.push({ name: model.classifierName, report });
    console.log(`\n${formatReport(model.classifierName, report, ms)}`);
    if (values.misses) console.log(`misses:\n${formatMisses(report)}`);
  }
  const best = [...reports].sort((a, b) => a.report.wrong - b.report.wrong || b.report.right - a.report.right)[0]!;
  console.log(`\nBest on the evaluation split: ${best.name} (${best.report.right}/${best.report.total} fully right, ${best.report.wrong} confidently wrong).`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
