import type { Person } from '../people/types.js';
import { todayInLondon } from '../time/clock.js';
import type { CatalogueIndex } from './catalogue-index.js';
import { computeCompliance, type ComplianceResult } from './compliance.js';
import type { LearningDeps, StaffBundle } from './ports.js';

export type WhatsDueResult =
  | { kind: 'ok'; person: Person; compliance: ComplianceResult; catalogue: CatalogueIndex; bundle: StaffBundle }
  | { kind: 'not-found' };

/** A person's learning today: one partition read and the catalogue (from memory when unchanged). */
export async function whatsDue(deps: Pick<LearningDeps, 'staff' | 'catalogue' | 'clock' | 'rules'>, staffId: string): Promise<WhatsDueResult> {
  const [bundle, catalogue] = await Promise.all([deps.staff.getBundle(staffId), deps.catalogue.current()]);
  if (!bundle) return { kind: 'not-found' };
  const compliance = computeCompliance({
    person: bundle.person,
    catalogue,
    records: bundle.records,
    extensions: bundle.extensions,
    exemptions: bundle.exemptions,
    today: todayInLondon(deps.clock),
    rules: deps.rules,
  });
  return { kind: 'ok', person: bundle.person, compliance, catalogue, bundle };
}
