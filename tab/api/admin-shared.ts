import type { CatalogueEditDeps } from '../../core/learning/edit-catalogue.js';
import type { SummaryRefresher } from '../../core/learning/summary-refresh.js';
import type { CatalogueRowsRepository } from '../../core/storage/catalogue-rows-repository.js';
import type { ProposalRepository } from '../../core/storage/proposal-repository.js';
import type { RefreshJobRepository } from '../../core/storage/refresh-job-repository.js';
import { ApiError, forbidden } from './api-error.js';
import type { TabCaller } from './caller.js';
import { can, whoCan, type Capability } from '../../core/people/authorisation.js';

/** What the administration route files share: one refresher and one set of repositories per process. */
export interface AdminShared {
  rows: CatalogueRowsRepository;
  jobs: RefreshJobRepository;
  refresher: SummaryRefresher;
  proposals: ProposalRepository;
  catalogueEdit: CatalogueEditDeps;
}

/** Decided from the stored person (core/people/authorisation.ts), never from anything the browser says about itself. */
export function requireCapability(caller: TabCaller, capability: Capability): void {
  if (!can(caller.person, capability)) throw forbidden(`Only ${whoCan(capability)} can do this.`);
}

export function invalid(problems: string[]): ApiError {
  return new ApiError(422, 'invalid', problems.join(' '), { problems });
}
