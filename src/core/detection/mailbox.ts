/**
 * RFC 5322 mailbox strings as hosts hand them over: `jan@x.nl`, `Jan <jan@x.nl>`,
 * `"Dijk, Henk van" <h@x.nl>`, `jan@x.nl (Jan)`, `mailto:jan@x.nl`, and the sloppy forms real
 * systems produce (`Dijk, Henk van <h@x.nl>` without quotes, unbalanced brackets, control characters).
 * Lenient on purpose: a mailbox we cannot read is skipped, never thrown on, and the work per string
 * is bounded.
 */
import { hasBlankEnd, isValidAsciiHostAt, toAsciiHost } from './host';

export interface ParsedMailbox {
  /** Lower-case; host in ASCII (punycode) form. */
  address: string;
  displayName?: string;
}

/**
 * A mailbox as written, before the address is normalised (detection normalises through its host
 * cache). The display name is `nameSource.slice(nameStart, nameEnd)`, raw: `displayNameOf` tidies it.
 * Passing positions instead of a string spares a copy for every participant, when detection needs
 * the name only for the few that match.
 */
export type MailboxSink = (rawAddress: string, nameSource: string, nameStart: number, nameEnd: number) => void;

export function displayNameOf(nameSource: string, nameStart: number, nameEnd: number): string | undefined {
  // Trailing spaces go anyway (`Jan Jansen <j@x.nl>` leaves one before the `<`); cutting them off
  // here lets `tidyDisplayName` take the name as it is instead of rewriting it. Leading ones stay:
  // `tidyDisplayName` cuts very long input from the start, so they can matter.
  let end = nameEnd;
  while (end > nameStart && nameSource.charCodeAt(end - 1) === 32) end--;
  return end > nameStart ? tidyDisplayName(nameSource.slice(nameStart, end)) : undefined;
}

/** Beyond this a string is not a mailbox list anyone typed; the rest is ignored. */
const MAX_INPUT_CHARS = 8192;
const MAX_MAILBOXES_PER_STRING = 500;
const MAX_DISPLAY_CHARS = 256;
const MAX_LOCAL_CHARS = 256;

/** Control characters, NBSP and zero-width characters behave like a space. */
function isBlank(c: number): boolean {
  return (
    c <= 32 || c === 127 || (c >= 0x80 && c <= 0xa0) || (c >= 0x200b && c <= 0x200f) ||
    c === 0x2028 || c === 0x2029 || c === 0xfeff
  );
}

/** The common case, `jan@x.nl` with nothing around it, without running the full scanner. */
function isBareAddress(s: string): boolean {
  let at = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 64) {
      if (at >= 0) return false;
      at = i;
    } else if (
      isBlank(c) || c === 34 || c === 40 || c === 41 || c === 44 || c === 58 || c === 59 ||
      c === 60 || c === 62 || c === 91 || c === 92 || c === 93
    ) {
      return false;
    }
  }
  return at > 0 && at < s.length - 1;
}

const QUOTED_LOCAL_ADDRESS = /^"(?:[^"\\\r\n]|\\.){1,250}"@[^\s"<>(),;:@]+$/;
const ADDRESS_LIKE = /[^\s<>"(),;:[\]\\@]+@[^\s<>"(),;:[\]\\@]+/;

function looksLikeAddress(a: string): boolean {
  const at = a.lastIndexOf('@');
  if (at <= 0 || at === a.length - 1) return false;
  if (a.charCodeAt(0) === 34) return QUOTED_LOCAL_ADDRESS.test(a);
  return isBareAddress(a);
}

/** Already single-spaced printable text within bounds: the usual display name. */
function isTidy(text: string): boolean {
  const n = text.length;
  if (n > MAX_DISPLAY_CHARS || text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32) return false;
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 ? previous === 32 : isBlank(c)) return false;
    previous = c;
  }
  return true;
}

/** Single spaces, no control characters, bounded length; undefined when nothing is left. */
export function tidyDisplayName(text: string | undefined): string | undefined {
  if (!text) return undefined;
  if (isTidy(text)) return text;
  let t = text.length > MAX_DISPLAY_CHARS * 4 ? text.slice(0, MAX_DISPLAY_CHARS * 4) : text;
  t = t.replace(/[\s\u0000-\u001f\u007f-\u00a0\u200b-\u200f\u2028\u2029\ufeff]+/g, ' ').trim();
  if (t.length > MAX_DISPLAY_CHARS) t = t.slice(0, MAX_DISPLAY_CHARS).trim();
  return t || undefined;
}

/**
 * `Jan Jansen <jan@x.nl>` and `"Dijk, Henk" <h@x.nl>`: the shapes most participants have, split
 * without the full scanner. Returns false when the string is anything less plain.
 */
function plainNameAddr(s: string, sink: MailboxSink): boolean {
  const n = s.length;
  if (n < 5 || s.charCodeAt(n - 1) !== 62 /* > */) return false;
  let i = 0;
  let nameStart = 0;
  let nameEnd: number;
  if (s.charCodeAt(0) === 34 /* " */) {
    const close = s.indexOf('"', 1);
    if (close < 0) return false;
    for (let k = 1; k < close; k++) if (s.charCodeAt(k) === 92 /* \ */) return false;
    nameStart = 1;
    nameEnd = close;
    i = close + 1;
    while (i < n && s.charCodeAt(i) === 32) i++;
    if (s.charCodeAt(i) !== 60 /* < */) return false;
  } else {
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c === 60) break;
      if (c === 34 || c === 40 || c === 41 || c === 44 || c === 58 || c === 59 || c === 62 || c === 64 || c === 92) return false;
    }
    if (i === n) return false;
    nameEnd = i;
  }
  const address = s.slice(i + 1, n - 1);
  if (!isBareAddress(address)) return false;
  sink(address, s, nameStart, nameEnd);
  return true;
}

/** `mailto:`, `SMTP:` and obsolete source routes (`@relay:jan@x.nl`) precede the address proper. */
function afterLastColon(a: string): string {
  const colon = a.lastIndexOf(':');
  return colon >= 0 ? a.slice(colon + 1) : a;
}

/**
 * Calls `sink` for each mailbox in `input` (a list separated by `,` or `;`, groups allowed), in order.
 * Returns how many it emitted.
 */
export function scanMailboxes(input: string, sink: MailboxSink, limit = MAX_MAILBOXES_PER_STRING): number {
  if (typeof input !== 'string' || limit <= 0) return 0;
  const s = input.length > MAX_INPUT_CHARS ? input.slice(0, MAX_INPUT_CHARS) : input;
  const trimmed = hasBlankEnd(s) ? s.trim() : s;
  if (trimmed.length === 0) return 0;
  if (isBareAddress(trimmed)) {
    sink(trimmed, '', 0, 0);
    return 1;
  }
  if (plainNameAddr(trimmed, sink)) return 1;
  return scanMailboxList(s, sink, limit);
}

/**
 * The full scanner, apart from `scanMailboxes` because its `flush` closure makes the function
 * allocate a context on every call: for the usual single mailbox, that was most of its garbage.
 */
function scanMailboxList(s: string, sink: MailboxSink, limit: number): number {
  let emitted = 0;
  let text = ''; // outside comments and brackets, quotes removed: a display name or a bare address
  let angle: string | undefined; // inside <…>
  let comment = '';
  let pending = ''; // display-name pieces cut off by an unquoted comma: `Dijk, Henk <h@x.nl>`
  let segmentStart = 0;
  let inQuote = false;
  let inAngle = false;
  let depth = 0;

  const flush = (end: number): void => {
    const display = text.trim();
    let address: string | undefined;
    let name: string;
    if (angle !== undefined) {
      address = afterLastColon(angle);
      name = display || comment.trim();
    } else {
      const raw = s.slice(segmentStart, end).trim();
      if (raw.charCodeAt(0) === 34 && QUOTED_LOCAL_ADDRESS.test(raw)) {
        address = raw;
        name = '';
      } else {
        const words = display.split(/\s+/);
        let k = words.length - 1;
        while (k >= 0 && !words[k].includes('@')) k--;
        if (k < 0 && !raw.includes('@')) {
          // No address at all: a display-name piece cut off by an unquoted comma.
          if (display) pending = pending ? `${pending}, ${display}` : display;
          text = '';
          comment = '';
          return;
        }
        if (k < 0) {
          // The `@` hides in a comment or broken quoting; the lenient extraction below finds it.
          address = '';
          name = '';
        } else {
          address = afterLastColon(words[k]);
          words.splice(k, 1);
          name = words.join(' ') || comment.trim();
        }
      }
    }
    if (pending) {
      name = name ? `${pending}, ${name}` : pending;
      pending = '';
    }
    if (!looksLikeAddress(address)) {
      const found = ADDRESS_LIKE.exec(s.slice(segmentStart, end));
      address = found ? found[0] : undefined;
    }
    if (address !== undefined) {
      sink(address, name, 0, name.length);
      emitted++;
    }
    text = '';
    comment = '';
    angle = undefined;
  };

  for (let i = 0; i < s.length && emitted < limit; i++) {
    const c = s.charCodeAt(i);
    if (inQuote) {
      if (c === 92 && i + 1 < s.length) text += s[++i];
      else if (c === 34) inQuote = false;
      else text += isBlank(c) ? ' ' : s[i];
      continue;
    }
    if (depth > 0) {
      if (c === 92 && i + 1 < s.length) comment += s[++i];
      else if (c === 40) depth++;
      else if (c === 41) {
        if (--depth === 0) comment += ' ';
      } else comment += isBlank(c) ? ' ' : s[i];
      continue;
    }
    if (inAngle) {
      if (c === 62) inAngle = false;
      else if (c === 60) angle = '';
      else if (!isBlank(c)) angle += s[i];
      continue;
    }
    switch (c) {
      case 34:
        inQuote = true;
        break;
      case 40:
        depth = 1;
        break;
      case 60:
        inAngle = true;
        angle = '';
        break;
      case 62:
        break; // a stray `>` carries nothing
      case 44:
      case 59:
        flush(i);
        segmentStart = i + 1;
        break;
      case 58:
        // A group name (`Team: a@x.nl, b@x.nl;`) or a scheme (`mailto:`); neither is a display name.
        text = '';
        pending = '';
        break;
      default:
        text += isBlank(c) ? ' ' : s[i];
    }
  }
  if (emitted < limit) flush(s.length);
  return emitted;
}

/** Lower-case, host in ASCII form; undefined when it cannot be a deliverable address. */
export function normalizeAddress(raw: string): { address: string; local: string; host: string } | undefined {
  const at = raw.lastIndexOf('@');
  if (at <= 0) return undefined;
  const local = normalizeLocalPart(raw.slice(0, at));
  if (local === undefined) return undefined;
  const host = toAsciiHost(raw.slice(at + 1));
  if (host === undefined || !host.includes('.')) return undefined;
  return { address: `${local}@${host}`, local, host };
}

export function normalizeLocalPart(local: string): string | undefined {
  if (local.length === 0 || local.length > MAX_LOCAL_CHARS) return undefined;
  if (local.charCodeAt(0) !== 34) {
    for (let i = 0; i < local.length; i++) {
      const c = local.charCodeAt(i);
      if (isBlank(c) || c === 34 || c === 60 || c === 62 || c === 64) return undefined;
    }
  }
  return local.toLowerCase();
}

/**
 * `s` itself when it is already a normalised bare address (lower-case, ASCII host), else undefined.
 * Lets index building skip the parser for the register's usual, clean entries.
 */
export function plainAddress(s: string): string | undefined {
  // One pass over the string, no copies: this runs for every contact of the register. Same answer as
  // `isBareAddress(s)`, a local part without upper-case or non-ASCII characters, and a host with a
  // dot that `toAsciiHost` would leave unchanged.
  const at = s.indexOf('@');
  if (at <= 0) return undefined;
  for (let i = 0; i < at; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127 || isBlank(c) || isAddressSpecial(c)) return undefined;
  }
  if (s.indexOf('.', at + 1) < 0 || !isValidAsciiHostAt(s, at + 1, s.length)) return undefined;
  return s;
}

/** Characters that end a bare address: quotes, brackets, list and group separators. */
function isAddressSpecial(c: number): boolean {
  return c === 34 || c === 40 || c === 41 || c === 44 || c === 58 || c === 59 || c === 60 || c === 62 || c === 91 || c === 92 || c === 93;
}

/** Every readable mailbox in `input`, normalised; unreadable ones are left out. */
export function parseMailboxList(input: string): ParsedMailbox[] {
  const out: ParsedMailbox[] = [];
  scanMailboxes(input, (raw, source, start, end) => {
    const n = normalizeAddress(raw);
    if (!n) return;
    const name = displayNameOf(source, start, end);
    out.push(name ? { address: n.address, displayName: name } : { address: n.address });
  });
  return out;
}

/** The first readable mailbox in `input`, or undefined. Use `parseMailboxList` for lists. */
export function parseMailbox(input: string): ParsedMailbox | undefined {
  return parseMailboxList(input)[0];
}
