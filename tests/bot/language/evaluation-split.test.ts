import { beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../../bot/language/corpus.js';
import evalSplit from '../../../bot/language/corpus/eval.json' with { type: 'json' };
import type { LanguageModel } from '../../../bot/language/language-model.js';
import { productionLanguageModel } from '../../../bot/language/production-model.js';
import { CORPUS_ROSTER } from '../../../bot/language/corpus.js';
import { corpusContext, evaluate, formatMisses, judge } from '../../../scripts/eval/language-eval.js';

const evaluation = readCorpus(evalSplit, 'evaluation');
const context = corpusContext(evaluation);

/**
 * The evaluation split (never trained or tuned on) through the model the bot uses: no utterance may
 * be answered confidently wrong, and at least 95 % must come out fully right (intent and every slot).
 */
describe('the language model on the evaluation split', () => {
  let model: LanguageModel;

  beforeAll(async () => {
    model = await productionLanguageModel();
  });

  it.each(evaluation.utterances.map((u) => [u.text, u] as const))('when a person writes %j, then the bot is right or asks, never confidently wrong', async (_text, utterance) => {
    const result = judge(utterance, await model.understand(utterance.text, context, async () => CORPUS_ROSTER));
    expect(result.outcome === 'wrong' ? `${result.got} ${result.wrongSlots.join('; ')}` : 'not wrong').toBe('not wrong');
  });

  it('when the whole split is read, then at least 95 % is fully right and nothing is confidently wrong', async () => {
    const report = await evaluate(model, evaluation);
    expect(report.wrong, formatMisses(report)).toBe(0);
    expect(report.right / report.total, formatMisses(report)).toBeGreaterThanOrEqual(0.95);
  });
});
