/**
 * The portal's roles and what each may do (`../shared/docs/back-office.md`, "Roles").
 * One role per user across all of that user's stores. Every route names the permission
 * it needs; the handler checks it on the server before anything is read or written.
 */

export const ROLES = ['super_admin', 'admin', 'user', 'settlement', 'disputes', 'read_only', 'external', 'terminated'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'orders:view',
  /** Capture, refund, cancel, release, extend, edit, shipping info, references, customer details. */
  'orders:act',
  'settlements:view',
  'disputes:view',
  'disputes:act',
  'insights:view',
  'users:manage',
  'store:settings',
  'developer:logs',
  /** Super Admin only: assign Super Admin, transfer agreements, change the payout bank account. */
  'super_admin:assign',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ADMIN: readonly Permission[] = PERMISSIONS.filter((p) => p !== 'super_admin:assign');

/** What each role may do. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  super_admin: PERMISSIONS,
  admin: ADMIN,
  user: ['orders:view', 'orders:act', 'developer:logs'],
  settlement: ['settlements:view', 'orders:view', 'disputes:view'],
  disputes: ['disputes:view', 'disputes:act', 'orders:view'],
  read_only: ['orders:view', 'settlements:view'],
  external: ['orders:view', 'settlements:view', 'developer:logs', 'disputes:view'],
  terminated: ['orders:view', 'disputes:view', 'settlements:view'],
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` may do `permission`; an unknown role may do nothing. */
export function can(role: string, permission: Permission): boolean {
  return isRole(role) && ROLE_PERMISSIONS[role].includes(permission);
}
