/**
 * The only way a link written by a user (a note's source link, a partner's website, a link in a CSV
 * cell) becomes an `href`: it opens only with `https:` or `mailto:`. Everything else — `javascript:`,
 * `data:`, `vbscript:`, `file:`, `http:`, relative paths, protocol-relative `//host`, and the tricks
 * browsers normalise away (leading spaces/control characters, tabs or newlines inside the scheme,
 * mixed case, entity-looking text) — gives `undefined`, and the UI shows the text without a link.
 */
const ALLOWED = new Set(['https:', 'mailto:']);
/** Browsers strip these anywhere in a URL before parsing it (WHATWG URL: ASCII tab or newline). */
const TAB_OR_NEWLINE = /[\t\n\r]/g;
/** ...and these at both ends (C0 control or space). */
// eslint-disable-next-line no-control-regex
const C0_OR_SPACE_AT_ENDS = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const MAX_LENGTH = 2048;

export function safeHref(url: unknown): string | undefined {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_LENGTH) return undefined;
  const cleaned = url.replace(TAB_OR_NEWLINE, '').replace(C0_OR_SPACE_AT_ENDS, '');
  // Anything else unprintable (NUL inside, bidi overrides, zero-width) has no place in a link we offer.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(cleaned)) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1];
  if (!scheme) return undefined; // relative or protocol-relative: resolves against our own origin
  let parsed: URL;
  try {
    parsed = new URL(cleaned);
  } catch {
    return undefined;
  }
  if (!ALLOWED.has(parsed.protocol)) return undefined;
  if (parsed.protocol === 'https:' && (!parsed.hostname || parsed.username || parsed.password)) return undefined;
  if (parsed.protocol === 'mailto:' && !/^[^@\s]+@[^@\s]+$/.test(decodeURIComponentSafe(parsed.pathname))) return undefined;
  return parsed.href;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
