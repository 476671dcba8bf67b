/** `/me`: who is signed in, the stores they reach, what they may do, the CSRF token. */
import { PERMISSIONS, can } from '../roles.js';
import { json, type Route } from '../http/route.js';

export const authRoutes: Route[] = [
  {
    method: 'GET',
    path: '/me',
    permission: 'session',
    async handle(ctx) {
      const { user } = ctx;
      return json({
        user: { id: user.id, email: user.email, name: user.name, role: user.role, external: user.external, expiresAt: user.expiresAt },
        stores: user.merchantIds.filter((m) => ctx.stores.has(m)),
        store: ctx.merchantId,
        permissions: PERMISSIONS.filter((p) => can(user.role, p)),
        csrfToken: ctx.csrfToken ?? null,
      });
    },
  },
];
