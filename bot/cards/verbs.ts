/** The verbs learner cards carry; the server routes on them and reloads everything else from storage. */
export const VERBS = {
  whatsDue: 'whats-due',
  help: 'help',
  recordForm: 'record-form',
  recordSubmit: 'record-submit',
  certificateForm: 'certificate-form',
  certificateSubmit: 'certificate-submit',
  feedbackSubmit: 'feedback-submit',
  extensionForm: 'extension-form',
  exemptionForm: 'exemption-form',
  extensionSubmit: 'extension-submit',
  exemptionSubmit: 'exemption-submit',
  /** Approve or decline (Action.Execute, with an Action.Submit fallback). */
  decide: 'decide-request',
  refreshRequest: 'refresh-request',
  teamPage: 'team-page',
  pendingRequests: 'pending-requests',
  dnaForm: 'dna-form',
  dnaSubmit: 'dna-submit',
  /** A meaning chosen on a clarifying card: the message is read again as that intent. */
  chooseMeaning: 'choose-meaning',
  /** A person chosen when a name matched several people of the team. */
  choosePerson: 'choose-person',
  /** The learner's training passport (the button on what's due). */
  passport: 'passport',
  /** Send the passport as a card of its own, to forward to a chat. */
  passportShare: 'passport-share',
  /** Present the same passport again (its issuer did not answer). */
  passportRetry: 'passport-retry',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];
