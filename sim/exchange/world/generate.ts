/**
 * @module
 * `{ generate: N }` world entries: seeded faker contacts and events (G-08: one seed, one world). Events spread over
 * `spreadDays` around the clock's now, with the requested shares of private and recurring ones.
 */
import { Faker, en } from '@faker-js/faker';
import { hashSeed } from '#util/random.ts';
import type { ContactSpec, EventSpec, GenerateSpec } from '../world.ts';

export function seededFaker(seed: number, label: string): Faker {
  const faker = new Faker({ locale: [en] });
  faker.seed(hashSeed(seed, label));
  return faker;
}

export function generateContacts(faker: Faker, spec: GenerateSpec): ContactSpec[] {
  return Array.from({ length: spec.generate }, () => {
    const givenName = faker.person.firstName();
    const surname = faker.person.lastName();
    const company = faker.company.name();
    return {
      ...(spec.folder ? { folder: spec.folder } : {}),
      givenName,
      surname,
      companyName: company,
      jobTitle: faker.person.jobTitle(),
      email1: faker.internet.email({ firstName: givenName, lastName: surname, provider: 'example.com' }).toLowerCase(),
      businessPhone: faker.phone.number({ style: 'international' }),
      mobilePhone: faker.phone.number({ style: 'international' }),
      businessAddress: {
        street: faker.location.streetAddress(),
        city: faker.location.city(),
        state: faker.location.state({ abbreviated: true }),
        postalCode: faker.location.zipCode(),
        countryOrRegion: 'United States',
      },
    };
  });
}

export function generateEvents(faker: Faker, spec: GenerateSpec, now: number): EventSpec[] {
  const spread = spec.spreadDays ?? 14;
  return Array.from({ length: spec.generate }, (_, i) => {
    const dayOffset = faker.number.int({ min: -spread, max: spread });
    const hour = faker.number.int({ min: 8, max: 17 });
    const day = new Date(now + dayOffset * 86_400_000);
    const start = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, 0, 0);
    const minutes = faker.helpers.arrayElement([30, 60, 90]);
    const isPrivate = faker.number.float({ min: 0, max: 1 }) < (spec.privateShare ?? 0.1);
    const recurring = faker.number.float({ min: 0, max: 1 }) < (spec.recurringShare ?? 0.1);
    return {
      subject: `${faker.helpers.arrayElement(['Call with', 'Meeting with', 'Demo for', 'Lunch with'])} ${faker.company.name()}`,
      start: new Date(start).toISOString(),
      end: new Date(start + minutes * 60_000).toISOString(),
      location: faker.helpers.arrayElement(['Phone', 'Teams', faker.location.city()]),
      ...(isPrivate ? { sensitivity: 'Private' as const } : {}),
      ...(recurring ? { recurrence: { pattern: 'weekly' as const, count: 4 + (i % 6) } } : {}),
    };
  });
}
