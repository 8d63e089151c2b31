import { z } from 'zod';
import { requestExemption, requestExtension } from '../../core/learning/approvals.js';
import { bringCertificate } from '../../core/learning/bring-certificate.js';
import type { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import { recordExpiry } from '../../core/learning/compliance.js';
import { recordCompletion, selfRecordableMethods } from '../../core/learning/record-completion.js';
import { COMPLETION_METHODS, type LearningRecord } from '../../core/learning/types.js';
import { whatsDue } from '../../core/learning/whats-due.js';
import { formatLocalDate, type LocalDate } from '../../core/time/local-date.js';
import type { ActionAnswer, MyLearningView, RecordView, RequestView } from '../shared/learning-api.js';
import { ApiError, notFound } from './api-error.js';
import { answerHttp } from './answer-http.js';
import { completionAnswer } from '../../core/learning/answers/completion-answer.js';
import { certificateAnswer } from '../../core/learning/answers/certificate-answer.js';
import { requestAnswer } from '../../core/learning/answers/request-answer.js';
import { todayInLondon } from '../../core/time/clock.js';
import { provenanceLine } from '../../core/passport/passport-messages.js';
import { approvalDeps, dateSchema, idSchema, nameReader } from './learning-context.js';
import type { TabRouteModule } from './register.js';
import { gzipJson } from './gzip-json.js';

/**
 * "My learning": the caller's own learning only (no route takes someone else's id), read with the
 * bot's "what's due" use case, and the bot's actions through the very same use cases.
 */
export function sourceLabel(record: LearningRecord): string {
  if (record.provenance) return provenanceLine(record.provenance, record.verification);
  switch (record.source.kind) {
    case 'esr':
      return 'Electronic Staff Record';
    case 'self':
      return 'Recorded by you';
    case 'manager':
      return 'Recorded by your manager';
    case 'admin':
      return 'Learning and development';
    case 'transferred':
      return `Certificate from ${record.source.employer}`;
  }
}

export function recordView(record: LearningRecord, catalogue: CatalogueIndex): RecordView {
  return {
    id: record.id,
    label: catalogue.topicLabel(record.subjectId, record.level),
    completedOn: record.completedOn,
    method: record.method,
    source: sourceLabel(record),
    verification: record.verification.state,
    ...(record.verification.state === 'rejected' ? { rejectedReason: record.verification.reason } : {}),
    expiresOn: recordExpiry(record, catalogue.topicFor(record.subjectId, record.level)?.renewalMonths ?? null),
    recordedAt: record.recordedAt,
  };
}

const completionBody = z.object({
  subjectId: idSchema,
  level: z.number().int().min(1).max(9).optional(),
  completedOn: dateSchema,
  method: z.enum(COMPLETION_METHODS),
});
const certificateBody = z.object({
  topicId: idSchema,
  completedOn: dateSchema,
  employer: z.string().trim().min(2, 'name the employer').max(200),
  reference: z.string().trim().max(200).optional(),
});
const extensionBody = z.object({ subjectId: idSchema, requestedDate: dateSchema, reason: z.string().max(500) });
const exemptionBody = z.object({ subjectId: idSchema, reason: z.string().max(1000) });

/** The earliest due date on or after today of anything not overdue or exempt; null when nothing is ahead. */
export function nextDueAfter(items: readonly { status: string; dueDate: LocalDate | null }[], today: LocalDate): LocalDate | null {
  let next: LocalDate | null = null;
  for (const item of items) {
    if (item.status === 'overdue' || item.status === 'exempt' || !item.dueDate || item.dueDate < today) continue;
    if (next === null || item.dueDate < next) next = item.dueDate;
  }
  return next;
}

export const registerLearningRoutes: TabRouteModule = (server, kit, context) => {
  const { services, config } = context;
  const learning = services.learning;
  const answerContext = async () => ({ catalogue: await learning.catalogue.current(), supportContact: config.supportContact, today: todayInLondon(learning.clock) });

  server.get(
    '/api/learning/me',
    gzipJson(),
    kit.route({}, async ({ caller }): Promise<MyLearningView> => {
      const due = await whatsDue(learning, caller.staffId);
      if (due.kind !== 'ok') throw notFound('You are not in the staff records.');
      const { catalogue, compliance, bundle } = due;
      const nameOf = nameReader(context);
      const items = compliance.items.map((item) => {
        const topic = catalogue.topicFor(item.subjectId, item.level);
        return {
          subjectId: item.subjectId,
          label: catalogue.topicLabel(item.subjectId, item.level),
          level: item.level,
          status: item.status,
          dueDate: item.dueDate,
          compliant: item.compliant,
          ...(item.record ? { heldRecord: { completedOn: item.record.completedOn, method: item.record.method, expiresOn: item.recordExpiresOn ?? null } } : {}),
          roles: item.roleIds.map((r) => catalogue.roleName(r)),
          ...(item.extension ? { extendedTo: item.extension.agreedDate } : {}),
          ...(item.absence ? { absence: { kind: item.absence.kind, ...(item.absence.returnDate ? { returnDate: item.absence.returnDate } : {}) } } : {}),
          ...(topic?.link ? { link: topic.link } : {}),
          recordable: topic ? selfRecordableMethods(topic) : [],
        };
      });
      const requests: RequestView[] = [];
      for (const e of bundle.extensions) {
        requests.push({
          kind: 'extension', id: e.id, subject: catalogue.subjectName(e.subjectId), state: e.state, requestedAt: e.requestedAt, reason: e.reason,
          currentDueDate: e.currentDueDate, requestedDate: e.requestedDate,
          ...(e.decidedBy ? { decidedBy: (await nameOf(e.decidedBy)) ?? e.decidedBy } : {}), ...(e.decidedAt ? { decidedAt: e.decidedAt } : {}), ...(e.comment ? { comment: e.comment } : {}),
        });
      }
      for (const e of bundle.exemptions) {
        requests.push({
          kind: 'exemption', id: e.id, subject: catalogue.subjectName(e.subjectId), state: e.state, requestedAt: e.requestedAt, reason: e.reason,
          ...(e.decidedBy ? { decidedBy: (await nameOf(e.decidedBy)) ?? e.decidedBy } : {}), ...(e.decidedAt ? { decidedAt: e.decidedAt } : {}), ...(e.comment ? { comment: e.comment } : {}),
        });
      }
      for (const r of bundle.records) {
        // Records a passport brought from a trusted issuer were verified on arrival: nobody was asked anything.
        if (r.source.kind !== 'transferred' || r.provenance?.verifiedOn) continue;
        const v = r.verification;
        requests.push({
          kind: 'evidence', id: r.id, subject: catalogue.topicLabel(r.subjectId, r.level), state: v.state, requestedAt: r.recordedAt,
          reason: `${r.provenance ? provenanceLine(r.provenance, r.verification) : `Certificate from ${r.source.employer}`}, completed ${formatLocalDate(r.completedOn)}`,
          ...(v.state !== 'pending' && v.by ? { decidedBy: (await nameOf(v.by)) ?? 'Learning and development' } : {}),
          ...(v.state === 'rejected' ? { comment: v.reason, decidedAt: v.on } : v.state === 'verified' && v.on ? { decidedAt: v.on } : {}),
        });
      }
      requests.sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
      return {
        name: due.person.name,
        asOf: compliance.asOf,
        roles: [...new Set(compliance.items.flatMap((i) => i.roleIds))].map((r) => catalogue.roleName(r)),
        // "Next due" is the next date still ahead: overdue items are counted as overdue, never shown as the next due date.
        summary: { ...compliance.summary, nextDueDate: nextDueAfter(compliance.items, compliance.asOf) },
        items,
        history: bundle.records.map((r) => recordView(r, catalogue)).sort((a, b) => b.completedOn.localeCompare(a.completedOn) || b.recordedAt.localeCompare(a.recordedAt)),
        requests,
        topics: catalogue.catalogue.topics
          .map((t) => ({ topicId: t.id, subjectId: t.subjectId, level: t.level, label: catalogue.topicLabel(t.subjectId, t.level) }))
          .sort((a, b) => a.label.localeCompare(b.label)),
        extensionMaxMonths: config.approvals.extensionMaxMonths,
      };
    }),
  );

  server.post(
    '/api/learning/me/completions',
    ...kit.json(),
    kit.route({ body: completionBody }, async ({ caller, body }): Promise<ActionAnswer> => {
      const outcome = await recordCompletion(learning, caller.staffId, { subjectId: body.subjectId, completedOn: body.completedOn as LocalDate, method: body.method, ...(body.level ? { level: body.level } : {}) });
      return answerHttp(completionAnswer(outcome, await answerContext(), { method: body.method }));
    }),
  );

  server.post(
    '/api/learning/me/certificates',
    ...kit.json(),
    kit.route({ body: certificateBody }, async ({ caller, body }): Promise<ActionAnswer> => {
      const catalogue = await learning.catalogue.current();
      const topic = catalogue.topic(body.topicId);
      if (!topic) throw new ApiError(422, 'unknown-topic', 'That topic is not in the catalogue. Nothing was saved.');
      const outcome = await bringCertificate(learning, caller.staffId, {
        subjectId: topic.subjectId,
        level: topic.level,
        completedOn: body.completedOn as LocalDate,
        employer: body.employer,
        ...(body.reference ? { reference: body.reference } : {}),
      });
      return answerHttp(certificateAnswer(outcome, await answerContext(), { employer: body.employer, completedOn: body.completedOn as LocalDate, topicLabel: catalogue.topicLabel(topic.subjectId, topic.level) }));
    }),
  );

  server.post(
    '/api/learning/me/extensions',
    ...kit.json(),
    kit.route({ body: extensionBody }, async ({ caller, body }): Promise<ActionAnswer> => {
      const catalogue = await learning.catalogue.current();
      const outcome = await requestExtension(approvalDeps(context), caller.staffId, { subjectId: body.subjectId, requestedDate: body.requestedDate as LocalDate, reason: body.reason });
      const told = outcome.kind === 'requested' ? await context.notices.requestSent('extension', caller.staffId, outcome.request, outcome.approvers) : [];
      return { ...answerHttp(requestAnswer('extension', outcome, catalogue.subjectName(body.subjectId), config.supportContact, told)), notified: told };
    }),
  );

  server.post(
    '/api/learning/me/exemptions',
    ...kit.json(),
    kit.route({ body: exemptionBody }, async ({ caller, body }): Promise<ActionAnswer> => {
      const catalogue = await learning.catalogue.current();
      const outcome = await requestExemption(approvalDeps(context), caller.staffId, body);
      const told = outcome.kind === 'requested' ? await context.notices.requestSent('exemption', caller.staffId, outcome.request, outcome.approvers) : [];
      return { ...answerHttp(requestAnswer('exemption', outcome, catalogue.subjectName(body.subjectId), config.supportContact, told)), notified: told };
    }),
  );
};
