import type { Logger } from 'pino';
import type { CatalogueSource } from '../core/learning/ports.js';
import type { TeamLookup } from '../core/learning/team.js';
import type { Clock } from '../core/time/clock.js';
import { todayInLondon } from '../core/time/clock.js';
import { commandIn } from './language/commands.js';
import { presentationIn } from './language/passport-presented.js';
import type { Intent, NamedPerson, Reading, Understanding } from './language/intents.js';
import type { LanguageModel } from './language/language-model.js';

/** Reads a person's message for the bot: with their catalogue, today's date and, only when needed, their team. */
export interface MessageReader {
  read(staffId: string, text: string): Promise<Understanding>;
  readAs(staffId: string, intent: Intent, text: string): Promise<Reading>;
  /** The asker's team, for buttons that name one of its members. */
  team(staffId: string): Promise<readonly NamedPerson[]>;
}

export interface MessageReaderDeps {
  model: Promise<LanguageModel>;
  catalogue: CatalogueSource;
  clock: Clock;
  teams: Pick<TeamLookup, 'listTeam'>;
  logger: Logger;
}

export function createMessageReader(deps: MessageReaderDeps): MessageReader {
  const context = async () => {
    const catalogue = await deps.catalogue.current();
    return { subjects: catalogue.catalogue.subjects, topics: catalogue.catalogue.topics, today: todayInLondon(deps.clock) };
  };
  // One team read at most per message, and none unless the message may name someone.
  const teamOf = (staffId: string) => {
    let team: Promise<readonly NamedPerson[]> | undefined;
    return () => (team ??= deps.teams.listTeam(staffId));
  };
  return {
    read: async (staffId, text) => {
      // An exact command, or a passport pasted in, needs neither the catalogue nor the team.
      const command = commandIn(text) ?? presentationIn(text);
      if (command) return { kind: 'understood', confidence: 1, ...command };
      const [model, ctx] = await Promise.all([deps.model, context()]);
      return model.understand(text, ctx, teamOf(staffId));
    },
    readAs: async (staffId, intent, text) => {
      const [model, ctx] = await Promise.all([deps.model, context()]);
      return model.readAs(intent, text, ctx, teamOf(staffId));
    },
    team: (staffId) => deps.teams.listTeam(staffId),
  };
}
