import { whatsDue } from '../../core/learning/whats-due.js';
import { METHOD_NAMES } from '../cards/record-form-card.js';
import { messageCard, notFoundCard } from '../cards/message-card.js';
import { whereToDoCard, type WhereLine } from '../cards/where-to-do-card.js';
import type { Slots } from '../language/intents.js';
import type { LearnerTurn } from '../learner-turn.js';
import { sendCard } from '../send-card.js';

/** "Where do I do my IG training?": the catalogue's link for the level the learner needs (or named), and how it is done. */
export async function showWhereToDo(turn: LearnerTurn, slots: Slots): Promise<void> {
  const due = await whatsDue(turn.services.learning, turn.staffId);
  if (due.kind !== 'ok') return sendCard(turn.context, notFoundCard(turn.services.supportContact));
  const { catalogue, compliance } = due;
  // Nothing named: what needs doing now.
  const asked: Slots['subjects'] = slots.subjects.length > 0 ? slots.subjects : compliance.items.filter((i) => !i.compliant && i.status !== 'exempt').map((i) => ({ subjectId: i.subjectId }));
  const lines: WhereLine[] = [];
  for (const mention of asked) {
    const item = compliance.items.find((i) => i.subjectId === mention.subjectId);
    const level = mention.level ?? item?.level ?? catalogue.levelsOf(mention.subjectId)[0]?.level;
    const topic = level === undefined ? undefined : catalogue.topicFor(mention.subjectId, level);
    if (!topic) continue;
    const ways = topic.methods.filter((m) => m !== 'transferred').map((m) => METHOD_NAMES[m]);
    lines.push({
      label: catalogue.topicLabel(topic.subjectId, topic.level),
      ways: ways.length > 0 ? ways.join(' or ') : 'a certificate from a previous employer',
      ...(topic.link ? { link: topic.link } : {}),
      note: item ? `Your roles need ${catalogue.topicLabel(item.subjectId, item.level)}.` : 'Not required by your current roles.',
    });
  }
  if (lines.length === 0) {
    return sendCard(turn.context, messageCard('Nothing to do just now', ['All your learning is in date. Name a topic to find its course, for example **where do I do fire safety**.']));
  }
  await sendCard(turn.context, whereToDoCard(lines, turn.services.supportContact));
}
