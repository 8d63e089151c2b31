import type { TabRouteModule } from './register.js';
import { registerAuditRoutes } from './audit-routes.js';
import { registerLearningRoutes } from './learning-routes.js';
import { registerTeamRoutes } from './team-routes.js';
import { registerAdminRoutes } from './admin-routes.js';
import { registerImportRoutes } from './import-routes.js';
import { registerWorkspaceRoutes } from './workspace-routes.js';
import { registerReportRoutes } from './report-routes.js';
import { registerPassportRoutes } from './passport-routes.js';

/**
 * Every feature's route module, in one list: add a feature by writing `tab/api/<feature>-routes.ts`
 * exporting a TabRouteModule and naming it here.
 */
export const TAB_ROUTE_MODULES: TabRouteModule[] = [registerAuditRoutes, registerLearningRoutes, registerTeamRoutes, registerAdminRoutes, registerImportRoutes, registerWorkspaceRoutes, registerReportRoutes, registerPassportRoutes];
