/**
 * @module
 * CRM sObjects the engine syncs or touches: Account, Contact (every CON-08 field), Lead, and Task (exists, never
 * syncs).
 */
import { KEY_PREFIXES } from '../ids.ts';
import { field, ownerField, picklist, readonly, reference, systemFields, text } from './fields.ts';
import type { ObjectSchema } from './types.ts';

const owned = { access: 'owned' as const, createable: true, updateable: true, deletable: true, queryable: true };

export const accountSchema: ObjectSchema = {
  name: 'Account',
  label: 'Account',
  labelPlural: 'Accounts',
  keyPrefix: KEY_PREFIXES.Account,
  ...owned,
  fields: [
    ...systemFields(),
    text('Name', 255, { required: true }),
    field('Phone', 'phone'),
    field('Website', 'url'),
    picklist('Industry', ['Technology', 'Finance', 'Healthcare', 'Manufacturing', 'Retail', 'Other'], { restrictedPicklist: false }),
    text('BillingCity', 40),
    text('BillingCountry', 80),
    ownerField(),
  ],
};

export const contactSchema: ObjectSchema = {
  name: 'Contact',
  label: 'Contact',
  labelPlural: 'Contacts',
  keyPrefix: KEY_PREFIXES.Contact,
  ...owned,
  fields: [
    ...systemFields(),
    text('FirstName', 40),
    text('LastName', 80, { required: true }),
    readonly(text('Name', 121)),
    field('Email', 'email'),
    reference('AccountId', ['Account']),
    text('Title', 128),
    text('Department', 80),
    field('Phone', 'phone'),
    field('MobilePhone', 'phone'),
    field('HomePhone', 'phone'),
    field('Fax', 'phone'),
    text('AssistantName', 40),
    field('AssistantPhone', 'phone', { label: 'Asst. Phone' }),
    field('Birthdate', 'date'),
    field('Description', 'textarea'),
    field('MailingStreet', 'textarea', { length: 255 }),
    text('MailingCity', 40),
    text('MailingState', 80),
    text('MailingPostalCode', 20),
    text('MailingCountry', 80),
    ownerField(),
  ],
};

export const leadSchema: ObjectSchema = {
  name: 'Lead',
  label: 'Lead',
  labelPlural: 'Leads',
  keyPrefix: KEY_PREFIXES.Lead,
  ...owned,
  fields: [
    ...systemFields(),
    text('FirstName', 40),
    text('LastName', 80, { required: true }),
    readonly(text('Name', 121)),
    text('Company', 255, { required: true }),
    field('Email', 'email'),
    field('Phone', 'phone'),
    text('Title', 128),
    picklist('Status', ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'], {
      defaultValue: 'Open - Not Contacted',
      nillable: false,
    }),
    readonly(field('IsConverted', 'boolean')),
    ownerField(),
  ],
};

export const taskSchema: ObjectSchema = {
  name: 'Task',
  label: 'Task',
  labelPlural: 'Tasks',
  keyPrefix: KEY_PREFIXES.Task,
  ...owned,
  note: 'Tasks exist so scenarios can prove they never sync.',
  fields: [
    ...systemFields(),
    text('Subject', 255),
    field('ActivityDate', 'date'),
    picklist('Status', ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'], {
      defaultValue: 'Not Started',
      nillable: false,
    }),
    picklist('Priority', ['High', 'Normal', 'Low'], { defaultValue: 'Normal', nillable: false }),
    reference('WhoId', ['Contact', 'Lead'], { relationshipName: 'Who' }),
    reference('WhatId', ['Account'], { relationshipName: 'What' }),
    field('Description', 'textarea'),
    readonly(field('IsClosed', 'boolean')),
    ownerField(),
  ],
};
