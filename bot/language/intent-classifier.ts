import type { ClassLabel } from './intents.js';

/** One training example: the masked words of an utterance ("i did my zsubject on zdate") and its class. */
export interface TrainingExample {
  features: string;
  label: ClassLabel;
}

export interface ScoredLabel {
  label: ClassLabel;
  /** 0–1; the scores of one answer add up to at most 1. */
  score: number;
}

/**
 * An intent classifier: trained once, at start-up, from the corpus's training split, then asked
 * once or twice a turn. Two implementations are measured against each other by `npm run eval:language`.
 */
export interface IntentClassifier {
  readonly name: string;
  train(examples: readonly TrainingExample[]): Promise<void>;
  /** Every class with a score above zero, likeliest first. */
  classify(features: string): Promise<ScoredLabel[]>;
}
