/**
 * @module
 * ItemShape BodyType conversion, as Exchange does it: a stored HTML body asked for as Text loses its markup (block
 * elements become line breaks, entities are decoded); a stored Text body asked for as HTML is escaped and wrapped in
 * a minimal document. `Best` (the default) returns the body as stored.
 */
import { escapeXml } from '../soap/xml.ts';
import type { BodyValue } from './values.ts';

export type RequestedBodyType = 'Best' | 'Text' | 'HTML';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function convertBody(body: BodyValue, requested: RequestedBodyType): BodyValue {
  if (requested === 'Best' || requested === body.type) return body;
  if (requested === 'Text') return { type: 'Text', text: htmlToText(body.text) };
  const html = escapeXml(body.text).replace(/\r?\n/g, '<br>\r\n');
  return {
    type: 'HTML',
    text: `<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n<div>${html}</div>\r\n</body>\r\n</html>\r\n`,
  };
}

function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\r\n')
    .replace(/<\/(p|div|li|tr|h[1-6])>/gi, '\r\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (m, e: string) =>
      e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e.toLowerCase()] ?? m),
    )
    .replace(/(\r\n){3,}/g, '\r\n\r\n')
    .trim();
}
