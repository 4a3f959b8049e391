/**
 * Host names in the one form every comparison uses: lower-case ASCII, IDN labels in punycode.
 */

const MAX_HOST_CHARS = 253;
const MAX_LABEL_CHARS = 63;
/** Longer raw input cannot become a valid host; refusing early bounds the work. */
const MAX_RAW_HOST_CHARS = 1024;

export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * `s.trim()` could change `s`. Printable ASCII at both ends means it cannot, which spares the call
 * (a measurable cost per participant and per register entry); anything else, Unicode spaces
 * included, still goes to `trim`.
 */
export function hasBlankEnd(s: string): boolean {
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  return !(first > 32 && first < 127 && last > 32 && last < 127);
}

function isValidAsciiHost(host: string): boolean {
  return isValidAsciiHostAt(host, 0, host.length);
}

/**
 * `s.slice(start, end)` is a valid lower-case ASCII host, checked in place so that a caller holding a
 * whole address needs no copy of its host.
 */
export function isValidAsciiHostAt(s: string, start: number, end: number): boolean {
  if (end <= start || end - start > MAX_HOST_CHARS) return false;
  let labelLength = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 /* . */) {
      if (labelLength === 0) return false;
      labelLength = 0;
      continue;
    }
    const ok =
      (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 /* - */ || c === 95; /* _ occurs in real mail hosts */
    if (!ok || ++labelLength > MAX_LABEL_CHARS) return false;
  }
  return labelLength > 0;
}

/**
 * Lower-case ASCII form of `raw`, or undefined when it cannot be a host name.
 * IDN conversion goes through WHATWG `URL` because it exists in browsers and Node alike and applies
 * the full IDNA mapping (full-width dots, case folding) that a hand-rolled punycode would miss.
 */
export function toAsciiHost(raw: string): string | undefined {
  let end = raw.length;
  while (end > 0 && raw.charCodeAt(end - 1) === 46) end--; // a fully qualified `x.nl.` is `x.nl`
  if (end === 0 || end > MAX_RAW_HOST_CHARS) return undefined;
  let host = end === raw.length ? raw : raw.slice(0, end);
  if (isAscii(host)) {
    host = host.toLowerCase();
  } else {
    // Characters URL would read as port, path, credentials or escapes: never part of a host.
    if (/[\s/\\?#@:%[\]<>"'`^{|}]/u.test(host)) return undefined;
    try {
      host = new URL('http://' + host).hostname;
    } catch {
      return undefined;
    }
    while (host.endsWith('.')) host = host.slice(0, -1);
  }
  return isValidAsciiHost(host) ? host : undefined;
}

/** Dotted digits only: an IPv4 literal (URL has already turned exotic forms into this one). */
export function isIpv4Like(host: string): boolean {
  return /^[0-9.]+$/.test(host);
}
