import type { CatalogueIndex } from '../learning/catalogue-index.js';
import type { PersonSummary } from '../learning/person-summary.js';
import { planTopicKey, type PlanHeader, type PlanJudgement } from './plan-judgements.js';
import type { LocalDate } from '../time/local-date.js';
import type { PlanTopicRow } from './report-shapes.js';
export type { PlanTopicRow } from './report-shapes.js';


export interface AnnualPlan {
  year: number;
  label: string;
  organisationName: string;
  headcount: { asOf: LocalDate; value: number; basis: string };
  submitterName: string;
  dateSubmitted: LocalDate | null;
  national: PlanTopicRow[];
  local: PlanTopicRow[];
  totals: { staffHoursPerYear: number };
}

/** The formula the plan shows beside its figures, in words. */
export const STAFF_HOURS_FORMULA =
  'Staff hours a year = headcount × (minutes to assess competency + minutes to complete the learning) ÷ 60, spread over the renewal period (× 12 ÷ renewal months; a topic that does not expire counts once).';

/**
 * The staff time a topic costs a year: everyone required, each taking the time to complete the
 * learning and the time to assess their competency, once per renewal period. Unknown (null) until
 * at least one of the two times is given; a time not given counts as none.
 */
export function staffHoursPerYear(headcount: number, assessMinutes: number | null, completeMinutes: number | null, renewalMonths: number | null): number | null {
  if (assessMinutes === null && completeMinutes === null) return null;
  const minutesEach = (assessMinutes ?? 0) + (completeMinutes ?? 0);
  return Math.round(((headcount * minutesEach) / 60) * (renewalMonths ? 12 / renewalMonths : 1) * 10) / 10;
}

export function defaultPlanYear(today: LocalDate): number {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) < 3 ? year : year + 1;
}

export function renewalText(months: number | null): string {
  if (months === null) return 'Does not expire';
  if (months % 12 === 0) return months === 12 ? 'Every year' : `Every ${months / 12} years`;
  return `Every ${months} months`;
}

/**
 * The Federated Data Platform plan: per nationally and locally mandated topic, the headcount that
 * must complete it — each person counted once per subject, at the level their roles ask (someone
 * who needs safeguarding level 3 is in the level 3 row, not also the level 1 row), exemptions left
 * out — with the renewal from the catalogue, and the MLOG's judgements where stored.
 */
export function annualPlan(input: {
  year: number;
  organisationName: string;
  catalogue: CatalogueIndex;
  summaries: Iterable<PersonSummary>;
  judgements: ReadonlyMap<string, PlanJudgement>;
  header: PlanHeader | undefined;
  headcount: AnnualPlan['headcount'];
}): AnnualPlan {
  const required = new Map<string, number>();
  for (const summary of input.summaries) {
    for (const item of summary.items) {
      if (item.exempt) continue;
      const key = planTopicKey(item.subjectId, item.level);
      required.set(key, (required.get(key) ?? 0) + 1);
    }
  }
  const rows: PlanTopicRow[] = [];
  for (const subject of input.catalogue.catalogue.subjects) {
    if (subject.kind !== 'national' && subject.kind !== 'local') continue;
    for (const topic of input.catalogue.levelsOf(subject.id)) {
      const key = planTopicKey(subject.id, topic.level);
      const judgement = input.judgements.get(key);
      const headcountRequired = required.get(key) ?? 0;
      const completeMinutes = judgement?.completeMinutes ?? null;
      const assessMinutes = judgement?.assessMinutes ?? null;
      rows.push({
        subjectId: subject.id,
        level: topic.level,
        topic: input.catalogue.topicLabel(subject.id, topic.level),
        kind: subject.kind,
        headcountRequired,
        renewalMonths: topic.renewalMonths,
        renewal: renewalText(topic.renewalMonths),
        nationalContent: judgement?.nationalContent ?? (subject.kind === 'national' ? 'Y' : 'N'),
        assessMinutes,
        completeMinutes,
        improvement: judgement?.improvement ?? '',
        ...(judgement ? { updatedBy: judgement.updatedBy, updatedAt: judgement.updatedAt } : {}),
        staffHoursPerYear: staffHoursPerYear(headcountRequired, assessMinutes, completeMinutes, topic.renewalMonths),
      });
    }
  }
  const byName = (a: PlanTopicRow, b: PlanTopicRow) => a.topic.localeCompare(b.topic);
  return {
    year: input.year,
    label: `${input.year}/${String((input.year + 1) % 100).padStart(2, '0')}`,
    organisationName: input.organisationName,
    headcount: input.headcount,
    submitterName: input.header?.submitterName ?? '',
    dateSubmitted: input.header?.dateSubmitted ?? null,
    national: rows.filter((r) => r.kind === 'national').sort(byName),
    local: rows.filter((r) => r.kind === 'local').sort(byName),
    totals: { staffHoursPerYear: Math.round(rows.reduce((sum, r) => sum + (r.staffHoursPerYear ?? 0), 0) * 10) / 10 },
  };
}
