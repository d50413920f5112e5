/**
 * Tokenizer for Exchange OPATH recipient filters (CONN-04), e.g. `(Department -eq 'Sales') -and -not (Office -like 'Paris*')`.
 *
 * Positions are 1-based character columns into the filter text, so error messages can point at the exact spot.
 */

export type FilterToken =
  | { kind: 'lparen' | 'rparen' | 'lbrace' | 'rbrace' | 'end'; pos: number }
  | { kind: 'operator'; value: FilterOperatorName; text: string; pos: number }
  | { kind: 'word'; value: string; pos: number }
  | { kind: 'string'; value: string; pos: number };

export type FilterOperatorName = 'eq' | 'ne' | 'like' | 'notlike' | 'and' | 'or' | 'not';

const OPERATORS: ReadonlySet<string> = new Set(['eq', 'ne', 'like', 'notlike', 'and', 'or', 'not']);

/** A recipient filter that cannot be read. `position` is the 1-based column the problem starts at. */
export class RecipientFilterError extends Error {
  constructor(
    readonly filter: string,
    readonly position: number,
    readonly problem: string,
  ) {
    super(`invalid recipient filter at position ${position}: ${problem}\n  ${filter}\n  ${' '.repeat(Math.max(0, position - 1))}^`);
    this.name = 'RecipientFilterError';
  }
}

export function tokenize(filter: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  let i = 0;
  while (i < filter.length) {
    const ch = filter[i]!;
    const pos = i + 1;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')' || ch === '{' || ch === '}') {
      const kind = ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : ch === '{' ? 'lbrace' : 'rbrace';
      tokens.push({ kind, pos });
      i++;
    } else if (ch === "'" || ch === '"') {
      const { value, next } = readQuoted(filter, i);
      tokens.push({ kind: 'string', value, pos });
      i = next;
    } else if (ch === '-') {
      const name = readWord(filter, i + 1);
      const lower = name.toLowerCase();
      if (!name) throw new RecipientFilterError(filter, pos, "a lone '-' (operators are -eq, -ne, -like, -notlike, -and, -or, -not)");
      if (!OPERATORS.has(lower)) {
        throw new RecipientFilterError(
          filter,
          pos,
          `unsupported operator -${name}; synclab's Exchange sim supports -eq, -ne, -like, -notlike, -and, -or, -not`,
        );
      }
      tokens.push({ kind: 'operator', value: lower as FilterOperatorName, text: `-${name}`, pos });
      i += 1 + name.length;
    } else if (/[A-Za-z_$]/.test(ch)) {
      const word = readWord(filter, i);
      tokens.push({ kind: 'word', value: word, pos });
      i += word.length;
    } else {
      throw new RecipientFilterError(filter, pos, `unexpected character '${ch}'`);
    }
  }
  tokens.push({ kind: 'end', pos: filter.length + 1 });
  return tokens;
}

function readWord(text: string, start: number): string {
  let end = start;
  while (end < text.length && /[A-Za-z0-9_$.]/.test(text[end]!)) end++;
  return text.slice(start, end);
}

/** Reads a '…' or "…" literal; the quote character is escaped by doubling it, as in PowerShell. */
function readQuoted(text: string, start: number): { value: string; next: number } {
  const quote = text[start]!;
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === quote) {
      if (text[i + 1] === quote) {
        value += quote;
        i += 2;
        continue;
      }
      return { value, next: i + 1 };
    }
    value += ch;
    i++;
  }
  throw new RecipientFilterError(text, start + 1, `unterminated string: the ${quote} opened here is never closed`);
}
