/**
 * @module
 * How each kind of EWS property value is read from request XML and written to response XML. The field registry
 * (fields.ts) pairs FieldURIs with one of these codecs.
 */
import { StoreError } from '../store/store-error.ts';
import { child, children, escapeXml, NS, tag, textTag, type XmlElement } from '../soap/xml.ts';
import {
  ADDRESS_PARTS,
  formatDateTime,
  type AttendeeValue,
  type BodyValue,
  type MailboxValue,
  type PhysicalAddressValue,
} from './values.ts';

export interface Codec {
  /** Reads the property's element (e.g. <t:Subject>) from a request. Throws StoreError on a bad value. */
  read(el: XmlElement, name: string): unknown;
  /** Writes the property element with prefix `t:`; '' when there is nothing to write. */
  write(value: unknown, name: string): string;
}

function badValue(name: string, value: string, expected: string): StoreError {
  return new StoreError('ErrorInvalidValueForProperty', `The value "${value}" is not valid for property ${name}; expected ${expected}.`);
}

export const stringCodec: Codec = {
  read: (el) => el.text,
  write: (value, name) => (typeof value === 'string' ? textTag(`t:${name}`, value) : ''),
};

export const boolCodec: Codec = {
  read: (el, name) => {
    const t = el.text.trim();
    if (t === 'true' || t === '1') return true;
    if (t === 'false' || t === '0') return false;
    throw badValue(name, t, 'true or false');
  },
  write: (value, name) => (typeof value === 'boolean' ? textTag(`t:${name}`, String(value)) : ''),
};

export const intCodec: Codec = {
  read: (el, name) => {
    const n = Number(el.text.trim());
    if (!Number.isInteger(n)) throw badValue(name, el.text, 'an integer');
    return n;
  },
  write: (value, name) => (typeof value === 'number' ? textTag(`t:${name}`, String(value)) : ''),
};

/** xs:dateTime with or without offset; stored as epoch ms. A value without offset is taken as UTC. */
export function parseDateTime(text: string, name: string): number {
  const t = text.trim();
  const withZone = /[zZ]|[+-]\d\d:\d\d$/.test(t) ? t : /^\d{4}-\d\d-\d\d$/.test(t) ? `${t}T00:00:00Z` : `${t}Z`;
  const ms = Date.parse(withZone);
  if (!/^\d{4}-\d\d-\d\d/.test(t) || !Number.isFinite(ms)) throw badValue(name, t, 'an xs:dateTime such as 2024-06-03T14:00:00Z');
  return ms;
}

export const dateTimeCodec: Codec = {
  read: (el, name) => parseDateTime(el.text, name),
  write: (value, name) => (typeof value === 'number' ? textTag(`t:${name}`, formatDateTime(value)) : ''),
};

export function enumCodec(allowed: readonly string[]): Codec {
  return {
    read: (el, name) => {
      const t = el.text.trim();
      if (!allowed.includes(t)) throw badValue(name, t, `one of ${allowed.join(', ')}`);
      return t;
    },
    write: stringCodec.write,
  };
}

export const bodyCodec: Codec = {
  read: (el): BodyValue => ({ type: el.attrs['BodyType'] === 'HTML' ? 'HTML' : 'Text', text: el.text }),
  write: (value, name) => {
    const body = value as BodyValue | undefined;
    return body ? tag(`t:${name}`, { BodyType: body.type }, escapeXml(body.text)) : '';
  },
};

export const stringsCodec: Codec = {
  read: (el) => children(el, NS.types, 'String').map((s) => s.text),
  write: (value, name) => {
    const list = value as string[] | undefined;
    if (!list || list.length === 0) return '';
    return tag(`t:${name}`, {}, list.map((s) => textTag('t:String', s) || '<t:String/>').join(''));
  },
};

/** EmailAddresses / PhoneNumbers: `<t:Entry Key="…">value</t:Entry>`. */
export const dictionaryCodec: Codec = {
  read: (el) => Object.fromEntries(children(el, NS.types, 'Entry').map((e) => [e.attrs['Key'] ?? '', e.text])),
  write: (value, name) => {
    const dict = value as Record<string, string> | undefined;
    if (!dict || Object.keys(dict).length === 0) return '';
    return tag(
      `t:${name}`,
      {},
      Object.entries(dict)
        .map(([key, v]) => tag('t:Entry', { Key: key }, escapeXml(v)))
        .join(''),
    );
  },
};

export const addressesCodec: Codec = {
  read: (el) => {
    const out: Record<string, PhysicalAddressValue> = {};
    for (const entry of children(el, NS.types, 'Entry')) {
      const address: PhysicalAddressValue = {};
      for (const part of ADDRESS_PARTS) {
        const p = child(entry, NS.types, part);
        if (p) address[part] = p.text;
      }
      out[entry.attrs['Key'] ?? ''] = address;
    }
    return out;
  },
  write: (value, name) => {
    const dict = value as Record<string, PhysicalAddressValue> | undefined;
    if (!dict || Object.keys(dict).length === 0) return '';
    const entries = Object.entries(dict).map(([key, address]) =>
      tag('t:Entry', { Key: key }, ADDRESS_PARTS.map((part) => textTag(`t:${part}`, address[part])).join('')),
    );
    return tag(`t:${name}`, {}, entries.join(''));
  },
};

function readMailbox(el: XmlElement | undefined): MailboxValue | undefined {
  const address = child(el, NS.types, 'EmailAddress')?.text.trim();
  if (!address) return undefined;
  const name = child(el, NS.types, 'Name')?.text;
  return name ? { name, address } : { address };
}

export function mailboxXml(m: MailboxValue): string {
  return `<t:Mailbox>${textTag('t:Name', m.name ?? m.address)}${textTag('t:EmailAddress', m.address)}<t:RoutingType>SMTP</t:RoutingType></t:Mailbox>`;
}

/** Organizer: `<t:Organizer><t:Mailbox>…</t:Mailbox></t:Organizer>`. */
export const organizerCodec: Codec = {
  read: (el, name) => {
    const m = readMailbox(child(el, NS.types, 'Mailbox'));
    if (!m) throw badValue(name, '', 'a Mailbox with an EmailAddress');
    return m;
  },
  write: (value, name) => (value ? tag(`t:${name}`, {}, mailboxXml(value as MailboxValue)) : ''),
};

export const attendeesCodec: Codec = {
  read: (el) =>
    children(el, NS.types, 'Attendee').flatMap((a): AttendeeValue[] => {
      const m = readMailbox(child(a, NS.types, 'Mailbox'));
      if (!m) return [];
      const response = child(a, NS.types, 'ResponseType')?.text;
      return [response ? { ...m, responseType: response } : m];
    }),
  write: (value, name) => {
    const list = value as AttendeeValue[] | undefined;
    if (!list || list.length === 0) return '';
    const xml = list.map((a) => `<t:Attendee>${mailboxXml(a)}${textTag('t:ResponseType', a.responseType ?? 'Unknown')}</t:Attendee>`);
    return tag(`t:${name}`, {}, xml.join(''));
  },
};

/** StartTimeZone/EndTimeZone: we keep the Id only (the sim stores instants in UTC). */
export const timeZoneCodec: Codec = {
  read: (el) => el.attrs['Id'] ?? el.attrs['Name'] ?? '',
  write: (value, name) => (typeof value === 'string' && value ? tag(`t:${name}`, { Id: value }) : ''),
};
