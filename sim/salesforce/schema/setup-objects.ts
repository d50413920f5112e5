/**
 * @module
 * Setup sObjects: Organization (edition, sandbox flag — CONN-11, ORG-03), User, Profile, PermissionSet and
 * PermissionSetAssignment with the permissions CONN-10 names.
 */
import { KEY_PREFIXES } from '../ids.ts';
import { USER_OUTLOOK_SETUP_FIELD } from '../world.ts';
import { bool, field, picklist, readonly, reference, systemFields, text } from './fields.ts';
import type { FieldSchema, ObjectSchema } from './types.ts';

/** Permission API names as they appear on Profile and PermissionSet (`Permissions` + world.ts Permission). */
export const PERMISSION_FIELDS = [
  'PermissionsApiEnabled',
  'PermissionsCustomizeApplication',
  'PermissionsManageUsers',
  'PermissionsManageLightningSync',
  'PermissionsViewAllData',
  'PermissionsModifyAllData',
] as const;

const permissionFields = (): FieldSchema[] => PERMISSION_FIELDS.map((name) => bool(name));

/** OrganizationType values, by world.ts Edition (Group is "Team Edition" in the API). */
export const ORGANIZATION_TYPES: Record<string, string> = {
  Professional: 'Professional Edition',
  Enterprise: 'Enterprise Edition',
  Performance: 'Performance Edition',
  Unlimited: 'Unlimited Edition',
  Developer: 'Developer Edition',
  Essentials: 'Essentials Edition',
  Group: 'Team Edition',
};

export const TIME_ZONES = [
  'America/Los_Angeles', 'America/Denver', 'America/Chicago', 'America/New_York', 'Europe/London', 'Europe/Paris',
  'Europe/Berlin', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Sydney', 'GMT',
];

export const organizationSchema: ObjectSchema = {
  name: 'Organization',
  label: 'Organization',
  labelPlural: 'Organizations',
  keyPrefix: KEY_PREFIXES.Organization,
  access: 'readonly',
  createable: false,
  updateable: false,
  deletable: false,
  queryable: true,
  fields: [
    ...systemFields(),
    readonly(text('Name', 80)),
    readonly(picklist('OrganizationType', Object.values(ORGANIZATION_TYPES))),
    readonly(bool('IsSandbox')),
    readonly(text('InstanceName', 5)),
    readonly(picklist('TimeZoneSidKey', TIME_ZONES, { restrictedPicklist: false })),
    readonly(text('DefaultLocaleSidKey', 40)),
    readonly(text('LanguageLocaleKey', 40)),
  ],
};

export const userSchema: ObjectSchema = {
  name: 'User',
  label: 'User',
  labelPlural: 'Users',
  keyPrefix: KEY_PREFIXES.User,
  access: 'setup',
  createable: true,
  updateable: true,
  deletable: false,
  queryable: true,
  fields: [
    ...systemFields(),
    text('Username', 80, { required: true }),
    field('Email', 'email', { length: 128, required: true }),
    text('FirstName', 40),
    text('LastName', 80, { required: true }),
    readonly(text('Name', 121)),
    text('Alias', 8),
    bool('IsActive', { defaultValue: true }),
    reference('ProfileId', ['Profile'], { required: true }),
    picklist('TimeZoneSidKey', TIME_ZONES, { restrictedPicklist: false, defaultValue: 'America/Los_Angeles' }),
    text('LocaleSidKey', 40, { defaultValue: 'en_US' }),
    text('LanguageLocaleKey', 40, { defaultValue: 'en_US' }),
    text('EmailEncodingKey', 40, { defaultValue: 'UTF-8' }),
    readonly(text('UserType', 40)),
    bool(USER_OUTLOOK_SETUP_FIELD, { label: 'Outlook Integration Set Up' }),
  ],
};

export const profileSchema: ObjectSchema = {
  name: 'Profile',
  label: 'Profile',
  labelPlural: 'Profiles',
  keyPrefix: KEY_PREFIXES.Profile,
  access: 'setup',
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  fields: [...systemFields(), text('Name', 255, { required: true }), readonly(text('UserType', 40)), ...permissionFields()],
};

export const permissionSetSchema: ObjectSchema = {
  name: 'PermissionSet',
  label: 'Permission Set',
  labelPlural: 'Permission Sets',
  keyPrefix: KEY_PREFIXES.PermissionSet,
  access: 'setup',
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  fields: [
    ...systemFields(),
    text('Name', 80, { required: true }),
    text('Label', 80),
    readonly(bool('IsOwnedByProfile')),
    readonly(reference('ProfileId', ['Profile'])),
    ...permissionFields(),
  ],
};

export const permissionSetAssignmentSchema: ObjectSchema = {
  name: 'PermissionSetAssignment',
  label: 'Permission Set Assignment',
  labelPlural: 'Permission Set Assignments',
  keyPrefix: KEY_PREFIXES.PermissionSetAssignment,
  access: 'setup',
  createable: true,
  updateable: false,
  deletable: true,
  queryable: true,
  fields: [
    ...systemFields(),
    reference('AssigneeId', ['User'], { required: true, updateable: false }),
    reference('PermissionSetId', ['PermissionSet'], { required: true, updateable: false }),
  ],
};
