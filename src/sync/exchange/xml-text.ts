/**
 * @module
 * ews-javascript-api 0.15.3 writes text values into the SOAP body without escaping them (EwsServiceXmlWriter
 * concatenates raw strings): `R&D` goes out as `R&D`, which is not well-formed XML, and `<` breaks the envelope. So
 * every text value the engine hands to the client is escaped here first. Reads need nothing: the client parses
 * responses with a real XML parser, which decodes entities.
 */

/** Escapes a text value for the client's raw XML writer. */
export function escapeXmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `escapeXmlText` for optional values: null / undefined pass through (null clears a property). */
export function escapeOrNull(value: string | null | undefined): string | null | undefined {
  return typeof value === 'string' ? escapeXmlText(value) : value;
}
