import type { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import type { Intent, NamedPerson, Reading } from '../language/intents.js';
import { card, heading, text, type AdaptiveCard, type SubmitAction } from './card-types.js';
import { typedText } from './safe-text.js';
import { VERBS } from './verbs.js';

function subjectsOf(reading: Reading, catalogue: CatalogueIndex): string {
  return reading.slots.subjects.map((s) => (s.level === undefined ? catalogue.subjectName(s.subjectId) : catalogue.topicLabel(s.subjectId, s.level))).join(' and ');
}

/** What a button offering a meaning says: the intent in the learner's terms, with what they named. */
export function meaningLabel(reading: Reading, catalogue: CatalogueIndex): string {
  const subjects = subjectsOf(reading, catalogue);
  const of = (prefix: string, fallback: string) => (subjects ? `${prefix} ${subjects}` : fallback);
  const person = reading.slots.person && reading.slots.person.kind === 'member' ? reading.slots.person.name : reading.slots.person?.typed;
  const labels: Record<Intent, string> = {
    greeting: 'Just saying hello',
    closer: 'Just saying thanks',
    help: 'See what I can do',
    'whats-due': "Show what's due",
    'subject-status': of('When is my', 'When something is due'),
    'record-completion': of('Record that I completed', 'Record a completion'),
    'bring-certificate': of('Bring a certificate for', 'Bring a certificate'),
    extension: of('Ask for more time for', 'Ask for an extension'),
    exemption: of('Say this is not relevant to my role:', 'Not relevant to my role'),
    'back-from-absence': "I'm back from leave",
    'help-to-complete': of('Ask for help to complete', 'Ask for help to complete my learning'),
    'reasonable-adjustment': 'Ask for a reasonable adjustment',
    'speak-up': of('Raise a concern about', 'Raise a concern about the training'),
    feedback: of('Give feedback on', 'Give feedback on a course'),
    'request-status': 'What happened to my requests',
    'where-to-do': of('Where do I do', 'Where do I do my training'),
    passport: of('My training passport with', 'My training passport'),
    team: of('My team and', 'Show my team'),
    'team-percentage': of("My team's compliance for", "My team's compliance %"),
    'person-status': person ? `${typedText(person, 40)}'s learning` : "Someone's learning",
    'pending-approvals': 'Requests waiting for my decision',
    'did-not-attend': 'Record that someone did not attend',
  };
  return labels[reading.intent];
}

function choose(title: string, data: SubmitAction['data']): SubmitAction {
  return { type: 'Action.Submit', title: title.length > 80 ? `${title.slice(0, 79)}…` : title, data };
}

/**
 * "Did you mean…?": the two or three likeliest readings as buttons. A button sends back the message
 * and the meaning chosen; the server reads the message again as that meaning, nothing else.
 */
export function clarifyCard(readings: readonly Reading[], message: string, catalogue: CatalogueIndex): AdaptiveCard {
  const actions = readings.map((r) => choose(meaningLabel(r, catalogue), { verb: VERBS.chooseMeaning, intent: r.intent, text: message.slice(0, 1000) }));
  actions.push(choose('Something else', { verb: VERBS.help }));
  return card(
    [heading('Did you mean…?'), text(`I want to be sure before I answer “${typedText(message)}”.`, { isSubtle: true }), { type: 'ActionSet', actions }],
    [],
    `Did you mean: ${readings.map((r) => meaningLabel(r, catalogue)).join(', or ')}?`,
  );
}

/** A name that matches several people of the team: each one as a button (the server checks the team again). */
export function choosePersonCard(people: readonly NamedPerson[], typed: string, intent: Intent, message: string): AdaptiveCard {
  const shown = people.slice(0, 5);
  const actions = shown.map((p) => choose(p.name, { verb: VERBS.choosePerson, intent, staffId: p.staffId, text: message.slice(0, 1000) }));
  const more = people.length > shown.length ? [text(`…and ${people.length - shown.length} more: ask again with the full name.`, { isSubtle: true, size: 'small' })] : [];
  return card([heading('Which one?'), text(`Several people in your team match “${typedText(typed)}”.`), { type: 'ActionSet', actions }, ...more], [], `Several people in your team match ${typedText(typed)}.`);
}
