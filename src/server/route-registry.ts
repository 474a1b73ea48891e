import { changeBrokerRoutes } from '../change-broker/routes/index.js';
import { identityRoutes } from '../identity/routes/index.js';
import { partnerRoutes } from '../partner/routes/index.js';
import { sandboxRoutes } from '../sandbox/routes/index.js';
import { sdsRoutes } from '../sds/routes/index.js';
import type { RouteModule } from './route-module.js';
import { healthRoutes } from './routes/index.js';

/** Every operation's module; a document's routes are the modules that name its operationIds. */
export const ROUTE_MODULES: readonly RouteModule[] = [...partnerRoutes, ...identityRoutes, ...healthRoutes, ...sdsRoutes, ...changeBrokerRoutes, ...sandboxRoutes];

/** The module of each operationId; two modules naming one operation is a mistake caught here and by the tests. */
export function routeModulesById(modules: readonly RouteModule[] = ROUTE_MODULES): Map<string, RouteModule> {
  const byId = new Map<string, RouteModule>();
  for (const module of modules) {
    if (byId.has(module.operationId)) throw new Error(`two route modules for operation ${module.operationId}`);
    byId.set(module.operationId, module);
  }
  return byId;
}
