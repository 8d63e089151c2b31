/** The training hub's side: its resource library, overview and published list. */
import type { ApplicationSummary, PersonRef, Practice } from './application-types.js';


export type ResourceKind = 'exemplar' | 'checklist' | 'welcome-letter' | 'induction' | 'guidance';

export interface Resource {
  id: string;
  title: string;
  kind: ResourceKind;
  url: string;
  description?: string;
  /** The sections it helps with; empty = the whole application. */
  sectionIds: string[];
  updatedAt: string;
  updatedBy: PersonRef;
}


export interface HubOverviewResponse {
  applications: ApplicationSummary[];
  deadline: string;
}

export interface PublishedLearningOrganisation {
  applicationId: string;
  pcnName: string;
  practices: Practice[];
  outcome: 'approved' | 'approved-with-conditions';
  approvedOn: string;
  annualReviewDate?: string;
}

export interface PublishedListResponse {
  learningOrganisations: PublishedLearningOrganisation[];
}
