import type { Permission } from '../../core/people/types.js';
import type { CatalogueEditDeps } from '../../core/learning/edit-catalogue.js';
import type { SummaryRefresher } from '../../core/learning/summary-refresh.js';
import type { CatalogueRowsRepository } from '../../core/storage/catalogue-rows-repository.js';
import type { ProposalRepository } from '../../core/storage/proposal-repository.js';
import type { RefreshJobRepository } from '../../core/storage/refresh-job-repository.js';
import { ApiError, forbidden } from './api-error.js';
import type { TabCaller } from './caller.js';

/** What the administration route files share: one refresher and one set of repositories per process. */
export interface AdminShared {
  rows: CatalogueRowsRepository;
  jobs: RefreshJobRepository;
  refresher: SummaryRefresher;
  proposals: ProposalRepository;
  catalogueEdit: CatalogueEditDeps;
}

/** Decided from the stored person, never from anything the browser says about itself. */
export function requirePermission(caller: TabCaller, ...anyOf: Permission[]): void {
  if (!anyOf.some((p) => caller.person.permissions?.includes(p))) {
    throw forbidden(anyOf.includes('mlog') && anyOf.length === 1 ? 'Only members of the mandatory learning oversight group (MLOG) can do this.' : 'Only learning and development administrators can do this.');
  }
}

export function invalid(problems: string[]): ApiError {
  return new ApiError(422, 'invalid', problems.join(' '), { problems });
}
