import type { Intent } from './intents.js';
import { normaliseText } from './normalise.js';

/**
 * Exact commands: the texts of the bot's own buttons and the one-word commands people learn. These
 * are rules because they are exact; everything else is read by the trained classifier.
 */
const COMMANDS: ReadonlyMap<string, Intent> = new Map(
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
      ['who is overdue', 'team'],
      ['pending requests', 'pending-approvals'],
      ['my requests', 'request-status'],
      ['record did not attend', 'did-not-attend'],
    ] as const
  ).map(([text, intent]) => [text, intent]),
);

export function commandIn(text: string): Intent | undefined {
  return COMMANDS.get(normaliseText(text));
}
