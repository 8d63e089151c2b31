import { selfRecordableMethods } from '../core/learning/record-completion.js';
import type { ActionPayloads, KnownVerb } from './action-payloads.js';
import { feedbackCard } from './cards/feedback-card.js';
import { helpCard, messageCard, unknownCard } from './cards/message-card.js';
import { METHOD_NAMES } from './cards/record-form-card.js';
import { VERBS } from './cards/verbs.js';
import { showCertificateForm, showRecordForm, submitCertificate, submitFeedback, submitRecord } from './flows/record-flows.js';
import { showSubjectStatus, showWhatsDue } from './flows/status-flows.js';
import { askForSupport, backFromAbsence, speakUp } from './flows/support-flows.js';
import { decide, showExemptionForm, showExtensionForm, submitExemption, submitExtension } from './flows/approval-flows.js';
import type { Understanding } from './language/understand.js';
import type { ManagerUnderstanding } from './language/manager-language.js';
import { showClearedToWork, showDnaForm, showPendingRequests, showTeam, submitDna } from './flows/manager-flows.js';
import type { LearnerTurn } from './learner-turn.js';
import { cardActivity, sendCard } from './send-card.js';

type ActionRoutes = { [V in KnownVerb]: (turn: LearnerTurn, payload: ActionPayloads[V]) => Promise<void> };
type Intent = Understanding['intent'];
type IntentRoutes = { [I in Intent]: (turn: LearnerTurn, understanding: Extract<Understanding, { intent: I }>) => Promise<void> };

/** Card buttons, by verb. */
export const ACTION_ROUTES: ActionRoutes = {
  [VERBS.whatsDue]: (turn, p) => showWhatsDue(turn, p.page ?? 1),
  [VERBS.help]: (turn) => sendCard(turn.context, helpCard()),
  [VERBS.recordForm]: (turn, p) => showRecordForm(turn, p.subjectId ? { subjectId: p.subjectId } : {}),
  [VERBS.recordSubmit]: submitRecord,
  [VERBS.certificateForm]: (turn) => showCertificateForm(turn),
  [VERBS.certificateSubmit]: submitCertificate,
  [VERBS.feedbackSubmit]: submitFeedback,
  [VERBS.extensionForm]: (turn) => showExtensionForm(turn),
  [VERBS.exemptionForm]: (turn) => showExemptionForm(turn),
  [VERBS.extensionSubmit]: (turn, p) => submitExtension(turn, p),
  [VERBS.exemptionSubmit]: (turn, p) => submitExemption(turn, p),
  [VERBS.teamPage]: (turn, p) => showTeam(turn, p.filter, p.page),
  [VERBS.pendingRequests]: (turn) => showPendingRequests(turn),
  [VERBS.dnaForm]: (turn) => showDnaForm(turn),
  [VERBS.dnaSubmit]: (turn, p) => submitDna(turn, p),
  [VERBS.decide]: async (turn, p) => {
    const answer = await decide(turn.services, turn.staffId, p.kind, { requestId: p.requestId, learnerId: p.learnerId }, p.decision, p.comment);
    // Without Universal Actions the card is updated in place through the message it came from.
    const replyToId = turn.context.activity.replyToId;
    if (replyToId) await turn.context.updateActivity({ ...cardActivity(answer.card), id: replyToId }).catch(() => undefined);
    await turn.context.sendActivity(answer.text);
  },
};

const textOf = (turn: LearnerTurn) => (turn.context.activity.text ?? '').trim();

/** Typed messages, by what they mean. */
export const INTENT_ROUTES: IntentRoutes = {
  help: (turn) => sendCard(turn.context, helpCard()),
  greeting: (turn) => sendCard(turn.context, helpCard()),
  'whats-due': (turn) => showWhatsDue(turn),
  'subject-status': (turn, u) => (u.subjects.length === 0 ? showWhatsDue(turn) : showSubjectStatus(turn, u.subjects)),
  'record-completion': async (turn, u) => {
    const only = u.subjects.length === 1 ? u.subjects[0] : undefined;
    if (only) {
      const catalogue = await turn.services.learning.catalogue.current();
      const topic = catalogue.topicFor(only.subjectId, only.level ?? catalogue.levelsOf(only.subjectId)[0]?.level ?? 1);
      if (topic && selfRecordableMethods(topic).length === 0) {
        const link = topic.link ? ` [How to complete it](${topic.link}).` : '';
        return sendCard(turn.context, messageCard(`${catalogue.topicLabel(topic.subjectId, topic.level)} is recorded by the learning platform`, [`It is completed as ${topic.methods.filter((m) => m !== 'transferred').map((m) => METHOD_NAMES[m]).join(' or ')}, and shows up here by itself once done.${link}`]));
      }
    }
    return showRecordForm(turn, { ...(only ? { subjectId: only.subjectId } : {}), ...(u.completedOn ? { completedOn: u.completedOn } : {}), ...(u.method ? { method: u.method } : {}) });
  },
  'bring-certificate': async (turn, u) => {
    const only = u.subjects.length === 1 ? u.subjects[0] : undefined;
    return showCertificateForm(turn, only?.level !== undefined ? `${only.subjectId}-${only.level}` : undefined);
  },
  extension: (turn, u) => {
    const only = u.subjects.length === 1 ? u.subjects[0] : undefined;
    if (only && u.requestedDate && u.reason) return submitExtension(turn, { subjectId: only.subjectId, requestedDate: u.requestedDate, reason: u.reason });
    return showExtensionForm(turn, { ...(only ? { subjectId: only.subjectId } : {}), ...(u.requestedDate ? { requestedDate: u.requestedDate } : {}), ...(u.reason ? { reason: u.reason } : {}) });
  },
  exemption: (turn, u) => {
    const only = u.subjects.length === 1 ? u.subjects[0] : undefined;
    return showExemptionForm(turn, { ...(only ? { subjectId: only.subjectId } : {}), ...(u.reason ? { reason: u.reason } : {}) });
  },
  'back-from-absence': (turn, u) => backFromAbsence(turn, u.absenceKind),
  support: (turn, u) => askForSupport(turn, u.kind, textOf(turn), u.subjects[0]?.subjectId),
  'speak-up': (turn, u) => speakUp(turn, textOf(turn), u.subjects[0]?.subjectId),
  feedback: async (turn, u) => {
    const subject = u.subjects[0];
    if (!subject) return sendCard(turn.context, messageCard('Which topic?', ['Tell me which learning you want to give feedback on, for example **feedback on fire safety**.']));
    const catalogue = await turn.services.learning.catalogue.current();
    return sendCard(turn.context, feedbackCard(subject.subjectId, catalogue.subjectName(subject.subjectId)));
  },
  'my-team': (turn) => showTeam(turn, 'all'),
  unknown: (turn) => sendCard(turn.context, unknownCard()),
};

type ManagerRoutes = { [I in ManagerUnderstanding['intent']]: (turn: LearnerTurn, understanding: Extract<ManagerUnderstanding, { intent: I }>) => Promise<void> };

/** What managers ask about their team. */
export const MANAGER_ROUTES: ManagerRoutes = {
  team: (turn, u) => showTeam(turn, u.filter),
  'pending-requests': (turn) => showPendingRequests(turn),
  'cleared-to-work': (turn, u) => showClearedToWork(turn, u.name),
  'did-not-attend': (turn, u) =>
    showDnaForm(turn, {
      ...(u.name ? { name: u.name } : {}),
      ...(u.subjects[0] ? { subjectId: u.subjects[0].subjectId } : {}),
      ...(u.sessionDate ? { sessionDate: u.sessionDate } : {}),
      ...(u.reason ? { reason: u.reason } : {}),
    }),
};
