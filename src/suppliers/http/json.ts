const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;

/** JSON's own number grammar: a run of number characters that breaks it is left for JSON.parse to refuse. */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

const isNumberChar = (c: number) => (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69;
const isWhitespace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** Whether a number literal must reach the caller as text: a decimal, an exponent, or an integer no double holds. */
function needsText(literal: string): boolean {
  for (let i = 0; i < literal.length; i++) {
    const c = literal.charCodeAt(i);
    if (c === 46 || c === 101 || c === 69) return true;
  }
  return literal.length >= 16 && !Number.isSafeInteger(Number(literal));
}

/** The index just past the string that opens at `start`, or -1 when it never closes. */
function endOfString(text: string, start: number): number {
  let close = text.indexOf('"', start + 1);
  while (close !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return close + 1;
    close = text.indexOf('"', close + 1);
  }
  return -1;
}

/**
 * Parses a supplier's JSON without letting a float touch any decimal: safe integers become
 * numbers, every other number (29.99, 1e3, 12345678901234567890) arrives as its exact source
 * text, a string, for the money helpers to read. Throws SyntaxError on malformed JSON.
 *
 * How: one pass finds those numbers outside strings (strings are jumped over with indexOf) and
 * quotes them, and the engine's JSON.parse does the rest. That is several times faster than a
 * parser written in JavaScript (lossless-json, which this replaced and which the tests hold it
 * to), and leaves less garbage on a 500-order page. A number right before a colon is not quoted,
 * so a number used as an object key stays the syntax error it is.
 */
export function parseSupplierJson(text: string): unknown {
  let quoted = '';
  let copiedUpTo = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = endOfString(text, i);
      if (i === -1) break;
      continue;
    }
    if (!isNumberChar(c)) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isNumberChar(text.charCodeAt(i))) i++;
    const literal = text.slice(start, i);
    if (!needsText(literal) || !JSON_NUMBER.test(literal)) continue;
    let next = i;
    while (isWhitespace(text.charCodeAt(next))) next++;
    if (text.charCodeAt(next) === COLON) continue;
    quoted += `${text.slice(copiedUpTo, start)}"${literal}"`;
    copiedUpTo = i;
  }
  return JSON.parse(copiedUpTo === 0 ? text : quoted + text.slice(copiedUpTo));
}
