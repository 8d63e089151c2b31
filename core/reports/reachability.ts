import type { PersonSummary } from '../learning/person-summary.js';
import type { ConversationState } from '../storage/report-sources.js';

export type UnreachableReason = 'no-teams-account' | 'no-conversation' | 'conversation-gone';

export interface UnreachableRow {
  staffId: string;
  name: string;
  staffGroup: string;
  orgUnit: string;
  reason: UnreachableReason;
  /** When the conversation was found gone (Teams answered 403/404). */
  since?: string;
}

export const REASON_TEXT: Record<UnreachableReason, string> = {
  'no-teams-account': 'Not linked to a Teams account',
  'no-conversation': 'Has never opened the app in Teams',
  'conversation-gone': 'Removed the app or the chat is gone',
};

/**
 * People the bot cannot reach with a reminder: no Entra identity linked, no stored conversation
 * reference (they never opened the app), or a reference marked stale when Teams answered 403/404.
 */
export function unreachablePeople(summaries: Iterable<PersonSummary>, conversationOf: (aadObjectId: string) => ConversationState | undefined): UnreachableRow[] {
  const rows: UnreachableRow[] = [];
  for (const s of summaries) {
    const base = { staffId: s.staffId, name: s.name, staffGroup: s.staffGroup, orgUnit: s.orgUnit };
    if (!s.aadObjectId) {
      rows.push({ ...base, reason: 'no-teams-account' });
      continue;
    }
    const conversation = conversationOf(s.aadObjectId.toLowerCase());
    if (!conversation) rows.push({ ...base, reason: 'no-conversation' });
    else if (conversation.staleSince) rows.push({ ...base, reason: 'conversation-gone', since: conversation.staleSince });
  }
  return rows.sort((a, b) => a.orgUnit.localeCompare(b.orgUnit) || a.name.localeCompare(b.name));
}
