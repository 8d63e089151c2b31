import type { LocalDate } from '../../core/time/local-date.js';
import { matchSubjects } from './match-subjects.js';
import { parseDate } from './parse-date.js';
import type { SubjectMention, UnderstandContext } from './understand.js';

/** What a line manager asks about their team, beyond what a learner asks. */
export type ManagerUnderstanding =
  | { intent: 'team'; filter: 'all' | 'overdue' }
  | { intent: 'pending-requests' }
  | { intent: 'did-not-attend'; name?: string; subjects: SubjectMention[]; sessionDate?: LocalDate; reason?: string }
  | { intent: 'cleared-to-work'; name: string };

const CLEARED = /^(?:is|are|can|has|have)\s+(.+?)\s+(?:been\s+)?(?:cleared|clear|fit|ok|okay|allowed|safe|good)\s+(?:to|for)\s+(?:work|practi[cs]e|start|go|do (?:the|their|his|her) (?:job|role|shift))\b/i;
const CLEARED_LOOSE = /^(?:cleared to work|clearance)[:\s]+(.+)$/i;
const DNA = /\b(?:did\s*n[o']?t\s+(?:attend|turn up|show(?: up)?|come)|dna'?d?|no[- ]show(?:ed)?|missed)\b/i;
const PENDING = /\bpending\b|\b(?:requests?|approvals?)\s+(?:to approve|for me|waiting|awaiting|to review|to decide)\b|\b(?:approve|decide|review)\s+(?:a |the |any )?(?:requests?|extensions?|exemptions?)\b/i;
const OVERDUE = /\bwho(?:'?s| is| are)?\s+(?:still\s+)?(?:overdue|behind|out of date|expired|non ?compliant|not compliant|not up to date|late)\b|\b(?:anyone|anybody)\s+(?:overdue|out of date|behind|expired)\b/i;

function clean(text: string): string {
  return text.replace(/[?!.]+$/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Manager phrasings: "is Sam Patel cleared to work?", "Sam Patel did not attend fire safety on 3/11,
 * off sick", "who is overdue", "pending requests". Undefined when the message is not one of these.
 */
export function understandManager(text: string, context: UnderstandContext, learnerIntent: string): ManagerUnderstanding | undefined {
  const said = clean(text.slice(0, 1000));
  const cleared = CLEARED.exec(said) ?? CLEARED_LOOSE.exec(said);
  if (cleared?.[1]) return { intent: 'cleared-to-work', name: cleared[1].trim() };
  const dna = DNA.exec(said);
  if (dna && !/\bi (?:did\s*n[o']?t|missed)\b/i.test(said)) {
    const before = said.slice(0, dna.index).replace(/^(?:record(?: a)?(?: dna)?(?: for)?|log|note)\s+/i, '').replace(/\b(?:has|have|who)\s*$/i, '').trim();
    const after = said.slice(dna.index + dna[0].length);
    const reasonMatch = /(?:,|\bbecause\b|\bas\b|\bdue to\b|\breason:?)\s*(.+)$/i.exec(after);
    const subjects = matchSubjects(after, context.subjects, context.topics);
    const sessionDate = parseDate(after, context.today, 'past');
    return {
      intent: 'did-not-attend',
      ...(before && before.split(' ').length <= 5 ? { name: before } : {}),
      subjects,
      ...(sessionDate ? { sessionDate } : {}),
      ...(reasonMatch?.[1] ? { reason: reasonMatch[1].trim() } : {}),
    };
  }
  if (learnerIntent !== 'my-team') return undefined;
  if (PENDING.test(said)) return { intent: 'pending-requests' };
  if (OVERDUE.test(said)) return { intent: 'team', filter: 'overdue' };
  return { intent: 'team', filter: 'all' };
}
