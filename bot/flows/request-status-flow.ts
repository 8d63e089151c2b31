import type { ExemptionRequest, ExtensionRequest } from '../../core/learning/types.js';
import { formatLocalDate, formatMoment } from '../../core/time/local-date.js';
import { notFoundCard } from '../cards/message-card.js';
import { requestStatusCard, type RequestLine } from '../cards/request-status-card.js';
import type { Slots } from '../language/intents.js';
import type { LearnerTurn } from '../learner-turn.js';
import { sendCard } from '../send-card.js';

const ASKED = { extension: 'extension requests', exemption: 'exemption requests', certificate: 'certificates waiting or checked' } as const;

/**
 * "Has my extension been approved?": the learner's own requests from storage, newest first, each
 * with its decision, who decided and when, and their comment; only the kind and topics asked about.
 */
export async function showRequestStatus(turn: LearnerTurn, slots: Slots): Promise<void> {
  const { learning } = turn.services;
  const [bundle, catalogue] = await Promise.all([learning.staff.getBundle(turn.staffId), learning.catalogue.current()]);
  if (!bundle) return sendCard(turn.context, notFoundCard(turn.services.supportContact));
  const subjects = new Set(slots.subjects.map((s) => s.subjectId));
  const wanted = (kind: RequestLine['kind'], subjectId: string) => (!slots.requestKind || slots.requestKind === kind) && (subjects.size === 0 || subjects.has(subjectId));

  const requests: Array<{ kind: 'extension' | 'exemption'; request: ExtensionRequest | ExemptionRequest }> = [
    ...bundle.extensions.map((request) => ({ kind: 'extension' as const, request })),
    ...bundle.exemptions.map((request) => ({ kind: 'exemption' as const, request })),
  ].filter((r) => wanted(r.kind, r.request.subjectId));
  const ids = new Set(requests.flatMap((r) => [...(r.request.approverIds ?? []), ...(r.request.decidedBy ? [r.request.decidedBy] : [])]));
  const people = new Map((await Promise.all([...ids].map((id) => learning.staff.getPerson(id)))).filter((p) => p !== undefined).map((p) => [p.id, p.name]));

  const lines: Array<RequestLine & { at: string }> = requests.map(({ kind, request }) => {
    const extension = kind === 'extension' ? (request as ExtensionRequest) : undefined;
    const who = request.decidedBy ? people.get(request.decidedBy) : (request.approverIds ?? []).map((id) => people.get(id)).filter((n) => n !== undefined).join(' or ') || undefined;
    return {
      at: request.requestedAt,
      kind,
      topic: catalogue.subjectName(request.subjectId),
      ...(extension ? { detail: `from ${formatLocalDate(extension.currentDueDate)} to ${formatLocalDate(extension.requestedDate)}` } : {}),
      state: request.state,
      askedOn: formatMoment(request.requestedAt),
      ...(who ? { who } : {}),
      ...(request.decidedAt ? { decidedOn: formatMoment(request.decidedAt) } : {}),
      ...(request.comment ? { comment: request.comment } : {}),
    };
  });
  for (const record of bundle.records) {
    if (record.source.kind !== 'transferred' || !wanted('certificate', record.subjectId)) continue;
    const v = record.verification;
    lines.push({
      at: record.recordedAt,
      kind: 'certificate',
      topic: catalogue.topicLabel(record.subjectId, record.level),
      detail: `from ${record.source.employer}`,
      state: v.state === 'pending' ? 'pending' : v.state === 'verified' ? 'verified' : 'rejected',
      askedOn: formatMoment(record.recordedAt),
      ...(v.state === 'rejected' ? { decidedOn: formatLocalDate(v.on), comment: v.reason } : v.state === 'verified' && v.on ? { decidedOn: formatLocalDate(v.on) } : {}),
    });
  }
  lines.sort((a, b) => b.at.localeCompare(a.at));
  const asked = slots.requestKind ? ASKED[slots.requestKind] : 'extension or exemption requests, or certificates,';
  await sendCard(turn.context, requestStatusCard(lines, subjects.size > 0 ? `${asked} for ${[...subjects].map((s) => catalogue.subjectName(s)).join(' or ')}` : asked));
}
