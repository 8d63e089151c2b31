/**
 * The phrasings of each intent, as patterns over the normalised, spelling-corrected message
 * (lower case, apostrophes closed up: "whats", "dont", "im"). The order in which `understand`
 * tries them is the precedence; each pattern here only says "this message talks about X".
 */

const any = (...patterns: RegExp[]) => (text: string) => patterns.some((pattern) => pattern.test(text));

/** "the fire training misses a real risk on our ward", "I want to speak up". */
export const isSpeakUp = any(
  /\bspeak(ing)? up\b/,
  /\bfreedom to speak\b/,
  /\b(raise|raising|report|reporting) (a |an |my )?(concern|safety concern|issue with the (training|course|content))s?\b/,
  /\b(concerned|worried) (that|about) (the|this) (training|course|module|content|elearning)\b/,
  /\b(real|actual|genuine|serious|big|major) (risk|risks|hazard|hazards|danger)\b/,
  /\b(miss|misses|missing|missed|ignore|ignores|ignoring|overlook|overlooks|doesnt cover|does not cover|dont cover|do not cover|didnt cover|not covered|wont cover|fails to cover|leaves out|left out)\b.{0,60}\b(risk|risks|hazard|hazards|danger|dangers)\b/,
  /\b(the|this|that) ((training|course|elearning|module) )?(training|course|content|module|elearning|advice|guidance) (is|was|s) (unsafe|dangerous|wrong|incorrect|outdated|misleading)\b/,
  /\b(unsafe|dangerous) (advice|practice|guidance|content)\b/,
);

/** "I want to give feedback on the IG course". */
export const isFeedback = any(
  /\bfeedback\b/,
  /\b(rate|rating|review|reviewing|evaluate|evaluation of|comment on|comments on|comments about) (the|this|that|my) (course|training|module|elearning|session|content)\b/,
  /\b(suggestion|suggestions|complaint|complain|complaining)\b/,
  /\b(comment|comments|thoughts|opinion|views)\b (about|on) (the|this|that|my)\b/,
  /\b(improve|improvement to|improvements to) (the|this) (course|training|module|elearning|session|content)\b/,
  /\b(course|training|module|elearning|session|content) (was|is|s) (really |very |so |too )?(rubbish|boring|great|good|bad|terrible|excellent|useful|useless|long|confusing|brilliant|poor|helpful|unhelpful|pointless)\b/,
);

/** "I need a reasonable adjustment for the e-learning". */
export const isReasonableAdjustment = any(
  /\badjustments?\b/,
  /\bdyslexi(a|c)\b/,
  /\bdyspraxi(a|c)\b/,
  /\baccessib(le|ility)\b/,
  /\bscreen ?reader\b/,
  /\blarge (print|text|font)\b/,
  /\b(hearing|visually|visual|sight) (impaired|impairment|loss)\b/,
  /\b(deaf|blind|neurodivergent|adhd)\b/,
  /\b(bsl|sign language|captions|subtitles)\b/,
  /\b(extra|more) time (for|in|on|during) (the|my|an?) (test|assessment|exam|quiz|eassessment)\b/,
);

/** "can I have an extension for fire safety until 15 January". */
export const isExtension = any(
  /\bextension\b/,
  /\bextensions\b/,
  /\bextend(ed|ing)?\b/,
  /\b(more|extra|longer) time\b/,
  /\b(postpone|defer|delay|put off|push back|move back)\b/,
  /\b(later|new|different) (due date|deadline|date)\b/,
  /\b(move|change|push) (my|the) (due date|deadline|date)\b/,
  /\b(cant|cannot|can not|wont|will not|unable to|not able to|not going to) (make|meet|complete|finish|do|get|manage)\b.{0,60}\b(deadline|in time|on time|by the|before|due date|until|till|by then)\b/,
  /\bmiss(ing)? (the|my) (deadline|due date)\b/,
);

/** "moving and handling is not relevant to my role": a statement that is itself the reason. */
export const isExemptionStatement = any(
  /\b(not|isnt|arent|never) (relevant|applicable|needed|required|necessary)\b/,
  /\birrelevant\b/,
  /\b(doesnt|does not|dont|do not) (apply|relate)\b/,
  /\bnot (part of|in) my (role|job|job description)\b/,
  /\bnothing to do with my (role|job)\b/,
);

/** "can I be exempt from prevent", "exemption", "opt out". */
export const isExemptionRequest = any(
  /\bexempt(ed|ion|ions)?\b/,
  /\b(exclusion|excluded|excuse|excused)\b/,
  /\bopt(ing)? out\b/,
  /\b(remove|take) (it |this |that )?(off|from) my (list|requirements|training)\b/,
);

/** "I don't need prevent level 3": an exemption only when a subject is named. */
export const isNoNeed = any(
  /\b(dont|do not|doesnt|does not|shouldnt|should not|wont|will not) (really |actually )?(need|require|have to)\b/,
  /\bno (need|reason) (for me )?to (do|complete)\b/,
  /\bwhy (do|should|must) i (have to |need to )?(do|complete)\b/,
);

/** "I have a certificate from my last trust", "transfer my training from my previous employer". */
export const isBringCertificate = any(
  /\b(certificate|certificates|cert|certs|certification)\b/,
  /\b(previous|last|old|former|other|another|prior|past|different) (trust|trusts|employer|employers|job|jobs|practice|hospital|place|workplace|organisation|organization|nhs trust|post|placement|agency|board)\b/,
  /\btransfer(red|ring|s)?\b/,
  /\b(iat|inter authority|esr transfer)\b/,
  /\bupload\b/,
  /\b(evidence|proof)\b/,
  /\bpassport\b/,
);

/** "I'm back from maternity leave", "just returned from sick leave". */
export const isBackFromAbsence = any(
  /\b(back|returned|returning|return|returner|come back|came back|got back|getting back|coming back)( to work| at work)? (from|after)\b/,
  /\b(back|returned|returning|return|came back|coming back) (to|at) work\b/,
  /\bjust back\b/,
  /\bbeen off (sick|work|ill|on)\b/,
  /\b(keeping in touch|kit) days?\b/,
  /^(so )?(im|i am|ive come|i have come) back( now| again| at last| at work)?$/,
);

/** "I need help to complete this". */
export const isHelpToComplete = any(
  /\b(need|needs|want|would like|like|get|getting|require|requires|ask for|asking for|some) (some |a bit of |a little |extra |more )?(help|support|assistance) (to|with|completing|finishing|doing|accessing|on|for|getting)\b/,
  /\b(need|needs|want|require|some) (some |a bit of |extra |more )?(support|assistance)\b/,
  /\bhelp (me )?(to )?(complete|completing|finish|finishing|do|doing|access|accessing|log ?in|login|get through|understand|pass|passing)\b/,
  /\bsupport (to|with) (complete|completing|finish|do|doing|the|my|this|it)\b/,
  /\bstruggl(e|es|ed|ing)\b/,
  /\b(cant|cannot|can not|unable to|not able to|dont know how to) (access|open|log ?in|login|complete|finish|do|get into|use|load|understand|pass|start)\b/,
  /\b(dont|do not) have (a |any )?(computer|laptop|pc|access|login|log in|account|password|time at work)\b/,
  /\bno (computer|laptop|pc|access|login|protected time)\b/,
  /\bneed (a |access to a )?(computer|laptop|pc)\b/,
  /\b(keeps?|kept) (crashing|freezing|failing|timing out|logging me out|going wrong)\b/,
  /\b(not working|doesnt work|wont (load|open|work)|crashed|crashing|frozen|error message)\b/,
  /\bnot (good|confident) with (computers|it|technology)\b/,
  /\b(keep|kept) failing\b/,
  /\bfailed (the |my )?(assessment|test|quiz|module|eassessment)\b/,
);

/** "record BLS 3/11": an explicit request to record, even as a question ("can you log my BLS?"). */
export const isRecordRequest = any(
  /(?<!\b(my|training|learning|the|a|your|esr|staff|learner|personal) )\b(record|log)\b(?! ?in\b| on\b| of\b)/,
  /\badd (my|it|this|that|these)\b/,
  /\bmark\b.{0,40}\b(as )?(done|complete|completed|finished)\b/,
);

/** "I did my fire drill yesterday", "I completed IG last Tuesday": said, not asked. */
export const isCompletionStatement = any(
  /\b(did|done|completed|finished|passed|attended|renewed|refreshed|redid|redone|repeated|sat|took|taken|went to|been on|gone on|went on|updated)\b/,
);

export const isNegated = any(
  /\b(didnt|did not|havent|have not|hasnt|has not|not (yet )?(done|completed|finished|passed|attended)|never|yet to|still (need|have) to|not been)\b/,
);

const WH_WORDS = new Set(['when', 'what', 'whats', 'how', 'hows', 'which', 'where', 'wheres', 'why', 'who', 'whens']);
const AUXILIARIES = new Set([
  'did', 'have', 'has', 'do', 'does', 'is', 'am', 'was', 'were', 'should', 'will', 'would', 'are', 'can', 'could', 'shall', 'must',
]);
const ASKED_ABOUT = new Set(['i', 'you', 'we', 'my', 'it', 'they', 'this', 'that', 'there', 'anyone', 'he', 'she', 'me', 'the', 'your']);
const OPENING_FILLERS = new Set(['so', 'and', 'hi', 'hello', 'hey', 'ok', 'okay', 'please', 'sorry', 'um', 'erm']);

/** "when did I …", "have I done …", "is my IG in date": asked, not said ("did my fire drill" is said). */
export function isQuestion(tokens: readonly string[]): boolean {
  let index = 0;
  while (index < tokens.length - 1 && OPENING_FILLERS.has(tokens[index]!)) index++;
  const first = tokens[index];
  if (first === undefined) return false;
  if (WH_WORDS.has(first)) return true;
  if (!AUXILIARIES.has(first)) return false;
  const next = tokens[index + 1];
  if (first === 'did') return next === undefined || (next !== 'my' && next !== 'the' && ASKED_ABOUT.has(next));
  return next === undefined || ASKED_ABOUT.has(next);
}

/** "my team", "who is overdue", "pending requests", "how is my team doing". */
export const isMyTeam = any(
  /\bmy (team|teams|staff|direct reports|reports|department|dept|unit|reportees)\b(?! (leader|lead|manager|member|says|said|told|wants|asked|number|id|card|record|portal|account|bank))/,
  /\bwho(s| is| are)? (still )?(overdue|behind|out of date|expired|expiring|non ?compliant|not compliant|not up to date|due|late)\b/,
  /\bwho (still )?(needs|has|hasnt|has not|is yet|have|havent|have not) (yet )?(to|done|completed|got)\b/,
  /\bpending (requests?|approvals?|extensions?|exemptions?|certificates?|evidence)\b/,
  /\b(requests?|approvals?) (to approve|for me|waiting|pending|awaiting|to review|to sign off)\b/,
  /\b(approve|sign off|review) (a |the |any )?(requests?|extensions?|exemptions?)\b/,
  /\bteam (compliance|report|status|summary|overview|dashboard)\b/,
  /\bhow (is|s|are) (my|the) (team|staff)\b/,
  /\b(anyone|anybody) (overdue|out of date|behind|expired)\b/,
);

/** "what's due", "what training do I need", "am I up to date", "my training", "what do I need to do". */
export const isWhatsDue = any(
  /\b(whats|what is|what are|wat|wot|what)\b.{0,30}\b(due|overdue|expiring|expired|outstanding|left|needed|required|missing|next)\b/,
  /\b(due|overdue|outstanding|expiring)\b/,
  /\bmy (own )?(mandatory |statutory |stat and mand |stat mand |required |core |essential )?(training|learning|compliance|courses|modules|record|records|status|elearning|requirements)\b/,
  /\b(up to date|in date|out of date|uptodate)\b/,
  /\bwhat (training|learning|courses|modules|elearning)\b/,
  /\bwhat (do|should|must) i (still )?(need|have|got)( to (do|complete|finish))?\b/,
  /\bwhat (have|has) i (got|left) to do\b/,
  /\bwhat needs (doing|to be done)\b/,
  /\b(to ?do list|todo)\b/,
  /\b(compliance|compliant)\b/,
  /\bam i (ok|okay|covered|current|all good|good)\b/,
  /\b(mandatory|statutory) (training|learning)\b/,
  /\bstat ?(and )?mand\b/,
  /\banything (to do|left)\b/,
  /\bexpir(e|es|y)\b/,
);

/** "help", "what can you do", "how does this work". */
export const isHelp = any(
  /\b(help|menu|commands|instructions|options)\b/,
  /^(start|info|about|guide|get started|hint|hints)$/,
  /\bwhat (can|do) you (do|help)\b/,
  /\bhow (does|do) (this|it|you) work\b/,
  /\bhow (do|can) i use (this|you|it|the bot)\b/,
  /\bwhat can i (ask|say|do here)\b/,
  /\b(who|what) are you\b/,
);

const GREETINGS = new Set([
  'hi', 'hello', 'hey', 'hiya', 'heya', 'howdy', 'yo', 'morning', 'afternoon', 'evening', 'greetings', 'hallo', 'hullo',
  'thanks', 'thank', 'thankyou', 'cheers', 'ta', 'bye', 'goodbye',
]);

/** "hi", "good morning", "thanks": short, with a greeting word. */
export function isGreeting(tokens: readonly string[]): boolean {
  return tokens.length <= 6 && tokens.some((token) => GREETINGS.has(token));
}
