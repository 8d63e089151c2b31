/** What a learner's message asks for. The learner-bot issue grows this into the full language. */
export type Intent = { kind: 'help' } | { kind: 'whats-due' } | { kind: 'unknown' };

const HELP = /^\s*(help|\?|hi|hello|hey|start|menu|what can you do)\b/i;
const WHATS_DUE = /\b(what'?s|what is|whats)\s+due\b|\bmy (mandatory )?(training|learning)\b|\bup to date\b|\bwhat (training|learning) do i need\b|\bdue\b/i;

export function recogniseIntent(text: string): Intent {
  const normalised = text.replace(/\s+/g, ' ').trim();
  if (WHATS_DUE.test(normalised)) return { kind: 'whats-due' };
  if (normalised === '' || HELP.test(normalised)) return { kind: 'help' };
  return { kind: 'unknown' };
}
