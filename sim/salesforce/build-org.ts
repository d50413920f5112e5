/**
 * @module
 * Builds an org's setup from its OrgSpec: the Organization record (edition, sandbox flag — CONN-11, ORG-03),
 * profiles (System Administrator, Standard User, plus the world's), permission sets and users. Sandbox usernames
 * get the `.${sandbox}` suffix and emails `.invalid` until fixed (ORG-03). When the world names no admin, an
 * `admin` user with every CONN-10 permission is added, so every org has credentials to print.
 */
import { insertRecord } from './dml.ts';
import { KEY_PREFIXES } from './ids.ts';
import type { Org } from './org.ts';
import { ORGANIZATION_TYPES } from './schema/setup-objects.ts';
import type { OrgSpec, Permission, UserSpec } from './world.ts';

export const SYSTEM_ADMINISTRATOR = 'System Administrator';
export const STANDARD_USER = 'Standard User';
const ALL_PERMISSIONS: Permission[] = ['ApiEnabled', 'CustomizeApplication', 'ManageUsers', 'ManageLightningSync', 'ViewAllData', 'ModifyAllData'];

export interface AdminCredentials {
  username: string;
  password: string;
}

const permissionValues = (perms: Permission[]): Record<string, boolean> =>
  Object.fromEntries(ALL_PERMISSIONS.map((p) => [`Permissions${p}`, perms.includes(p)]));

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Default password of a world user without one: deterministic, printed by `synclab serve`. */
export const defaultPassword = (ref: string): string => `synclab-${ref}-pw`;

export function usernameFor(org: Org, spec: UserSpec): string {
  if (spec.username) return spec.username;
  const base = `${spec.ref}@${org.domain}`;
  return org.isSandbox ? `${base}.${org.label}` : base;
}

export function emailFor(org: Org, spec: UserSpec): string {
  const email = spec.email ?? `${spec.ref}@${org.domain}`;
  return org.isSandbox && !spec.emailFixed && !email.endsWith('.invalid') ? `${email}.invalid` : email;
}

export function buildOrgSetup(org: Org, spec: OrgSpec): AdminCredentials {
  const users = [...(spec.users ?? [])];
  if (!users.some((u) => u.admin)) users.unshift({ ref: 'admin', admin: true, firstName: 'Sim', lastName: 'Admin' });
  const firstAdmin = users.find((u) => u.admin)!;
  // The first admin creates everything, itself included, so CreatedById always names a real user.
  const adminId = org.ids.next(KEY_PREFIXES.User);
  const sys = { system: true } as const;

  insertRecord(org, adminId, 'Organization', {
    Name: org.label,
    OrganizationType: ORGANIZATION_TYPES[org.edition],
    IsSandbox: org.isSandbox,
    InstanceName: org.isSandbox ? 'CS101' : 'NA101',
    TimeZoneSidKey: 'America/Los_Angeles',
    DefaultLocaleSidKey: 'en_US',
    LanguageLocaleKey: 'en_US',
  }, sys);

  const profiles = new Map<string, Permission[]>([
    [SYSTEM_ADMINISTRATOR, ALL_PERMISSIONS],
    [STANDARD_USER, ['ApiEnabled']],
  ]);
  for (const p of spec.profiles ?? []) profiles.set(p.name, p.permissions ?? ['ApiEnabled']);
  for (const [name, perms] of profiles) {
    const id = insertRecord(org, adminId, 'Profile', { Name: name, UserType: 'Standard', ...permissionValues(perms) }, sys);
    org.refs.set(`profile:${name}`, id);
  }
  for (const ps of spec.permissionSets ?? []) {
    const id = insertRecord(org, adminId, 'PermissionSet', { Name: ps.name.replace(/\W+/g, '_'), Label: ps.name, ...permissionValues(ps.permissions) }, sys);
    org.refs.set(`permissionSet:${ps.name}`, id);
  }

  for (const u of users) {
    if (org.refs.has(`user:${u.ref}`)) throw new Error(`world: org "${org.label}" has two users with ref "${u.ref}"; refs must be unique`);
    const profileName = u.profile ?? (u.admin ? SYSTEM_ADMINISTRATOR : STANDARD_USER);
    const profileId = org.refs.get(`profile:${profileName}`);
    if (!profileId) {
      throw new Error(`world: org "${org.label}" user "${u.ref}" names profile "${profileName}", which is not defined; add it under profiles or use "${STANDARD_USER}"`);
    }
    const id = insertRecord(org, adminId, 'User', {
      ...(u === firstAdmin ? { Id: adminId } : {}),
      Username: usernameFor(org, u),
      Email: emailFor(org, u),
      FirstName: u.firstName ?? capitalize(u.ref),
      LastName: u.lastName ?? (u.admin ? 'Admin' : 'Rep'),
      IsActive: u.isActive ?? true,
      ProfileId: profileId,
      TimeZoneSidKey: u.timeZone ?? 'America/Los_Angeles',
      OutlookIntegrationSetUp: u.outlookIntegrationSetUp ?? false,
    }, sys);
    org.refs.set(`user:${u.ref}`, id);
    org.passwords.set(id, u.password ?? defaultPassword(u.ref));
    for (const psName of u.permissionSets ?? []) {
      const psId = org.refs.get(`permissionSet:${psName}`);
      if (!psId) throw new Error(`world: org "${org.label}" user "${u.ref}" names permission set "${psName}", which is not defined under permissionSets`);
      insertRecord(org, adminId, 'PermissionSetAssignment', { AssigneeId: id, PermissionSetId: psId }, sys);
    }
  }
  return { username: usernameFor(org, firstAdmin), password: firstAdmin.password ?? defaultPassword(firstAdmin.ref) };
}
