/**
 * @module
 * Who may see and change what (CONN-10 permissions, org-wide sharing defaults). A user's permissions are their
 * profile's plus those of every assigned permission set. Sharing: a user sees what they own plus what the object's
 * org-wide default (Private / Read / ReadWrite) gives; ViewAllData sees and ModifyAllData changes everything.
 * Private events are visible to their owner (and ViewAllData) only.
 */
import { SfError } from './errors.ts';
import type { Org } from './org.ts';
import type { AccessModel, ObjectSchema } from './schema/index.ts';
import type { Row } from './store.ts';
import type { Permission } from './world.ts';

export const CONN_10_PERMISSIONS: Permission[] = ['CustomizeApplication', 'ManageUsers', 'ManageLightningSync'];

/**
 * Cached per org and user until the next write to User/Profile/PermissionSet/PermissionSetAssignment: every insert
 * checks permissions, and scanning all assignments each time made large worlds quadratic.
 */
const cache = new WeakMap<Org, { version: number; byUser: Map<string, Set<Permission>> }>();

export function permissionsOf(org: Org, userId: string): Set<Permission> {
  let entry = cache.get(org);
  if (!entry || entry.version !== org.store.setupVersion) {
    entry = { version: org.store.setupVersion, byUser: new Map() };
    cache.set(org, entry);
  }
  let perms = entry.byUser.get(userId);
  if (!perms) {
    perms = computePermissions(org, userId);
    entry.byUser.set(userId, perms);
  }
  return perms;
}

function computePermissions(org: Org, userId: string): Set<Permission> {
  const perms = new Set<Permission>();
  const user = org.store.get(userId)?.row;
  if (!user) return perms;
  const addFrom = (row: Row | undefined): void => {
    if (!row || row.IsDeleted === true) return;
    for (const [key, value] of Object.entries(row)) {
      if (key.startsWith('Permissions') && value === true) perms.add(key.slice('Permissions'.length) as Permission);
    }
  };
  addFrom(org.store.get(String(user.ProfileId))?.row);
  for (const psa of org.store.rowsOf('PermissionSetAssignment')) {
    if (psa.IsDeleted !== true && psa.AssigneeId === userId) addFrom(org.store.get(String(psa.PermissionSetId))?.row);
  }
  return perms;
}

export function hasAll(perms: Set<Permission>, needed: Permission[]): boolean {
  return needed.every((p) => perms.has(p));
}

function sharingDefault(org: Org, type: string): 'Private' | 'Read' | 'ReadWrite' {
  return org.sharing[type] ?? 'ReadWrite';
}

/** The owner row that decides sharing: an EventRelation follows its event. */
function sharingRow(org: Org, type: string, row: Row): { type: string; row: Row } {
  if (type === 'EventRelation') {
    const parent = org.store.get(String(row.EventId));
    if (parent) return parent;
  }
  return { type, row };
}

/** Can `userId` see this row (through SOQL, retrieve, updated)? */
export function canRead(org: Org, userId: string, schema: ObjectSchema, row: Row, perms = permissionsOf(org, userId)): boolean {
  if (!canReadObject(schema.access, perms)) return false;
  if (schema.access !== 'owned') return true;
  if (perms.has('ViewAllData') || perms.has('ModifyAllData')) return true;
  const target = sharingRow(org, schema.name, row);
  if (target.row.OwnerId === userId) return true;
  if (target.type === 'Event' && target.row.IsPrivate === true) return false;
  return sharingDefault(org, target.type) !== 'Private';
}

/** CONN-10: the Lightning Sync setup objects (setup, configurations, assignments, statuses) are Setup data. */
export function canReadObject(access: AccessModel, perms: Set<Permission>): boolean {
  if (access === 'lightning-sync') return hasAll(perms, CONN_10_PERMISSIONS);
  return access !== 'lightning-sync-error' || perms.has('ViewAllData');
}

/**
 * Throws INSUFFICIENT_ACCESS_OR_READONLY unless the user may create (row undefined) or change/delete this row.
 * The message names what is missing, so a scenario author sees why.
 */
export function assertCanWrite(org: Org, userId: string, schema: ObjectSchema, row: Row | undefined, perms = permissionsOf(org, userId)): void {
  const deny = (why: string): never => {
    throw new SfError('INSUFFICIENT_ACCESS_OR_READONLY', `insufficient access rights on object id${row ? ` ${String(row.Id)}` : ''}: ${why}`);
  };
  switch (schema.access) {
    case 'readonly':
      return deny(`${schema.name} is read-only through the API`);
    case 'setup':
      if (!perms.has('ManageUsers') && !perms.has('CustomizeApplication') && !perms.has('ModifyAllData')) {
        deny(`changing ${schema.name} needs Manage Users or Customize Application`);
      }
      return;
    case 'lightning-sync':
      if (!hasAll(perms, CONN_10_PERMISSIONS)) {
        deny(`editing ${schema.name} needs Customize Application, Manage Users and Manage Lightning Sync (CONN-10); missing ${CONN_10_PERMISSIONS.filter((p) => !perms.has(p)).join(', ')}`);
      }
      return;
    case 'lightning-sync-error':
      if (!perms.has('ModifyAllData') && !hasAll(perms, CONN_10_PERMISSIONS)) {
        deny(`writing ${schema.name} needs Modify All Data or the CONN-10 Lightning Sync permissions`);
      }
      return;
    case 'owned': {
      if (!row || perms.has('ModifyAllData')) return;
      const target = sharingRow(org, schema.name, row);
      if (target.row.OwnerId === userId) return;
      if (!canRead(org, userId, schema, row, perms)) deny('the record is not shared with you');
      if (sharingDefault(org, target.type) !== 'ReadWrite') deny(`${target.type} is shared ${sharingDefault(org, target.type)} and you do not own the record`);
      return;
    }
  }
}

/**
 * CONN-10 on reads → INSUFFICIENT_ACCESS: the error report (LightningSyncError) needs View All Data; setup,
 * configurations, assignments and statuses need Customize Application + Manage Users + Manage Lightning Sync.
 */
export function assertCanQuery(schema: ObjectSchema, perms: Set<Permission>): void {
  if (canReadObject(schema.access, perms)) return;
  const needed = schema.access === 'lightning-sync-error' ? ['ViewAllData' as Permission] : CONN_10_PERMISSIONS;
  throw new SfError(
    'INSUFFICIENT_ACCESS',
    `insufficient access rights: reading ${schema.name} needs ${needed.join(' + ')} (CONN-10); missing ${needed.filter((p) => !perms.has(p)).join(', ')}`,
    403,
  );
}
