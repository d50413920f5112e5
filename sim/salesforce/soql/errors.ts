/**
 * @module
 * Builds SoqlErrors that read like Salesforce's: the offending query line, a caret under the column, then
 * `ERROR at Row:r:Column:c` and the detail. Offsets are turned into 1-based Row/Column here and nowhere else.
 */
import { SoqlError, type SoqlPosition } from './types.ts';

/** Characters of the query line quoted around the caret; Salesforce also quotes a window, not the whole text. */
const WINDOW = 100;

export function positionOf(text: string, offset: number): SoqlPosition {
  let row = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      row++;
      lineStart = i + 1;
    }
  }
  return { row, column: offset - lineStart + 1 };
}

/** An error located at `offset` in `text`, e.g. errorAt(q, 10, 'MALFORMED_QUERY', "unexpected token: 'FORM'"). */
export function errorAt(text: string, offset: number, errorCode: string, detail: string, unsupported = false): SoqlError {
  const position = positionOf(text, offset);
  const lineStart = offset - (position.column - 1);
  let lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = text.length;
  const from = Math.max(lineStart, offset - WINDOW / 2);
  const to = Math.min(lineEnd, from + WINDOW);
  const quoted = text.slice(from, to);
  const caret = ' '.repeat(offset - from) + '^';
  const message = `\n${quoted}\n${caret}\nERROR at Row:${position.row}:Column:${position.column}\n${detail}`;
  return new SoqlError(errorCode, detail, { message, position, unsupported });
}

/** The wording every "valid SOQL, but not in the sim" error uses, so users can grep for it. */
export function unsupportedAt(text: string, offset: number, feature: string): SoqlError {
  return errorAt(text, offset, 'MALFORMED_QUERY', `not supported by synclab's Salesforce sim: ${feature}`, true);
}

/** Salesforce's INVALID_FIELD wording for an unknown column. */
export function noSuchColumn(text: string, offset: number, field: string, objectName: string): SoqlError {
  return errorAt(
    text, offset, 'INVALID_FIELD',
    `No such column '${field}' on entity '${objectName}'. If you are attempting to use a custom field, be sure to ` +
      `append the '__c' after the custom field name. Please reference your WSDL or the describe call for the ` +
      `appropriate names.`,
  );
}
