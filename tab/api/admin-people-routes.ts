import type { Server } from 'restify';
import { z } from 'zod';
import { updatePerson, type PersonChange } from '../../core/learning/update-person.js';
import { ABSENCE_KINDS, type Person } from '../../core/people/types.js';
import type { PersonAdminView, PersonHit } from '../shared/admin-api.js';
import { ApiError, forbidden, notFound } from './api-error.js';
import { invalid, requireCapability } from './admin-shared.js';
import { dateSchema, idSchema } from './learning-context.js';
import type { TabApiContext } from './register.js';
import type { RouteKit } from './route-kit.js';

const roles = z.array(z.object({ roleId: z.string().max(80), start: dateSchema, end: dateSchema.optional(), assignment: z.string().max(40).optional() })).max(20);
const managerIds = z.array(idSchema).max(10);
const absences = z.array(z.object({ from: dateSchema, to: dateSchema.optional(), kind: z.enum(ABSENCE_KINDS) })).max(100);
const changeBody = z.object({
  roles: roles.optional(),
  managerIds: managerIds.optional(),
  absences: absences.optional(),
  basedOn: z.object({ roles: roles.optional(), managerIds: managerIds.optional(), absences: absences.optional() }).optional(),
});

/** Drops undefined optional fields so a stored value and a sent one compare equal when they mean the same. */
const tidy = <T extends object>(list: T[] | undefined): T[] | undefined => list?.map((item) => Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined)) as T);

async function view(context: TabApiContext, person: Person): Promise<PersonAdminView> {
  const catalogue = await context.services.learning.catalogue.current();
  const managers = await Promise.all(person.managerIds.map(async (id) => ({ staffId: id, name: (await context.services.staff.getPerson(id))?.name ?? id })));
  return {
    staffId: person.id,
    name: person.name,
    orgUnit: person.orgUnit,
    staffGroup: person.staffGroup,
    category: person.category,
    startDate: person.startDate,
    roles: person.roles,
    managerIds: person.managerIds,
    managers,
    absences: person.absences,
    roleOptions: catalogue.catalogue.roles.map((r) => ({ id: r.id, name: r.name })).sort((a, b) => a.name.localeCompare(b.name)),
    absenceKinds: [...ABSENCE_KINDS],
  };
}

/**
 * People: find someone, and change their roles, line managers and absences through the one use
 * case that also moves the team and directory indexes and recomputes their summary.
 */
export function registerPeopleRoutes(server: Server, kit: RouteKit, context: TabApiContext): void {
  const { services } = context;

  server.get(
    '/api/admin/people',
    kit.route({ query: z.object({ q: z.string().trim().min(2, 'type at least 2 characters').max(80) }) }, async ({ caller, query }): Promise<{ people: PersonHit[] }> => {
      requireCapability(caller, 'people.administer');
      const q = query.q.toLowerCase();
      // An exact staff id is one point read; a name search reads the compact summary rows (16 shards in parallel).
      const exact = /^[A-Za-z0-9_-]{1,40}$/.test(query.q) ? await services.staff.getPerson(query.q) : undefined;
      if (exact) return { people: [{ staffId: exact.id, name: exact.name, orgUnit: exact.orgUnit, staffGroup: exact.staffGroup }] };
      const hits = (await services.summaries.listAll())
        .filter((s) => s.name.toLowerCase().includes(q) || s.staffId.toLowerCase() === q)
        .sort((a, b) => a.name.localeCompare(b.name))
        .slice(0, 50)
        .map((s) => ({ staffId: s.staffId, name: s.name, orgUnit: s.orgUnit, staffGroup: s.staffGroup }));
      return { people: hits };
    }),
  );

  server.get(
    '/api/admin/people/:staffId',
    kit.route({ params: z.object({ staffId: idSchema }) }, async ({ caller, params }) => {
      requireCapability(caller, 'people.administer');
      const person = await services.staff.getPerson(params.staffId);
      if (!person) throw notFound('Nobody with that staff id.');
      return view(context, person);
    }),
  );

  server.put(
    '/api/admin/people/:staffId',
    ...kit.json(),
    kit.route({ params: z.object({ staffId: idSchema }), body: changeBody }, async ({ caller, params, body }) => {
      requireCapability(caller, 'people.administer');
      const change = { ...(body.roles ? { roles: tidy(body.roles) } : {}), ...(body.managerIds ? { managerIds: body.managerIds } : {}), ...(body.absences ? { absences: tidy(body.absences) } : {}) } as PersonChange;
      const basedOn = body.basedOn
        ? ({ ...(body.basedOn.roles ? { roles: tidy(body.basedOn.roles) } : {}), ...(body.basedOn.managerIds ? { managerIds: body.basedOn.managerIds } : {}), ...(body.basedOn.absences ? { absences: tidy(body.basedOn.absences) } : {}) } as PersonChange)
        : undefined;
      const deps = { ...services.learning, teams: services.teams, directory: services.directory };
      const outcome = await updatePerson(deps, caller.person, params.staffId, change, basedOn);
      switch (outcome.kind) {
        case 'updated':
          return { person: await view(context, outcome.person), message: `${outcome.person.name}: saved. Their learning, their managers' teams and the reports follow from now.` };
        case 'unchanged':
          return { person: await view(context, outcome.person), message: 'Nothing had changed.' };
        case 'conflict':
          throw new ApiError(409, 'conflict', `Someone changed ${outcome.fields.join(', ')} for ${outcome.person.name} since you opened it. Nothing was saved: look again and redo your change.`, { person: await view(context, outcome.person) });
        case 'invalid':
          throw invalid(outcome.problems);
        case 'forbidden':
          throw forbidden(outcome.reason === 'own-record' ? 'Another administrator must change your own record.' : 'Only learning and development administrators can do this.');
        case 'not-found':
          throw notFound('Nobody with that staff id.');
      }
    }),
  );
}
