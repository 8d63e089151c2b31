import type { ActionPayloads, KnownVerb } from './action-payloads.js';
import { feedbackCard } from './cards/feedback-card.js';
import { clarifyCard } from './cards/clarify-card.js';
import { helpCard, messageCard, unknownCard } from './cards/message-card.js';
import { VERBS } from './cards/verbs.js';
import { decide, showExemptionForm, submitExemption, submitExtension, showExtensionForm } from './flows/approval-flows.js';
import { extensionFromChat } from './flows/extension-from-chat.js';
import { showDnaForm, showPendingRequests, showTeam, showTeamPercentage, submitDna } from './flows/manager-flows.js';
import { memberOf, showPersonStatus } from './flows/person-flows.js';
import { recordFromChat } from './flows/record-from-chat.js';
import { showCertificateForm, showRecordForm, submitCertificate, submitFeedback, submitRecord } from './flows/record-flows.js';
import { showRequestStatus } from './flows/request-status-flow.js';
import { showSubjectStatus, showWhatsDue } from './flows/status-flows.js';
import { askForSupport, backFromAbsence, speakUp } from './flows/support-flows.js';
import { showWhereToDo } from './flows/where-to-do-flow.js';
import { presentFromChat, sharePassport, showPassport } from './flows/passport-flows.js';
import type { Intent, Reading, Understanding } from './language/intents.js';
import type { LearnerTurn } from './learner-turn.js';
import { cardActivity, sendCard } from './send-card.js';

type ActionRoutes = { [V in KnownVerb]: (turn: LearnerTurn, payload: ActionPayloads[V]) => Promise<void> };
type IntentRoutes = { [I in Intent]: (turn: LearnerTurn, reading: Reading) => Promise<void> };

const textOf = (turn: LearnerTurn) => (turn.context.activity.text ?? '').trim();
const subjectIds = (reading: Reading) => reading.slots.subjects.map((s) => s.subjectId);

/** Typed messages, by what they mean (bot/language): one flow each. */
export const INTENT_ROUTES: IntentRoutes = {
  greeting: (turn) => sendCard(turn.context, messageCard('Hello!', ["What can I do for you? Ask **what's due**, or tell me about learning you've done."])),
  closer: async (turn) => void (await turn.context.sendActivity("You're welcome. I'm here whenever you need me.")),
  help: (turn) => sendCard(turn.context, helpCard()),
  'whats-due': (turn) => showWhatsDue(turn),
  'subject-status': (turn, r) => (r.slots.subjects.length === 0 ? showWhatsDue(turn) : showSubjectStatus(turn, r.slots.subjects)),
  'record-completion': (turn, r) => recordFromChat(turn, r.slots),
  'bring-certificate': async (turn, r) => {
    const only = r.slots.subjects.length === 1 ? r.slots.subjects[0] : undefined;
    if (!only) return showCertificateForm(turn);
    const catalogue = await turn.services.learning.catalogue.current();
    const level = only.level ?? catalogue.levelsOf(only.subjectId)[0]?.level;
    const topic = level === undefined ? undefined : catalogue.topicFor(only.subjectId, level);
    return showCertificateForm(turn, only.level !== undefined && topic ? topic.id : undefined);
  },
  extension: (turn, r) => extensionFromChat(turn, r.slots),
  exemption: (turn, r) => {
    const only = r.slots.subjects.length === 1 ? r.slots.subjects[0] : undefined;
    return showExemptionForm(turn, { ...(only ? { subjectId: only.subjectId } : {}), ...(r.slots.reason ? { reason: r.slots.reason } : {}) });
  },
  'back-from-absence': (turn, r) => backFromAbsence(turn, r.slots.absence),
  'help-to-complete': (turn, r) => askForSupport(turn, 'help-to-complete', textOf(turn), r.slots.subjects[0]?.subjectId),
  'reasonable-adjustment': (turn, r) => askForSupport(turn, 'reasonable-adjustment', textOf(turn), r.slots.subjects[0]?.subjectId),
  'speak-up': (turn, r) => speakUp(turn, textOf(turn), r.slots.subjects[0]?.subjectId),
  feedback: async (turn, r) => {
    const subject = r.slots.subjects[0];
    if (!subject) return sendCard(turn.context, messageCard('Which topic?', ['Tell me which learning you want to give feedback on, for example **feedback on fire safety**.']));
    const catalogue = await turn.services.learning.catalogue.current();
    return sendCard(turn.context, feedbackCard(subject.subjectId, catalogue.subjectName(subject.subjectId)));
  },
  'request-status': (turn, r) => showRequestStatus(turn, r.slots),
  'where-to-do': (turn, r) => showWhereToDo(turn, r.slots),
  passport: (turn, r) => (r.slots.presented ? presentFromChat(turn, r.slots.presented) : showPassport(turn, r.slots.subjects)),
  team: (turn, r) => showTeam(turn, r.slots.status ?? 'all', 1, subjectIds(r)),
  'team-percentage': (turn, r) => showTeamPercentage(turn, subjectIds(r)),
  'person-status': (turn, r) => showPersonStatus(turn, r.slots),
  'pending-approvals': (turn) => showPendingRequests(turn),
  'did-not-attend': async (turn, r) => {
    const person = r.slots.person;
    const member = person ? await memberOf(turn, person, 'did-not-attend') : undefined;
    if (person && !member) return;
    return showDnaForm(turn, {
      ...(member ? { staffId: member.staffId } : {}),
      ...(r.slots.subjects[0] ? { subjectId: r.slots.subjects[0].subjectId } : {}),
      ...(r.slots.date ? { sessionDate: r.slots.date } : {}),
      ...(r.slots.reason ? { reason: r.slots.reason } : {}),
    });
  },
};

/** Card buttons, by verb. */
export const ACTION_ROUTES: ActionRoutes = {
  [VERBS.whatsDue]: (turn, p) => showWhatsDue(turn, p.page ?? 1),
  [VERBS.help]: (turn) => sendCard(turn.context, helpCard()),
  [VERBS.recordForm]: (turn, p) =>
    showRecordForm(turn, {
      ...(p.subjectId ? { subjectId: p.subjectId } : {}),
      ...(p.subjectId && p.level !== undefined ? { level: p.level } : {}),
      ...(p.completedOn ? { completedOn: p.completedOn } : {}),
      ...(p.method ? { method: p.method } : {}),
    }),
  [VERBS.recordSubmit]: submitRecord,
  [VERBS.certificateForm]: (turn) => showCertificateForm(turn),
  [VERBS.certificateSubmit]: submitCertificate,
  [VERBS.feedbackSubmit]: submitFeedback,
  [VERBS.extensionForm]: (turn) => showExtensionForm(turn),
  [VERBS.exemptionForm]: (turn) => showExemptionForm(turn),
  [VERBS.extensionSubmit]: (turn, p) => submitExtension(turn, p),
  [VERBS.exemptionSubmit]: (turn, p) => submitExemption(turn, p),
  [VERBS.teamPage]: (turn, p) => showTeam(turn, p.filter, p.page, p.subjects),
  [VERBS.pendingRequests]: (turn) => showPendingRequests(turn),
  [VERBS.dnaForm]: (turn) => showDnaForm(turn),
  [VERBS.dnaSubmit]: (turn, p) => submitDna(turn, p),
  [VERBS.chooseMeaning]: async (turn, p) => {
    const reading = await turn.services.reader.readAs(turn.staffId, p.intent, p.text);
    await INTENT_ROUTES[reading.intent](turn, reading);
  },
  [VERBS.choosePerson]: async (turn, p) => {
    const member = (await turn.services.reader.team(turn.staffId)).find((m) => m.staffId === p.staffId);
    const reading = await turn.services.reader.readAs(turn.staffId, p.intent, p.text);
    // Someone not (or no longer) in the team is refused by the flow like any name outside it.
    const person = member ? { kind: 'member' as const, staffId: member.staffId, name: member.name, typed: member.name } : { kind: 'outside' as const, typed: reading.slots.person?.typed ?? '' };
    await INTENT_ROUTES[reading.intent](turn, { ...reading, slots: { ...reading.slots, person } });
  },
  [VERBS.passport]: (turn) => showPassport(turn),
  [VERBS.passportShare]: (turn, p) => sharePassport(turn, p.passportId),
  [VERBS.passportRetry]: (turn, p) => presentFromChat(turn, p.text),
  [VERBS.decide]: async (turn, p) => {
    const answer = await decide(turn.services, turn.staffId, p.kind, { requestId: p.requestId, learnerId: p.learnerId }, p.decision, p.comment);
    // Without Universal Actions the card is updated in place through the message it came from.
    const replyToId = turn.context.activity.replyToId;
    if (replyToId) await turn.context.updateActivity({ ...cardActivity(answer.card), id: replyToId }).catch(() => undefined);
    await turn.context.sendActivity(answer.text);
  },
};

/** A typed message: acted on when understood, asked about when two readings are close, else "I didn't understand". */
export async function routeMessage(turn: LearnerTurn, understanding: Understanding): Promise<void> {
  switch (understanding.kind) {
    case 'understood':
      return INTENT_ROUTES[understanding.intent](turn, understanding);
    case 'clarify': {
      const catalogue = await turn.services.learning.catalogue.current();
      return sendCard(turn.context, clarifyCard(understanding.readings, textOf(turn), catalogue));
    }
    case 'unknown':
      return sendCard(turn.context, unknownCard());
  }
}
