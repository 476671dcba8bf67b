/** Every route of the back office's HTTP API, composed from the area modules. */
import type { Route } from '../http/route.js';
import { actionRoutes } from './actions.js';
import { authRoutes } from './auth.js';
import { exportRoutes } from './export.js';
import { insightsRoutes } from './insights.js';
import { notificationRoutes } from './notifications.js';
import { orderRoutes } from './orders.js';
import { reportsRoutes } from './reports.js';
import { settlementsRoutes } from './settlements.js';

export const ROUTES: readonly Route[] = [
  ...authRoutes,
  ...orderRoutes,
  ...actionRoutes,
  ...notificationRoutes,
  ...insightsRoutes,
  ...exportRoutes,
  ...settlementsRoutes,
  ...reportsRoutes,
];
