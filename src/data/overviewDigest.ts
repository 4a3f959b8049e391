/**
 * The OverviewDigest list (schema.ts, issue 19): the overview's first screen as one item
 * (core/overview/firstScreenDigest.ts), read by a first-ever open before the lists behind it, written
 * by an overview that holds the whole register when the newest digest is more than an hour old.
 *
 * Each write is a new item; the writer then removes the older items it saw. A reader takes the newest
 * valid one, so two managers writing at once, or a removal that fails, leave at most a few items and
 * never a wrong one shown: the next writer removes them too. Nothing here is in a note's way, and
 * every failure is only a first screen that waits for the lists as before.
 */
import { DIGEST_REFRESH_MS, parseDigest, type FirstScreenDigest } from '../core/overview/firstScreenDigest';
import { NOTE_MAX_CHARS } from '../core/fieldLimits';
import type { GraphTransport } from './graph/GraphTransport';
import { GraphRequestError } from './graph/errors';
import { encodeQueryValue } from './graph/odata';
import type { ListItem } from './listFields';
import { SCHEMA } from './schema';
import { siteAddress } from './siteRef';

/** The list's items path for a site reference (by path or id, as the other lists: siteRef.ts). */
export function digestListPath(siteRef: string): string {
  return `/sites/${siteAddress(siteRef)}/lists/${SCHEMA.OverviewDigest.displayName}/items`;
}

const itemsWith = (path: string, columns: string) => `${path}?$select=id&$expand=${encodeQueryValue(`fields($select=${columns})`)}&$top=100`;
const madeAt = (item: ListItem) => Date.parse(String(item.fields?.madeAt ?? '')) || 0;

/** The newest digest this version can show; undefined when there is none (a list that cannot be read throws). */
export async function readNewestDigest(transport: GraphTransport, path: string, now: Date): Promise<FirstScreenDigest | undefined> {
  const items = await transport.getAll<ListItem>(itemsWith(path, 'digest,madeAt'));
  for (const item of [...items].sort((a, b) => madeAt(b) - madeAt(a))) {
    const digest = parseDigest(item.fields?.digest, now);
    if (digest) return digest;
  }
  return undefined;
}

/**
 * Removes every digest: after an AVG removal, so that no copy of a removed name stays behind in one. The
 * next overview open makes a new digest from the register as it is then.
 */
export async function removeDigests(transport: GraphTransport, path: string): Promise<void> {
  // Not there (a site setup has not upgraded yet, or an item a colleague removed first): nothing to remove.
  const absent = (error: unknown) => {
    if (!(error instanceof GraphRequestError && error.status === 404)) throw error;
  };
  const items = await transport.getAll<ListItem>(itemsWith(path, 'madeAt')).catch((error: unknown) => (absent(error), []));
  await Promise.all(items.map((item) => transport.request('DELETE', `${path}/${encodeURIComponent(item.id)}`).catch(absent)));
}

/**
 * Writes a new digest (made by `make`, only when needed) when the newest is older than
 * `DIGEST_REFRESH_MS`, then removes the ones it read. Resolves to whether it wrote. With `memo` (the
 * device's localStorage) a device that looked within that time does not ask again: a manager who opens
 * the overview twenty times a day costs the site a few small reads, not twenty.
 */
export async function keepDigest(transport: GraphTransport, path: string, make: () => FirstScreenDigest, now: Date, memo?: Pick<Storage, 'getItem' | 'setItem'>): Promise<boolean> {
  const memoKey = `partnerzicht.digestChecked.${path}`;
  const lookedAt = Date.parse(readMemo(memo, memoKey) ?? '');
  if (now.getTime() - lookedAt < DIGEST_REFRESH_MS && lookedAt <= now.getTime()) return false;
  const items = await transport.getAll<ListItem>(itemsWith(path, 'madeAt'));
  const newest = Math.max(0, ...items.map(madeAt));
  // A digest from a clock ahead of ours counts as new: it is shown only within minutes of now (parseDigest).
  if (now.getTime() - newest < DIGEST_REFRESH_MS) {
    writeMemo(memo, memoKey, now.toISOString());
    return false;
  }
  const digest = make();
  const text = JSON.stringify(digest);
  // Fifty rows of names fit many times over; a column that would refuse it is not written to at all.
  if (text.length > NOTE_MAX_CHARS) return false;
  // A repeated create after a lost answer only leaves a second copy, which the next write removes.
  await transport.request('POST', path, { body: { fields: { Title: 'Partnerzicht', digest: text, madeAt: digest.madeAt } }, safeToRepeat: true });
  writeMemo(memo, memoKey, now.toISOString());
  await Promise.allSettled(items.map((item) => transport.request('DELETE', `${path}/${encodeURIComponent(item.id)}`)));
  return true;
}

function readMemo(memo: Pick<Storage, 'getItem'> | undefined, key: string): string | null | undefined {
  try {
    return memo?.getItem(key);
  } catch {
    return undefined;
  }
}

function writeMemo(memo: Pick<Storage, 'setItem'> | undefined, key: string, value: string): void {
  try {
    memo?.setItem(key, value);
  } catch {
    // Storage full or refused: the next open asks the site again, one small read.
  }
}
