/**
 * What a SharePoint list column holds, so that nothing is sent that the list would refuse: a single line
 * of text holds 255 characters, multiple lines of text 63,999 ("List and library column types and
 * options", support.microsoft.com). The emulator refuses longer values (src/emulator/columns.ts).
 */
export const TEXT_MAX_CHARS = 255;
export const NOTE_MAX_CHARS = 63_999;

/** cyrb53: a 53-bit string hash, enough to keep over-long keys apart. */
export function stringHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * A key as a single-line text column can hold it: itself when it fits, else its beginning and a hash of
 * the whole, so that every client turns the same long key into the same stored one.
 */
export function fittedKey(key: string, max = TEXT_MAX_CHARS): string {
  if (key.length <= max) return key;
  const hash = stringHash(key);
  return `${key.slice(0, max - hash.length - 1)}#${hash}`;
}
