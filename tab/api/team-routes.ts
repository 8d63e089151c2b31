import { z } from 'zod';
import { mayDecide } from '../../core/learning/approvals.js';
import { recordDidNotAttend } from '../../core/learning/team.js';
import { matrixRow } from '../../core/learning/team-matrix.js';
import { provenanceLine } from '../../core/passport/passport-messages.js';
import { todayInLondon } from '../../core/time/clock.js';
import type { LocalDate } from '../../core/time/local-date.js';
import type { ActionAnswer, DecisionAnswer, DnaView, PendingExtensionView, TeamMemberView, TeamView } from '../shared/learning-api.js';
import { forbidden } from './api-error.js';
import { answerHttp } from './answer-http.js';
import { dnaAnswer } from '../../core/learning/answers/dna-answer.js';
import { decideFromTab } from './decide-from-tab.js';
import { approvalDeps, dateSchema, idSchema, nameReader, uuidSchema } from './learning-context.js';
import type { TabRouteModule } from './register.js';
import { gzipJson } from './gzip-json.js';

const decisionBody = z.object({ decision: z.enum(['approve', 'decline']), comment: z.string().max(500).optional() });
const dnaBody = z.object({ staffId: idSchema, subjectId: idSchema, sessionDate: dateSchema, reason: z.string().trim().min(2, 'give the reason').max(500), plan: z.string().max(500).optional() });

/**
 * The manager's view: only the people the team index says they manage (one partition query), each
 * read whole (one point read a person) so the matrix is live: a matrix change or a decision shows at once.
 */
export const registerTeamRoutes: TabRouteModule = (server, kit, context) => {
  const { services } = context;
  const learning = services.learning;

  server.get(
    '/api/team',
    gzipJson(),
    kit.route({}, async ({ caller }): Promise<TeamView> => {
      const today = todayInLondon(learning.clock);
      const [members, catalogue] = await Promise.all([services.teams.listTeam(caller.staffId), learning.catalogue.current()]);
      const bundles = (await Promise.all(members.map((m) => learning.staff.getBundle(m.staffId)))).filter((b) => b !== undefined);
      const deps = approvalDeps(context);
      const nameOf = nameReader(context);
      const rows: TeamMemberView[] = [];
      const pending: PendingExtensionView[] = [];
      const dna: DnaView[] = [];
      const subjectIds = new Set<string>();
      for (const bundle of bundles) {
        const { person } = bundle;
        const { compliance, cells } = matrixRow({ ...bundle, catalogue, today, rules: learning.rules });
        for (const cell of cells) subjectIds.add(cell.subjectId);
        rows.push({
          staffId: person.id,
          name: person.name,
          orgUnit: person.orgUnit,
          staffGroup: person.staffGroup,
          roles: [...new Set(compliance.items.flatMap((i) => i.roleIds))].map((r) => catalogue.roleName(r)),
          percent: compliance.summary.percent,
          overdue: compliance.summary.overdue,
          away: person.absences.some((a) => a.from <= today && (a.to === undefined || a.to >= today)),
          // A cell held by a record that came in a learning passport carries where it came from (the marker).
          cells: cells.map((cell) => {
            const record = cell.heldUntil !== undefined ? compliance.items.find((i) => i.subjectId === cell.subjectId && i.level === cell.level)?.record : undefined;
            return record?.provenance ? { ...cell, source: provenanceLine(record.provenance, record.verification) } : cell;
          }),
        });
        // The index may lag a change of manager: the stored person decides who may decide.
        const decides = (await mayDecide(deps, 'extension', person, caller.person)) === 'yes';
        for (const request of bundle.extensions) {
          if (request.state !== 'pending' || !decides) continue;
          pending.push({
            requestId: request.id, learnerId: person.id, learnerName: person.name, subject: catalogue.subjectName(request.subjectId),
            currentDueDate: request.currentDueDate, requestedDate: request.requestedDate, reason: request.reason, requestedAt: request.requestedAt,
          });
        }
        for (const record of bundle.dnaRecords) {
          dna.push({
            id: record.id, learnerId: person.id, learnerName: person.name, subject: catalogue.subjectName(record.subjectId), sessionDate: record.sessionDate,
            reason: record.reason, ...(record.plan ? { plan: record.plan } : {}), recordedBy: (await nameOf(record.recordedBy)) ?? record.recordedBy, recordedAt: record.recordedAt,
          });
        }
      }
      const subjects = catalogue.catalogue.subjects.filter((s) => subjectIds.has(s.id)).map((s) => ({ id: s.id, name: s.name }));
      rows.sort((a, b) => b.overdue - a.overdue || a.percent - b.percent || a.name.localeCompare(b.name));
      pending.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
      dna.sort((a, b) => b.sessionDate.localeCompare(a.sessionDate));
      return { asOf: today, subjects, members: rows, pending, dna };
    }),
  );

  server.post(
    '/api/team/extensions/:learnerId/:requestId/decision',
    ...kit.json(),
    kit.route({ params: z.object({ learnerId: idSchema, requestId: uuidSchema }), body: decisionBody }, async ({ caller, params, body }): Promise<DecisionAnswer> =>
      decideFromTab(context, 'extension', caller, params, body.decision, body.comment),
    ),
  );

  server.post(
    '/api/team/dna',
    ...kit.json(),
    kit.route({ body: dnaBody }, async ({ caller, body }): Promise<ActionAnswer> => {
      if (body.staffId === caller.staffId) throw forbidden('You cannot record your own non-attendance.');
      const outcome = await recordDidNotAttend({ ...learning, teams: services.teams }, caller.staffId, { ...body, sessionDate: body.sessionDate as LocalDate });
      const catalogue = await learning.catalogue.current();
      return answerHttp(dnaAnswer(outcome, { subject: catalogue.subjectName(body.subjectId), sessionDate: body.sessionDate as LocalDate }));
    }),
  );
};
