import type { ValidationProblem } from '../common/validation';

/** Most query parameters one request may carry. */
export const MAX_QUERY_PARAMETERS = 32;

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
/** C0 and C1 controls, DEL, and the non-characters U+FFFE/U+FFFF: nothing a search or an id holds. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/;

/**
 * Problems with a request target's raw parameters, before anything decodes them leniently: each
 * path segment and query value must be well-formed percent-encoding of valid UTF-8 (an encoded
 * lone surrogate is not), free of control characters (NUL above all: Postgres refuses it in
 * text, which surfaced as a 500), and at most `maxBytes` long.
 */
export function requestParameterProblems(target: string, maxBytes: number): ValidationProblem[] {
  const queryStart = target.indexOf('?');
  const pathPart = queryStart < 0 ? target : target.slice(0, queryStart);
  const queryPart = queryStart < 0 ? '' : target.slice(queryStart + 1);
  const problems: ValidationProblem[] = [];
  for (const segment of pathPart.split('/').filter(Boolean)) {
    const problem = valueProblem(segment, maxBytes, false);
    if (problem) problems.push({ parameter: 'path', message: problem });
  }
  const pairs = queryPart.split('&').filter(Boolean);
  if (pairs.length > MAX_QUERY_PARAMETERS) problems.push({ parameter: '(query)', message: `has more than ${MAX_QUERY_PARAMETERS} parameters` });
  for (const pair of pairs.slice(0, MAX_QUERY_PARAMETERS)) {
    const separator = pair.indexOf('=');
    const rawName = separator < 0 ? pair : pair.slice(0, separator);
    const nameProblem = valueProblem(rawName, 256, true);
    const name = nameProblem ? '(parameter name)' : decode(rawName, true);
    if (nameProblem) problems.push({ parameter: name, message: nameProblem });
    const problem = separator < 0 ? null : valueProblem(pair.slice(separator + 1), maxBytes, true);
    if (problem) problems.push({ parameter: name, message: problem });
  }
  return problems;
}

function valueProblem(raw: string, maxBytes: number, plusIsSpace: boolean): string | null {
  const bytes = percentDecodedBytes(plusIsSpace ? raw.replace(/\+/g, ' ') : raw);
  if (!bytes) return 'has malformed percent-encoding';
  if (bytes.length > maxBytes) return `is longer than ${maxBytes} bytes`;
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    return 'is not valid UTF-8 (or encodes a lone surrogate)';
  }
  if (CONTROL.test(text)) return 'contains a NUL or another control character';
  return null;
}

function decode(raw: string, plusIsSpace: boolean): string {
  return STRICT_UTF8.decode(percentDecodedBytes(plusIsSpace ? raw.replace(/\+/g, ' ') : raw)!);
}

/** The bytes a percent-encoded string stands for; null when a `%` is not followed by two hex digits. */
function percentDecodedBytes(raw: string): Uint8Array | null {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let index = 0; index < raw.length; index++) {
    const char = raw[index];
    if (char === '%') {
      const hex = raw.slice(index + 1, index + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return null;
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...encoder.encode(char));
    }
  }
  return Uint8Array.from(bytes);
}
