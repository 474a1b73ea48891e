import type { RouteModule } from '../route-module.js';
import { healthz } from './healthz.js';
import { readyz } from './readyz.js';

export const healthRoutes: readonly RouteModule[] = [healthz, readyz];
