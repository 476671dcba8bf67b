/** Every route of the back office's HTTP API, composed from the area modules. */
import type { Route } from '../http/route.js';
import { actionRoutes } from './actions.js';
import { authRoutes } from './auth.js';
import { notificationRoutes } from './notifications.js';
import { orderRoutes } from './orders.js';

export const ROUTES: readonly Route[] = [
  ...authRoutes,
  ...orderRoutes,
  ...actionRoutes,
  ...notificationRoutes,
  // ── MERGE POINT (lead): add the other half of issue 11 here ───────────────────────
  // import { insightsRoutes } from './insights.js';       ...insightsRoutes,
  // import { exportRoutes } from './export.js';           ...exportRoutes,
  // import { settlementsRoutes } from './settlements.js'; ...settlementsRoutes,
  // import { reportsRoutes } from './reports.js';         ...reportsRoutes,
  // The role test (test/handler-roles.test.ts) walks ROUTES, so added routes are covered.
  // ───────────────────────────────────────────────────────────────────────────────────
];
