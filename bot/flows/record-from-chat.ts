import { selfRecordableMethods } from '../../core/learning/record-completion.js';
import { whatsDue } from '../../core/learning/whats-due.js';
import { messageCard, notFoundCard } from '../cards/message-card.js';
import { levelQuestionCard, type RecordChoice } from '../cards/level-question-card.js';
import { METHOD_NAMES } from '../cards/record-form-card.js';
import { typedText } from '../cards/safe-text.js';
import type { Slots } from '../language/intents.js';
import type { LearnerTurn } from '../learner-turn.js';
import { sendCard } from '../send-card.js';
import { showRecordForm } from './record-flows.js';

/**
 * "I did my safeguarding children level 2 on 3rd March": the record form for exactly the topic,
 * level and date stated. No level stated means the level the learner's roles need; a stated level
 * their roles do not need, or one below it, is asked about first; nothing is stored until the
 * learner sends the form.
 */
export async function recordFromChat(turn: LearnerTurn, slots: Slots): Promise<void> {
  const due = await whatsDue(turn.services.learning, turn.staffId);
  if (due.kind !== 'ok') return sendCard(turn.context, notFoundCard(turn.services.supportContact));
  const { catalogue } = due;
  const said = {
    ...(slots.date ? { completedOn: slots.date } : {}),
    ...(slots.method ? { method: slots.method } : {}),
  };
  const dateNote = slots.unreadableDate ? { note: `I couldn't read “${typedText(slots.unreadableDate)}” as a date: give the date below.`, noDate: true } : {};
  if (slots.subjects.length === 0) return showRecordForm(turn, { ...said, ...dateNote });

  if (slots.subjects.length > 1) {
    const choices: RecordChoice[] = slots.subjects.map((s) => {
      const level = s.level ?? due.compliance.items.find((i) => i.subjectId === s.subjectId)?.level ?? catalogue.levelsOf(s.subjectId)[0]?.level ?? 1;
      return { title: catalogue.topicLabel(s.subjectId, level), subjectId: s.subjectId, level, ...said };
    });
    return sendCard(turn.context, levelQuestionCard('Which one did you complete?', ['Each is recorded on its own.'], choices));
  }

  const [mention] = slots.subjects as [Slots['subjects'][number]];
  const subjectId = mention.subjectId;
  const name = catalogue.subjectName(subjectId);
  const levels = catalogue.levelsOf(subjectId);
  const required = due.compliance.items.find((i) => i.subjectId === subjectId)?.level;
  const requiredLabel = required === undefined ? undefined : catalogue.topicLabel(subjectId, required);
  const stated = mention.level;

  if (stated !== undefined && !levels.some((t) => t.level === stated)) {
    const known = levels.map((t) => t.levelName).join(', ');
    const choices = required === undefined ? [] : [{ title: `Record ${requiredLabel}`, subjectId, level: required, ...said, style: 'positive' as const }];
    return sendCard(turn.context, levelQuestionCard(`${name} has no level ${stated}`, [`Its levels are: ${known || 'none'}.${requiredLabel ? ` Your roles need ${requiredLabel}.` : ''}`], choices));
  }
  let level = stated ?? required;
  if (level === undefined) {
    if (levels.length === 1) level = levels[0]!.level;
    else {
      const choices = levels.map((t) => ({ title: catalogue.topicLabel(subjectId, t.level), subjectId, level: t.level, ...said }));
      return sendCard(turn.context, levelQuestionCard(`Which level of ${name}?`, [`Your roles don't require ${name}. Which level did you complete?`], choices));
    }
  }
  const label = catalogue.topicLabel(subjectId, level);
  if (stated !== undefined && required === undefined) {
    return sendCard(turn.context, levelQuestionCard(`Your roles don't require ${name}`, [`Record ${label} anyway?`], [{ title: `Record ${label}`, subjectId, level, ...said, style: 'positive' }]));
  }
  if (stated !== undefined && required !== undefined && stated !== required) {
    const lines =
      stated < required
        ? [`Your role needs ${requiredLabel}. ${label} does not count for it. Record ${label} anyway?`]
        : [`Your role needs ${requiredLabel}; ${label} covers it. Record ${label}?`];
    return sendCard(
      turn.context,
      levelQuestionCard(`Your role needs ${requiredLabel}`, lines, [
        { title: `Record ${label}`, subjectId, level: stated, ...said },
        { title: `It was ${requiredLabel}`, subjectId, level: required, ...said, style: 'positive' },
      ]),
    );
  }
  const topic = catalogue.topicFor(subjectId, level);
  if (topic && selfRecordableMethods(topic).length === 0) {
    const link = topic.link ? ` [How to complete it](${topic.link}).` : '';
    const ways = topic.methods.filter((m) => m !== 'transferred').map((m) => METHOD_NAMES[m]).join(' or ');
    return sendCard(turn.context, messageCard(`${label} is recorded by the learning platform`, [`It is completed as ${ways}, and shows up here by itself once done.${link}`]));
  }
  return showRecordForm(turn, { subjectId, level, ...said, ...dateNote });
}
