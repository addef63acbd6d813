import type { RouteDeps } from '../../http';
import { alertRoutes } from './alerts.routes';
import { articleRoutes } from './articles.routes';
import { caseRoutes } from './cases.routes';
import { dashboardRoutes } from './dashboard.routes';
import { sourceRoutes } from './sources.routes';
import { topicRoutes } from './topics.routes';

/** Press monitoring and response: every route of the module. */
export async function pressRoutes(deps: RouteDeps) {
  for (const register of [sourceRoutes, articleRoutes, topicRoutes, alertRoutes, caseRoutes, dashboardRoutes]) await register(deps);
}
