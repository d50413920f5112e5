/**
 * @module
 * A strict, namespace-aware XML reader and a small escaping writer for the Exchange sim's SOAP layer.
 *
 * EWS clients choose their own prefixes (`soap:`/`s:`, `m:`/`msg:`), so elements are matched by namespace URI and
 * local name, never by prefix. Malformed XML is an error (XmlParseError, with line and column), never repaired:
 * Exchange answers ErrorSchemaValidation to a request with a raw `&`, and so must we.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { detachString } from '#util/detach.ts';

export const NS = {
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
  soap12: 'http://www.w3.org/2003/05/soap-envelope',
  messages: 'http://schemas.microsoft.com/exchange/services/2006/messages',
  types: 'http://schemas.microsoft.com/exchange/services/2006/types',
  errors: 'http://schemas.microsoft.com/exchange/services/2006/errors',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xsd: 'http://www.w3.org/2001/XMLSchema',
} as const;

export interface XmlElement {
  /** Namespace URI ('' when none). */
  ns: string;
  /** Local name. */
  name: string;
  /** Attributes by local name (unqualified and, for namespaced attributes, also `{uri}local`). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated direct text content (CDATA included), not trimmed. */
  text: string;
  /** 1-based position of the start tag, for error messages. */
  line: number;
  column: number;
}

/** Malformed XML. `line`/`column` are 1-based and point at where the parser gave up. */
export class XmlParseError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`malformed XML at line ${line}, column ${column}: ${reason}`);
    this.name = 'XmlParseError';
  }
}

/** Parses a whole document and returns its root element. Throws XmlParseError on anything not well-formed. */
export function parseXml(source: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: XmlParseError | undefined;

  parser.on('error', (err) => {
    if (!failure) failure = new XmlParseError(stripPosition(err.message), parser.line, parser.column);
  });
  parser.on('opentag', (tag) => {
    const el = toElement(tag as SaxesTagNS, parser.line, parser.column);
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    const el = stack.pop();
    // Values parsed from a request end up in stored items: copy them so they do not pin the request body.
    if (el && el.text.length > 0) el.text = detachString(el.text);
  });
  const onText = (text: string): void => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  try {
    parser.write(source).close();
  } catch (error) {
    // saxes throws after emitting 'error' when no handler stops it; keep the first, most precise failure.
    if (!failure) failure = new XmlParseError(stripPosition(String((error as Error).message ?? error)), parser.line, parser.column);
  }
  if (failure) throw failure;
  if (!root) throw new XmlParseError('document has no root element', parser.line, parser.column);
  return root;
}

function toElement(tag: SaxesTagNS, line: number, column: number): XmlElement {
  const attrs: Record<string, string> = {};
  for (const attr of Object.values(tag.attributes)) {
    if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
    const value = detachString(attr.value);
    if (attr.uri) attrs[`{${attr.uri}}${attr.local}`] = value;
    // Unprefixed attributes win the plain key; a namespaced one only fills it when it is free.
    if (!attr.uri || !(attr.local in attrs)) attrs[attr.local] = value;
  }
  return { ns: tag.uri ?? '', name: tag.local, attrs, children: [], text: '', line, column };
}

function stripPosition(message: string): string {
  // saxes prefixes messages with "line:column: "; we carry the position separately.
  return message.replace(/^\S*?\d+:\d+: /, '');
}

/** First child element with this namespace and local name. */
export function child(el: XmlElement | undefined, ns: string, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.ns === ns && c.name === name);
}

/** All child elements with this namespace and local name (all children when `name` is omitted). */
export function children(el: XmlElement | undefined, ns?: string, name?: string): XmlElement[] {
  if (!el) return [];
  return el.children.filter((c) => (ns === undefined || c.ns === ns) && (name === undefined || c.name === name));
}

/** Follows a path of local names, all in one namespace: `path(body, NS.types, 'Mailbox', 'EmailAddress')`. */
export function path(el: XmlElement | undefined, ns: string, ...names: string[]): XmlElement | undefined {
  let current = el;
  for (const name of names) current = child(current, ns, name);
  return current;
}

/** Text of the element (or of its named child), or undefined when absent. */
export function textOf(el: XmlElement | undefined, ns?: string, name?: string): string | undefined {
  const target = ns !== undefined && name !== undefined ? child(el, ns, name) : el;
  return target?.text;
}

/** Escapes text content and attribute values (quotes included, so the result fits either place). */
export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // XML 1.0 forbids most C0 control characters even escaped; drop them rather than emit an unparsable reply.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

export type XmlAttrs = Record<string, string | number | boolean | undefined>;

/**
 * Writes one element: `tag('t:Subject', {}, escapedChildren)`. `content` is already-serialized XML (use `text()` for
 * plain text). Attributes are escaped here; undefined attributes are left out.
 */
export function tag(qname: string, attrs: XmlAttrs = {}, content = ''): string {
  let open = `<${qname}`;
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    open += ` ${key}="${escapeXml(String(value))}"`;
  }
  return content === '' ? `${open}/>` : `${open}>${content}</${qname}>`;
}

/** An element with escaped text content; nothing at all when `value` is undefined. */
export function textTag(qname: string, value: string | number | boolean | undefined, attrs: XmlAttrs = {}): string {
  if (value === undefined) return '';
  const s = String(value);
  return s === '' ? tag(qname, attrs) : tag(qname, attrs, escapeXml(s));
}
