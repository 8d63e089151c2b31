/** Lists of applications, channel links and members. */
import type { AccessRole, ApplicationSummary, PersonRef } from './application-types.js';


export interface WorkspaceListResponse {
  applications: ApplicationSummary[];
  /** The caller's PCN (from their organisation unit), when they work in a PCN practice. */
  pcnName?: string;
  /** The caller's practice name, when they work in a PCN practice. */
  practiceName?: string;
  canCreate: boolean;
  role: AccessRole | 'none';
}

export type ChannelLinkResponse = { linked: false } | { linked: true; application: ApplicationSummary };

export interface Member extends PersonRef {
  orgUnit: string;
  /** `practice`: works in one of the application's practices; `added`: added explicitly. */
  via: 'practice' | 'added';
}

export interface MembersResponse {
  members: Member[];
}
