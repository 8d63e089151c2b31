import { defaultCatalogue } from '../../core/learning/default-matrix.js';
import { analyse, type Analysis, type ReadingContext, type Vocabulary } from './analyse.js';
import { commandIn } from './commands.js';
import { CORPUS_ROSTER, SHORT_NAMES, trainingCorpus, type Corpus } from './corpus.js';
import { decide, DEFAULT_THRESHOLDS, type Thresholds } from './decide.js';
import { loadEnglishWords } from './english-words.js';
import { DateReader } from './find-dates.js';
import { personIndex } from './find-people.js';
import type { IntentClassifier, TrainingExample } from './intent-classifier.js';
import type { ClassLabel, Intent, NamedPerson, Reading, Understanding } from './intents.js';
import { tokensOf } from './message-tokens.js';
import { presentationIn } from './passport-presented.js';
import { NlpjsClassifier } from './nlpjs-classifier.js';
import { namesSomeone, readSlots } from './read-slots.js';

/** Intents answered from the asker's own record: a question naming someone else is never one of them. */
const OWN_RECORD: ReadonlySet<Intent> = new Set(['whats-due', 'subject-status', 'team', 'team-percentage']);
const ABOUT_PEOPLE: ReadonlySet<ClassLabel> = new Set(['person-status', 'did-not-attend']);
const MAY_NAME_SOMEONE: ReadonlySet<ClassLabel> = new Set(['whats-due', 'subject-status', 'team', 'team-percentage', 'request-status']);

/** Who the asker may ask about, fetched only when a message may name someone. */
export type TeamSource = () => Promise<readonly NamedPerson[]>;

const NOBODY: TeamSource = async () => [];

export interface LanguageModelOptions {
  classifier?: IntentClassifier;
  corpus?: Corpus;
  /** The corpus already read (`corpus/train-features.json`), so start-up need not read 1,500 utterances again. */
  features?: readonly TrainingExample[];
  thresholds?: Thresholds;
}

/**
 * Each training utterance as the classifier reads it: read exactly as a message is at run time
 * (same dates, catalogue, spelling, names), with the corpus's day, the shipped catalogue and the
 * corpus roster as the team.
 */
export function trainingExamples(corpus: Corpus, vocabulary: Vocabulary): TrainingExample[] {
  const { subjects, topics } = defaultCatalogue();
  const context: ReadingContext = { subjects, topics, today: corpus.today };
  const team = personIndex(CORPUS_ROSTER, SHORT_NAMES);
  return corpus.utterances.map((u) => ({ features: analyse(u.text, context, vocabulary, team).features, label: u.intent }));
}

/** The words of the training corpus that misspellings may be corrected to; names never are. */
function corpusVocabulary(corpus: Corpus): Set<string> {
  const names = new Set<string>();
  for (const person of CORPUS_ROSTER) for (const t of tokensOf(person.name)) names.add(t.word);
  for (const [long, shorts] of Object.entries(SHORT_NAMES)) [long, ...shorts].forEach((n) => names.add(n));
  for (const u of corpus.utterances) if (u.person) for (const t of tokensOf(u.person)) names.add(t.word);
  const words = new Set<string>();
  for (const u of corpus.utterances) for (const t of tokensOf(u.text)) if (/^\p{L}{2,}$/u.test(t.word) && !names.has(t.word)) words.add(t.word);
  return words;
}

/** Applies the rules that keep a reading honest: a stated subject or person is never dropped. */
function honest(intent: Intent, analysis: Analysis): Intent {
  if (OWN_RECORD.has(intent) && namesSomeone(analysis)) return 'person-status';
  if (intent === 'whats-due' && analysis.subjects.mentions.length > 0) return 'subject-status';
  return intent;
}

/**
 * The bot's understanding of a message: dates and durations (Recognizers-Text, en-GB), subjects and
 * levels (the catalogue's names and aliases), people (only the asker's team), and the intent, from
 * a classifier trained on the corpus's training split when the model is made (at start-up, once).
 */
export class LanguageModel {
  private constructor(
    private readonly classifier: IntentClassifier,
    private readonly vocabulary: Vocabulary,
    private readonly thresholds: Thresholds,
  ) {}

  static async train(options: LanguageModelOptions = {}): Promise<LanguageModel> {
    const corpus = options.corpus ?? trainingCorpus();
    const classifier = options.classifier ?? new NlpjsClassifier();
    const vocabulary = LanguageModel.vocabularyFor(corpus);
    await classifier.train(options.features ?? trainingExamples(corpus, vocabulary));
    return new LanguageModel(classifier, vocabulary, options.thresholds ?? DEFAULT_THRESHOLDS);
  }

  /** What the model reads messages with: the date reader (compiled now, not on the first message), the corpus's words, English words. */
  static vocabularyFor(corpus: Corpus): Vocabulary {
    const dates = new DateReader();
    dates.warm(corpus.today);
    return { dates, corpusWords: corpusVocabulary(corpus), english: loadEnglishWords() };
  }

  /** The same trained model, deciding with other thresholds (for tuning them on the training split). */
  withThresholds(thresholds: Thresholds): LanguageModel {
    return new LanguageModel(this.classifier, this.vocabulary, thresholds);
  }

  get classifierName(): string {
    return this.classifier.name;
  }

  /** The message read, with the team looked at only when it may name someone. */
  private async read(text: string, context: ReadingContext, team: TeamSource, likely?: ClassLabel): Promise<{ analysis: Analysis; scores: Awaited<ReturnType<IntentClassifier['classify']>> }> {
    let analysis = analyse(text, context, this.vocabulary);
    let scores = likely ? [{ label: likely, score: 1 }] : await this.classifier.classify(analysis.features);
    const top = scores[0]?.label ?? 'none';
    const mayName = ABOUT_PEOPLE.has(top) || analysis.names.length > 0 || (analysis.unknown > 0 && MAY_NAME_SOMEONE.has(top));
    if (mayName) {
      const people = await team();
      if (people.length > 0) {
        analysis = analyse(text, context, this.vocabulary, personIndex(people, SHORT_NAMES));
        if (!likely) scores = await this.classifier.classify(analysis.features);
      }
    }
    return { analysis, scores };
  }

  async understand(text: string, context: ReadingContext, team: TeamSource = NOBODY): Promise<Understanding> {
    const command = commandIn(text) ?? presentationIn(text);
    if (command) return { kind: 'understood', confidence: 1, ...command };
    const { analysis, scores } = await this.read(text, context, team);
    if (analysis.tokens.length === 0) return { kind: 'understood', confidence: 1, intent: 'help', slots: { subjects: [] } };
    const decision = decide(scores, this.thresholds);
    const reading = (intent: Intent): Reading => {
      const honestIntent = honest(intent, analysis);
      return { intent: honestIntent, slots: readSlots(honestIntent, analysis, context.today) };
    };
    if (decision.kind === 'unknown') return decision;
    if (decision.kind === 'understood') return { kind: 'understood', confidence: decision.confidence, ...reading(decision.intent) };
    const readings = [...new Map(decision.intents.map((i) => reading(i)).map((r) => [r.intent, r])).values()];
    // Two likely intents that honest reading turns into one (a due-date question naming a subject) agree.
    if (readings.length === 1 && decision.intents.length > 1) return { kind: 'understood', confidence: decision.confidence, ...readings[0]! };
    return { kind: 'clarify', readings };
  }

  /** A message read as a given intent (the learner chose it from a clarifying card). */
  async readAs(intent: Intent, text: string, context: ReadingContext, team: TeamSource = NOBODY): Promise<Reading> {
    const { analysis } = await this.read(text, context, team, intent);
    return { intent, slots: readSlots(intent, analysis, context.today) };
  }
}
