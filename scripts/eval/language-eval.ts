import type { ReadingContext } from '../../bot/language/analyse.js';
import { CORPUS_ROSTER, type Corpus, type CorpusUtterance } from '../../bot/language/corpus.js';
import { durationText } from '../../bot/language/find-dates.js';
import type { Reading, Understanding } from '../../bot/language/intents.js';
import type { LanguageModel } from '../../bot/language/language-model.js';
import { defaultCatalogue } from '../../core/learning/default-matrix.js';

/** How one utterance came out: right, asked (a clarifying card), not understood, or confidently wrong. */
export type Outcome = 'right' | 'asked' | 'not-understood' | 'wrong';

export const SLOT_TYPES = ['subjects', 'date', 'duration', 'person', 'status', 'method', 'absence', 'requestKind'] as const;
export type SlotType = (typeof SLOT_TYPES)[number];

export interface UtteranceResult {
  utterance: CorpusUtterance;
  understanding: Understanding;
  outcome: Outcome;
  /** What the bot took it as: an intent, "clarify", or "unknown". */
  got: string;
  /** Slot types stated (or read) and whether they came out right, when the intent was right. */
  slots: Partial<Record<SlotType, boolean>>;
  wrongSlots: string[];
}

export interface EvaluationReport {
  results: UtteranceResult[];
  total: number;
  right: number;
  wrong: number;
  asked: number;
  notUnderstood: number;
  /** Utterances whose intent came out right (for `none`: not acted on). */
  intentRight: number;
  slotAccuracy: Record<SlotType, { right: number; total: number }>;
  confusions: Array<{ expected: string; got: string; count: number }>;
  /** Milliseconds per utterance, mean. */
  meanMs: number;
}

const rosterIds = new Map(CORPUS_ROSTER.map((p) => [p.name, p.staffId]));

function expectedSlot(u: CorpusUtterance, type: SlotType): string | undefined {
  switch (type) {
    case 'subjects':
      return u.subjects ? [...u.subjects].sort().join(',') : undefined;
    case 'person':
      return u.person === undefined ? undefined : rosterIds.has(u.person) ? `member:${rosterIds.get(u.person)}` : 'outside';
    default:
      return u[type];
  }
}

function readSlot(reading: Reading, type: SlotType): string | undefined {
  const s = reading.slots;
  switch (type) {
    case 'subjects':
      return s.subjects.length === 0 ? undefined : s.subjects.map((m) => (m.level === undefined ? m.subjectId : `${m.subjectId}:${m.level}`)).sort().join(',');
    case 'date':
      return s.date;
    case 'duration':
      return s.duration ? durationText(s.duration) : undefined;
    case 'person':
      return s.person === undefined ? undefined : s.person.kind === 'member' ? `member:${s.person.staffId}` : s.person.kind;
    case 'status':
      return s.status;
    case 'method':
      return s.method;
    case 'absence':
      return s.absence;
    case 'requestKind':
      return s.requestKind;
  }
}

export function judge(u: CorpusUtterance, understanding: Understanding): UtteranceResult {
  const base = { utterance: u, understanding, slots: {}, wrongSlots: [] as string[] };
  if (understanding.kind === 'unknown') return { ...base, outcome: u.intent === 'none' ? 'right' : 'not-understood', got: 'unknown' };
  if (understanding.kind === 'clarify') return { ...base, outcome: 'asked', got: `clarify(${understanding.readings.map((r) => r.intent).join('|')})` };
  if (u.intent === 'none' || understanding.intent !== u.intent) return { ...base, outcome: 'wrong', got: understanding.intent };
  const slots: Partial<Record<SlotType, boolean>> = {};
  const wrongSlots: string[] = [];
  for (const type of SLOT_TYPES) {
    const expected = expectedSlot(u, type);
    const got = readSlot(understanding, type);
    if (expected === undefined && got === undefined) continue;
    slots[type] = expected === got;
    if (expected !== got) wrongSlots.push(`${type}: expected ${expected ?? '(none)'}, got ${got ?? '(none)'}`);
  }
  return { ...base, slots, wrongSlots, outcome: wrongSlots.length === 0 ? 'right' : 'wrong', got: understanding.intent };
}

/** The corpus's own context: the shipped catalogue, the corpus's day, and its roster as the asker's team. */
export function corpusContext(corpus: Corpus): ReadingContext {
  const { subjects, topics } = defaultCatalogue();
  return { subjects, topics, today: corpus.today };
}

export async function evaluate(model: LanguageModel, corpus: Corpus): Promise<EvaluationReport> {
  const context = corpusContext(corpus);
  const team = async () => CORPUS_ROSTER;
  const results: UtteranceResult[] = [];
  const started = performance.now();
  for (const u of corpus.utterances) results.push(judge(u, await model.understand(u.text, context, team)));
  const meanMs = (performance.now() - started) / corpus.utterances.length;
  const slotAccuracy = Object.fromEntries(SLOT_TYPES.map((t) => [t, { right: 0, total: 0 }])) as EvaluationReport['slotAccuracy'];
  for (const r of results) {
    for (const [type, ok] of Object.entries(r.slots) as [SlotType, boolean][]) {
      slotAccuracy[type].total++;
      if (ok) slotAccuracy[type].right++;
    }
  }
  const confusionCounts = new Map<string, number>();
  for (const r of results) {
    if (r.outcome === 'right') continue;
    const got = r.outcome === 'wrong' && r.got === r.utterance.intent ? `${r.got} (slots)` : r.got;
    const key = `${r.utterance.intent}\u0000${got}`;
    confusionCounts.set(key, (confusionCounts.get(key) ?? 0) + 1);
  }
  const confusions = [...confusionCounts]
    .map(([key, count]) => {
      const [expected, got] = key.split('\u0000') as [string, string];
      return { expected, got, count };
    })
    .sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected));
  const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
  const intentRight = results.filter((r) => (r.utterance.intent === 'none' ? r.outcome === 'right' : r.got === r.utterance.intent)).length;
  return { results, total: results.length, right: count('right'), wrong: count('wrong'), asked: count('asked'), notUnderstood: count('not-understood'), intentRight, slotAccuracy, confusions, meanMs };
}

const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)} %`);

export function formatReport(name: string, report: EvaluationReport, trainMs: number): string {
  const lines = [
    `== ${name}`,
    `trained in ${trainMs.toFixed(0)} ms; ${report.meanMs.toFixed(2)} ms an utterance`,
    `fully right (intent and every stated slot): ${report.right} / ${report.total} = ${pct(report.right, report.total)}   (goal ≥ 95 %)`,
    `confidently wrong: ${report.wrong}   (goal 0)    asked (clarifying card): ${report.asked}    not understood: ${report.notUnderstood}`,
    `intent accuracy: ${report.intentRight} / ${report.total} = ${pct(report.intentRight, report.total)}`,
    `slot accuracy (where the intent was right):`,
    ...SLOT_TYPES.map((t) => `  ${t.padEnd(12)} ${String(report.slotAccuracy[t].right).padStart(3)} / ${String(report.slotAccuracy[t].total).padEnd(3)} ${pct(report.slotAccuracy[t].right, report.slotAccuracy[t].total)}`),
    `confusion pairs (expected → got):`,
    ...(report.confusions.length === 0 ? ['  none'] : report.confusions.map((c) => `  ${c.expected} → ${c.got}: ${c.count}`)),
  ];
  return lines.join('\n');
}

export function formatMisses(report: EvaluationReport): string {
  return report.results
    .filter((r) => r.outcome !== 'right')
    .map((r) => `  [${r.outcome}] ${r.utterance.intent} → ${r.got}${r.wrongSlots.length ? ` (${r.wrongSlots.join('; ')})` : ''}: ${JSON.stringify(r.utterance.text)}`)
    .join('\n');
}
