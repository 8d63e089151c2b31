import type { Intent, Reading } from './intents.js';
import { normaliseText } from './normalise.js';

/**
 * Exact commands: the texts of the bot's own buttons and the one-word commands people learn. These
 * are rules because they are exact; everything else is read by the trained classifier.
 */
const COMMANDS: ReadonlyMap<string, Reading> = new Map(
  (
    [
      ['whats due', 'whats-due'],
      ['what is due', 'whats-due'],
      ['help', 'help'],
      ['menu', 'help'],
      ['record a completion', 'record-completion'],
      ['bring a certificate', 'bring-certificate'],
      ['ask for an extension', 'extension'],
      ['not relevant to my role', 'exemption'],
      ['my team', 'team'],
      ['whole team', 'team'],
      ['pending requests', 'pending-approvals'],
      ['my requests', 'request-status'],
      ['record did not attend', 'did-not-attend'],
      ['training passport', 'passport'],
      ['my training passport', 'passport'],
    ] as const
  )
    .map(([text, intent]): [string, Reading] => [text, { intent, slots: { subjects: [] } }])
    .concat([['who is overdue', { intent: 'team', slots: { subjects: [], status: 'overdue' } }]]),
);

/** The reading of an exact command (its slots are fixed: a command names no subject or date). */
export function commandIn(text: string): Reading | undefined {
  if (text.length > 40) return undefined;
  const reading = COMMANDS.get(normaliseText(text));
  return reading && { intent: reading.intent, slots: { ...reading.slots, subjects: [] } };
}
