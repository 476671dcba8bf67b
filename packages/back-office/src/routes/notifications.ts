/** Notification preferences and the home page's notices (every signed-in user, for themselves). */
import { BackOfficeNotFoundError, invalidField } from '../errors.js';
import { json, readJson, type Route } from '../http/route.js';

export const notificationRoutes: Route[] = [
  {
    method: 'GET',
    path: '/notifications/preferences',
    permission: 'session',
    async handle(ctx) {
      return json({ preferences: await ctx.notifications.preferences(ctx.user) });
    },
  },
  {
    method: 'PUT',
    path: '/notifications/preferences',
    permission: 'session',
    async handle(ctx) {
      return json({ preferences: await ctx.notifications.setPreferences(ctx.user, await readJson(ctx.request)) });
    },
  },
  {
    method: 'GET',
    path: '/notices',
    permission: 'session',
    async handle(ctx) {
      const unreadOnly = ctx.url.searchParams.get('unread') === 'true';
      return json({ notices: await ctx.notifications.notices(ctx.user, ctx.merchantId, { unreadOnly }) });
    },
  },
  {
    method: 'POST',
    path: '/notices/:noticeId/read',
    permission: 'session',
    async handle(ctx) {
      const id = Number(ctx.params.noticeId);
      if (!Number.isSafeInteger(id) || id < 1) throw invalidField('noticeId', 'must be a notice id');
      await readJson(ctx.request);
      if (!(await ctx.notifications.markRead(ctx.user, id))) throw new BackOfficeNotFoundError('No such unread notice of yours.', 'noticeId');
      return json({ id, read: true });
    },
  },
];
