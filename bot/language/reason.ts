/**
 * The reason a learner gives with a request, in their own words: "can I have an extension for
 * fire safety until 15 January, I'm on leave" → "I'm on leave"; "… because my mentor is away"
 * → "my mentor is away". The request itself, greetings, thanks and date phrases are not reasons.
 */

export const MAX_REASON_CHARS = 500;

/** "because", "due to" (not "due to expire"), "as" when a clause follows ("as I'm on leave", not "as soon as"). */
const MARKER =
  /\b(?:because of|because|becuase|cos|coz|cause|due to(?! (?:expire|run out|lapse|end|be)\b)|as(?= (?:i|im|i'm|i’m|ive|i've|i’ve|my|we|we're|were|the|there|its|it's|it’s|it|our|they|he|she|this|that)\b))\s+/i;

/** A clause about oneself inside the request: "extension for IG I'm off sick". */
const ABOUT_ME =
  /\s(?:i['’]?m|i am|i['’]?ve been|i have been|i was|i['’]?ll be|i will be|i['’]?ve got|i have got|we['’]?re|we are|my (?:wife|husband|partner|child|son|daughter|mum|dad|mother|father|baby|manager|mentor))\b/i;

const CLAUSE_BREAK = /\s*(?:[,;:!?\n]|\.(?!\d)|\s[-–—]\s|\bso\b|\bbut\b|\band(?= (?:can|could|may|would|id|i['’]d)\b))\s*/i;

const NOT_A_REASON = /^(?:please|pls|thanks|thank you|thankyou|cheers|many thanks|kind regards|regards|hi|hello|hey|ok|okay|sorry|until|till|til|untill|by|before|up to)\b/i;
/** "for fire safety", "to 15 January": a short phrase finishing the request, not a reason. */
const REQUEST_TAIL = /^(?:to|for|from|on|at)\s+\S+(?:\s+\S+){0,2}$/i;

function tidy(text: string): string | undefined {
  const trimmed = text
    .replace(/^(?:and|also|well|just)\s+/i, '')
    .replace(/[\s,;:.!?-]+(?:please|pls|thanks|thank you|cheers)?[\s,;:.!?]*$/i, '')
    .trim();
  if (trimmed.split(/\s+/).length < 2) return undefined;
  return trimmed.length > MAX_REASON_CHARS ? trimmed.slice(0, MAX_REASON_CHARS).trim() : trimmed;
}

function clauses(text: string): string[] {
  return text
    .split(CLAUSE_BREAK)
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0);
}

/** The clauses of `text` up to the first that is the request itself. */
function clausesBeforeRequest(text: string, isRequest: (clause: string) => boolean): string {
  const kept: string[] = [];
  for (const clause of clauses(text)) {
    if (isRequest(clause)) break;
    kept.push(clause);
  }
  return kept.join(', ');
}

/**
 * @param text the message as typed
 * @param isRequest says whether a clause is the request itself ("can I have an extension")
 */
export function extractReason(text: string, isRequest: (clause: string) => boolean): string | undefined {
  const marker = MARKER.exec(text);
  if (marker) {
    const reason = tidy(clausesBeforeRequest(text.slice(marker.index + marker[0].length), isRequest));
    if (reason) return reason;
  }
  for (const clause of clauses(text)) {
    if (isRequest(clause)) {
      const aboutMe = ABOUT_ME.exec(clause);
      const reason = aboutMe ? tidy(clause.slice(aboutMe.index)) : undefined;
      if (reason) return reason;
      continue;
    }
    if (NOT_A_REASON.test(clause) || REQUEST_TAIL.test(clause)) continue;
    const reason = tidy(clause);
    if (reason) return reason;
  }
  return undefined;
}
