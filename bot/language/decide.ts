import type { ScoredLabel } from './intent-classifier.js';
import { isIntent, type Intent } from './intents.js';

/**
 * When a reading is sure enough to act on. Chosen by cross-validation on the training split only
 * (`npm run eval:language -- --tune`), never on the evaluation split.
 */
export interface Thresholds {
  /** The likeliest intent's score must reach this… */
  accept: number;
  /** …and lead the next by at least this much; otherwise the bot asks. */
  margin: number;
  /** Below this the bot does not even guess: it says it did not understand. */
  floor: number;
  /** Intents offered on a clarifying card score at least this share of the likeliest one. */
  offerShare: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { accept: 0.3, margin: 0.2, floor: 0.1, offerShare: 0.2 };

export type Decision =
  | { kind: 'understood'; intent: Intent; confidence: number }
  | { kind: 'clarify'; intents: Intent[]; confidence: number }
  | { kind: 'unknown' };

/** At most this many meanings are offered as buttons. */
const MAX_OFFERED = 3;

export function decide(scores: readonly ScoredLabel[], thresholds: Thresholds): Decision {
  const top = scores[0];
  if (!top || top.label === 'none' || top.score < thresholds.floor) return { kind: 'unknown' };
  const second = scores[1]?.score ?? 0;
  if (isIntent(top.label) && top.score >= thresholds.accept && top.score - second >= thresholds.margin) {
    return { kind: 'understood', intent: top.label, confidence: top.score };
  }
  const intents = scores
    .filter((s) => s.score >= top.score * thresholds.offerShare)
    .map((s) => s.label)
    .filter(isIntent)
    .slice(0, MAX_OFFERED);
  return intents.length === 0 ? { kind: 'unknown' } : { kind: 'clarify', intents, confidence: top.score };
}
