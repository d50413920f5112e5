/**
 * @module
 * Builds an org's data from its OrgSpec: Lightning Sync setup, accounts, contacts and events (explicit or
 * `{ generate: N }` with seeded faker), leads, and configurations with their user/profile assignments. Records are
 * created as their owner, so CreatedById/OwnerId are realistic; the world's refs resolve to ids in `org.refs`.
 */
import { Faker, en } from '@faker-js/faker';
import { hashSeed } from '#util/random.ts';
import { insertRecord } from './dml.ts';
import type { Org } from './org.ts';
import { buildConfig } from './build-configs.ts';
import type { ContactRecordSpec, EventRecordSpec, OrgSpec } from './world.ts';
import { LIGHTNING_SYNC_OBJECTS as LS } from './world.ts';

const sys = { system: true, allowDuplicates: true } as const;

export function buildOrgRecords(org: Org, spec: OrgSpec, adminId: string, seed: number): void {
  const faker = new Faker({ locale: [en] });
  faker.seed(hashSeed(seed, `faker:${org.label}`)); // each org its own people, still fixed by the seed
  const reps = (spec.users ?? []).filter((u) => !u.admin).map((u) => u.ref);
  const ref = (kind: string, name: string, where: string): string => {
    const id = org.refs.get(`${kind}:${name}`);
    if (!id) throw new Error(`world: org "${org.label}" ${where} names ${kind} "${name}", which is not defined in this org`);
    return id;
  };
  const ownerOf = (owner: string | undefined, where: string): string =>
    owner ? ref('user', owner, where) : reps[0] ? ref('user', reps[0], where) : adminId;
  const remember = (kind: string, key: string | undefined, id: string): void => {
    if (key) org.refs.set(`${kind}:${key}`, id);
  };

  if (spec.lightningSync) {
    const ls = spec.lightningSync;
    insertRecord(org, adminId, LS.setup, {
      ConnectionMethod: ls.method === 'oauth' ? 'OAuth2' : 'ServiceAccount',
      ServiceAccountUsername: ls.serviceAccountUsername ?? null,
      AutodiscoverUrl: ls.autodiscoverUrl ?? null,
      EwsUrl: ls.ewsUrl ?? null,
      AdditionalDomains: (ls.additionalDomains ?? []).join(',') || null,
      OutlookIntegrationEnabled: ls.outlookIntegrationEnabled ?? true,
      OAuthTenantId: ls.oauthTenantId ?? null,
    }, sys);
  }

  for (const a of spec.accounts ?? []) {
    const owner = ownerOf(a.owner, `account "${a.name}"`);
    const id = insertRecord(org, owner, 'Account', { Name: a.name, OwnerId: owner }, sys);
    remember('account', a.ref ?? a.name, id);
    remember('account', a.name, id);
  }

  for (const c of spec.contacts ?? []) {
    if ('generate' in c) {
      const owner = ownerOf(c.owner, 'generated contacts');
      for (let i = 0; i < c.generate; i++) {
        const firstName = faker.person.firstName();
        const lastName = faker.person.lastName();
        insertRecord(org, owner, 'Contact', {
          FirstName: firstName,
          LastName: lastName,
          Email: faker.internet.email({ firstName, lastName, provider: 'example.test' }).toLowerCase(),
          Title: faker.person.jobTitle().slice(0, 128),
          Phone: faker.phone.number({ style: 'national' }),
          OwnerId: owner,
        }, sys);
      }
      continue;
    }
    const owner = ownerOf(c.owner, `contact "${c.lastName}"`);
    remember('contact', c.ref, insertRecord(org, owner, 'Contact', contactFields(c, owner, (name) => ref('account', name, `contact "${c.lastName}"`)), sys));
  }

  for (const l of spec.leads ?? []) {
    const owner = ownerOf(l.owner, `lead "${l.lastName}"`);
    remember('lead', l.ref, insertRecord(org, owner, 'Lead', { FirstName: l.firstName ?? null, LastName: l.lastName, Company: l.company, Email: l.email ?? null, OwnerId: owner }, sys));
  }

  for (const e of spec.events ?? []) {
    if ('generate' in e) {
      const owner = ownerOf(e.owner, 'generated events');
      for (let i = 0; i < e.generate; i++) {
        const start = Math.floor(org.clock.now() / 3_600_000) * 3_600_000 + faker.number.int({ min: -72, max: 72 }) * 3_600_000;
        insertRecord(org, owner, 'Event', {
          Subject: faker.company.catchPhrase().slice(0, 255),
          StartDateTime: new Date(start).toISOString(),
          DurationInMinutes: faker.helpers.arrayElement([30, 60, 90]),
          Location: faker.location.city(),
          OwnerId: owner,
        }, sys);
      }
      continue;
    }
    const owner = ownerOf(e.owner, `event "${e.subject}"`);
    remember('event', e.ref, insertRecord(org, owner, 'Event', eventFields(org, e, owner, ref), sys));
  }

  for (const config of spec.configs ?? []) buildConfig(org, adminId, config, ref);
}

function contactFields(c: ContactRecordSpec, owner: string, account: (name: string) => string): Record<string, unknown> {
  return {
    FirstName: c.firstName ?? null, LastName: c.lastName, Email: c.email ?? null, AccountId: c.account ? account(c.account) : null,
    Title: c.title ?? null, Department: c.department ?? null, Phone: c.phone ?? null, MobilePhone: c.mobilePhone ?? null,
    HomePhone: c.homePhone ?? null, Fax: c.fax ?? null, AssistantName: c.assistantName ?? null, AssistantPhone: c.assistantPhone ?? null,
    Birthdate: c.birthdate ?? null, Description: c.description ?? null, MailingStreet: c.mailingStreet ?? null,
    MailingCity: c.mailingCity ?? null, MailingState: c.mailingState ?? null, MailingPostalCode: c.mailingPostalCode ?? null,
    MailingCountry: c.mailingCountry ?? null, OwnerId: owner,
  };
}

function eventFields(org: Org, e: EventRecordSpec, owner: string, ref: (kind: string, name: string, where: string) => string): Record<string, unknown> {
  const where = `event "${e.subject}"`;
  const who = e.who ? (org.refs.get(`contact:${e.who}`) ?? org.refs.get(`lead:${e.who}`)) : null;
  if (e.who && !who) throw new Error(`world: org "${org.label}" ${where} names who "${e.who}", which is no contact or lead ref in this org`);
  return {
    Subject: e.subject,
    IsAllDayEvent: e.isAllDay ?? false,
    StartDateTime: e.start,
    EndDateTime: e.end,
    ...(e.isAllDay ? { ActivityDate: e.start.slice(0, 10) } : {}),
    Location: e.location ?? null,
    Description: e.description ?? null,
    IsPrivate: e.isPrivate ?? false,
    ShowAs: e.showAs ?? 'Busy',
    WhoId: who,
    WhatId: e.what ? ref('account', e.what, where) : null,
    OwnerId: owner,
    ...(e.classicRecurrence
      ? {
          IsRecurrence: true, RecurrenceType: e.classicRecurrence.type, RecurrenceInterval: e.classicRecurrence.interval ?? 1,
          RecurrenceStartDateTime: e.start, RecurrenceEndDateOnly: e.classicRecurrence.endDate,
        }
      : {}),
    ...(e.series ? { IsRecurrence2: true, Recurrence2PatternText: `RRULE:${e.series.rrule.replace(/^RRULE:/, '')}`, Recurrence2PatternStartDate: e.start } : {}),
  };
}
