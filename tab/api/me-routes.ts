import { z } from 'zod';
import { DEMO_NAMED_PEOPLE } from '../../core/demo/named-people.js';
import { forbidden } from './api-error.js';
import type { RouteKit } from './route-kit.js';
import type { Server } from 'restify';
import type { TeamRepository } from '../../core/storage/team-repository.js';

/** Who am I (and what may I see), and, in development mode only, the demo people the standalone tab can act as. */
export function registerMeRoutes(server: Server, kit: RouteKit, deps: { mode: 'development' | 'production'; teams: Pick<TeamRepository, 'listTeam'> }): void {
  server.get(
    '/api/me',
    kit.route({}, async ({ caller }) => {
      const team = await deps.teams.listTeam(caller.staffId);
      const { person } = caller;
      return {
        staffId: person.id,
        name: person.name,
        orgUnit: person.orgUnit,
        staffGroup: person.staffGroup,
        permissions: person.permissions ?? [],
        manages: team.length,
        via: caller.via,
      };
    }),
  );

  server.get(
    '/api/dev/people',
    kit.route({ anonymous: true, query: z.object({}).passthrough() }, async () => {
      if (deps.mode !== 'development') throw forbidden('Demo identities exist only in development mode.');
      return {
        people: DEMO_NAMED_PEOPLE.map((p) => ({ staffId: p.id, name: p.name, situation: p.situation, permissions: p.permissions ?? [] })),
      };
    }),
  );
}
