/**
 * The words the intent rules listen for. A word of the message that is not a known English word
 * is corrected to the nearest of these (or of the catalogue's subject words) within its typo
 * allowance: "trainign" → "training", "waht" → "what", "extention" → "extension".
 * Words of 3 characters or fewer are never corrected, so they need not be listed.
 */
export const INTENT_WORDS: readonly string[] = [
  // what's due
  'what', 'whats', 'overdue', 'expiring', 'expired', 'expire', 'expires', 'expiry', 'outstanding', 'needed',
  'required', 'missing', 'training', 'learning', 'elearning', 'mandatory', 'statutory', 'compliance', 'compliant',
  'courses', 'course', 'modules', 'module', 'record', 'records', 'status', 'requirements', 'date', 'need', 'needs',
  'covered', 'essential', 'anything',
  // my team
  'team', 'teams', 'staff', 'reports', 'department', 'reportees', 'overdue', 'behind', 'pending', 'requests',
  'request', 'approvals', 'approval', 'approve', 'awaiting', 'waiting', 'review', 'summary', 'overview', 'dashboard',
  'anyone', 'anybody',
  // speak up and feedback
  'speak', 'speaking', 'freedom', 'raise', 'raising', 'concern', 'concerns', 'concerned', 'worried', 'real',
  'genuine', 'serious', 'risk', 'risks', 'hazard', 'hazards', 'danger', 'dangers', 'misses', 'missed', 'ignore',
  'ignores', 'ignoring', 'overlook', 'overlooks', 'doesnt', 'cover', 'covers', 'covered', 'unsafe', 'dangerous',
  'wrong', 'incorrect', 'outdated', 'advice', 'guidance', 'content', 'feedback', 'rating', 'evaluate', 'evaluation',
  'comment', 'comments', 'suggestion', 'suggestions', 'complaint', 'complain', 'complaining', 'improve',
  'improvement', 'improvements', 'rubbish', 'boring', 'terrible', 'excellent', 'useful', 'useless', 'confusing',
  'brilliant', 'helpful', 'unhelpful', 'pointless',
  // support
  'reasonable', 'adjustment', 'adjustments', 'dyslexia', 'dyslexic', 'dyspraxia', 'dyspraxic', 'accessible',
  'accessibility', 'hearing', 'visually', 'impaired', 'impairment', 'neurodivergent', 'captions', 'subtitles',
  'help', 'support', 'assistance', 'complete', 'completing', 'finish', 'finishing', 'access', 'accessing', 'login',
  'understand', 'struggle', 'struggles', 'struggled', 'struggling', 'cant', 'cannot', 'unable', 'computer', 'laptop',
  'account', 'password', 'protected', 'confident', 'computers', 'technology', 'failing', 'failed', 'assessment',
  'eassessment', 'quiz', 'exam',
  // extension
  'extension', 'extensions', 'extend', 'extended', 'extending', 'extra', 'longer', 'time', 'postpone', 'defer',
  'delay', 'deadline',
  // exemption
  'relevant', 'irrelevant', 'applicable', 'necessary', 'role', 'job', 'description', 'nothing', 'exempt', 'exempted',
  'exemption', 'exemptions', 'exclusion', 'excluded', 'excuse', 'excused', 'requirements', 'require', 'should',
  'shouldnt', 'reason',
  // certificates
  'certificate', 'certificates', 'cert', 'certs', 'certification', 'previous', 'former', 'different', 'trust',
  'trusts', 'employer', 'employers', 'practice', 'hospital', 'workplace', 'organisation', 'organization',
  'placement', 'agency', 'transfer', 'transferred', 'transferring', 'transfers', 'authority', 'upload', 'evidence',
  'proof', 'passport',
  // absence
  'back', 'returned', 'returning', 'return', 'returner', 'work', 'keeping', 'touch', 'maternity', 'paternity',
  'adoption', 'parental', 'sick', 'sickness', 'illness', 'unwell', 'career', 'break', 'sabbatical', 'leave',
  'annual', 'holiday', 'holidays', 'secondment', 'compassionate', 'bereavement', 'study', 'surgery', 'operation',
  'injury', 'shared',
  // completion
  'completed', 'finished', 'passed', 'attended', 'renewed', 'refreshed', 'redid', 'redone', 'repeated', 'updated',
  'drill', 'drills', 'session', 'sessions', 'classroom', 'workshop', 'online', 'practical', 'assessed',
  'declaration', 'declared', 'blended', 'yesterday', 'today', 'week',
  // help and greeting
  'menu', 'commands', 'instructions', 'options', 'guide', 'started', 'hint', 'hints', 'work', 'hello', 'hiya',
  'heya', 'howdy', 'morning', 'afternoon', 'evening', 'greetings', 'thanks', 'thank', 'thankyou', 'cheers',
  'goodbye', 'please',
  // levels
  'level', 'tier',
];
