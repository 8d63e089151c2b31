import type { LearningRecord } from './types.js';

/**
 * The records that can still decide compliance: per subject and level, the latest completion, the
 * latest stated expiry and any that never expire; plus everything not yet verified or rejected
 * recently. Compliance computed from these equals compliance computed from all records.
 */
export function essentialRecords(records: readonly LearningRecord[]): LearningRecord[] {
  const keep = new Map<string, LearningRecord>();
  const better = (a: LearningRecord, b: LearningRecord | undefined, key: (r: LearningRecord) => string) => !b || key(a) > key(b);
  for (const record of records) {
    if (record.verification.state !== 'verified') {
      keep.set(`v|${record.id}`, record);
      continue;
    }
    const group = `${record.subjectId}|${record.level}`;
    if (record.expiresOn === null) keep.set(`n|${group}|${record.id}`, record);
    else if (record.expiresOn === undefined) {
      if (better(record, keep.get(`c|${group}`), (r) => r.completedOn)) keep.set(`c|${group}`, record);
    } else if (better(record, keep.get(`e|${group}`), (r) => `${r.expiresOn}|${r.completedOn}`)) keep.set(`e|${group}`, record);
  }
  return [...new Set(keep.values())];
}
