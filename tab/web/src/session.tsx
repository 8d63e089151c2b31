import { createContext, useContext } from 'react';
import type { Host, HostTheme } from './teams-host';

/** Who is using the tab, as the server sees them (GET /api/me). */
export interface Me {
  staffId: string;
  name: string;
  orgUnit: string;
  staffGroup: string;
  permissions: string[];
  manages: number;
  via: 'sso' | 'development';
}

export interface Session {
  host: Host;
  me: Me;
  /** The Teams theme in force (charts draw on a canvas and need real colours). */
  theme: HostTheme;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the shell');
  return session;
}
