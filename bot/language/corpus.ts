import { z } from 'zod';
import { isLocalDate, type LocalDate } from '../../core/time/local-date.js';
import roster from './corpus/roster.json' with { type: 'json' };
import shortNames from './corpus/short-names.json' with { type: 'json' };
import train from './corpus/train.json' with { type: 'json' };
import { CLASS_LABELS, REQUEST_KINDS, TEAM_STATUSES, type ClassLabel, type NamedPerson } from './intents.js';

/**
 * The project's own language corpus (data in bot/language/corpus/): utterances as staff write them,
 * each with its intent and the slots it states. Checked on load, so a mistyped entry stops start-up
 * with its text instead of training a model on it.
 */
const subject = z.string().regex(/^[a-z0-9][a-z0-9-]*(?::\d)?$/, 'a subject is "id" or "id:level"');
const utterance = z
  .object({
    intent: z.enum(CLASS_LABELS as [ClassLabel, ...ClassLabel[]]),
    text: z.string().min(1).max(1000),
    subjects: z.array(subject).optional(),
    date: z.string().refine(isLocalDate, 'not a date').optional(),
    duration: z.string().regex(/^P\d+[DWM]$/).optional(),
    person: z.string().optional(),
    status: z.enum(TEAM_STATUSES).optional(),
    method: z.string().optional(),
    absence: z.string().optional(),
    requestKind: z.enum(REQUEST_KINDS).optional(),
  })
  .strict();

const corpusFile = z.object({ $comment: z.string(), today: z.string().refine(isLocalDate), utterances: z.array(utterance).min(1) }).strict();

export type CorpusUtterance = z.infer<typeof utterance>;
export interface Corpus {
  today: LocalDate;
  utterances: CorpusUtterance[];
}

export function readCorpus(data: unknown, name: string): Corpus {
  const parsed = corpusFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`The ${name} corpus is not right at ${issue.path.join('.')}: ${issue.message}`);
  }
  return { today: parsed.data.today as LocalDate, utterances: parsed.data.utterances };
}

/** The training split: the only utterances a model learns from. */
export function trainingCorpus(): Corpus {
  return readCorpus(train, 'training');
}

/** The team the corpus's manager utterances are read against. */
export const CORPUS_ROSTER: readonly NamedPerson[] = z.object({ team: z.array(z.object({ staffId: z.string(), name: z.string() })) }).parse(roster).team;

/** First name → its common short forms ("elizabeth" → "liz", "beth"…). */
export const SHORT_NAMES: Readonly<Record<string, readonly string[]>> = z.object({ forms: z.record(z.array(z.string())) }).parse(shortNames).forms;
