/** Who has the workspace open, and where. */
import type { PersonRef } from './application-types.js';


export interface PresenceEntry {
  clientId: string;
  person: PersonRef;
  sectionId?: string;
  fieldId?: string;
  mode: 'viewing' | 'editing';
  expiresAt: string;
}
