import { ContextSnapshots } from '../../src/data/contextSnapshots';
import type { PartnerContext } from '../../src/core/model';
import { newAgendaItem, newInteraction, newPartner } from './fixtures';

/** localStorage as the browser has it, with a quota in characters (keys and values). */
class MemoryStorage {
  readonly items = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    const used = [...this.items].reduce((n, [k, v]) => n + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const SITE = 'veenhaven.sharepoint.com:/sites/partnerzicht';
const ANNA = 'anna.devries@veenhaven.nl';

function contextOf(partnerId = `p-${Math.random().toString(36).slice(2)}`, over: Partial<PartnerContext> = {}): PartnerContext {
  const partner = newPartner({ id: partnerId });
  return { partner, interactions: [newInteraction(partner.id)], agenda: [newAgendaItem(partner.id)], ...over };
}

describe("ContextSnapshots: this device's copies of the contexts it read", () => {
  test('a read context comes back for the same official and site only', () => {
    const storage = new MemoryStorage();
    const context = contextOf('p-1');
    new ContextSnapshots({ owner: ANNA, site: SITE, storage }).put('p-1', context, '2026-11-27T09:00:00.000Z');

    const again = new ContextSnapshots({ owner: ' Anna.deVries@veenhaven.nl ', site: SITE, storage }).get('p-1');
    expect(again).toEqual({ value: context, readAt: '2026-11-27T09:00:00.000Z' });
    expect(new ContextSnapshots({ owner: 'bram@veenhaven.nl', site: SITE, storage }).get('p-1')).toBeUndefined();
    expect(new ContextSnapshots({ owner: ANNA, site: 'other.sharepoint.com:/sites/x', storage }).get('p-1')).toBeUndefined();
    expect(new ContextSnapshots({ owner: ANNA, site: SITE, storage }).get('p-2')).toBeUndefined();
  });

  test("a confidential interaction's summary, follow-ups and review texts never reach the device", () => {
    const storage = new MemoryStorage();
    const secret = newInteraction('p-1', { confidential: true, summary: 'Overname-plannen', followUps: 'Bellen met de directie', review: { score: 4, goesWell: 'Open gesprek', couldImprove: 'Sneller reageren' } });
    const open = newInteraction('p-1', { summary: 'Gewoon overleg', followUps: 'Notulen rondsturen' });
    const snapshots = new ContextSnapshots({ owner: ANNA, site: SITE, storage });
    snapshots.put('p-1', contextOf('p-1', { interactions: [secret, open] }), '2026-11-27T09:00:00.000Z');

    const stored = [...storage.items.values()].join('\n');
    for (const text of ['Overname-plannen', 'Bellen met de directie', 'Open gesprek', 'Sneller reageren']) expect(stored).not.toContain(text);
    const [hidden, kept] = snapshots.get('p-1')!.value.interactions;
    expect(hidden).toMatchObject({ id: secret.id, title: secret.title, confidential: true, summary: '', review: { score: 4, goesWell: '', couldImprove: '' } });
    expect(hidden.followUps).toBeUndefined();
    expect(kept).toEqual(open);
  });

  test('keeps the most recently read partners only; reading one again makes it the newest', () => {
    const storage = new MemoryStorage();
    const snapshots = new ContextSnapshots({ owner: ANNA, site: SITE, storage, limit: 2 });
    snapshots.put('a', contextOf('a'), '2026-11-27T09:00:00.000Z');
    snapshots.put('b', contextOf('b'), '2026-11-27T09:01:00.000Z');
    snapshots.put('a', contextOf('a'), '2026-11-27T09:02:00.000Z');
    snapshots.put('c', contextOf('c'), '2026-11-27T09:03:00.000Z');
    expect(snapshots.get('a')?.readAt).toBe('2026-11-27T09:02:00.000Z');
    expect(snapshots.get('b')).toBeUndefined();
    expect(snapshots.get('c')).toBeDefined();
    // Two copies and the order: nothing else left behind.
    expect(storage.items.size).toBe(3);
  });

  test('a context too large to keep is not kept, and replaces no copy with a partial one', () => {
    const storage = new MemoryStorage();
    const snapshots = new ContextSnapshots({ owner: ANNA, site: SITE, storage, maxChars: 5_000 });
    snapshots.put('p-1', contextOf('p-1'), '2026-11-27T09:00:00.000Z');
    expect(snapshots.get('p-1')).toBeDefined();
    const huge = contextOf('p-1', { interactions: Array.from({ length: 50 }, () => newInteraction('p-1')) });
    snapshots.put('p-1', huge, '2026-11-27T10:00:00.000Z');
    // The older copy would now be misleading next to a newer answer that could not be kept: gone too.
    expect(snapshots.get('p-1')).toBeUndefined();
  });

  test('full storage: older copies make way, and a copy that cannot fit at all is simply not kept', () => {
    const one = JSON.stringify(contextOf('x')).length;
    const storage = new MemoryStorage(one * 2.7);
    const snapshots = new ContextSnapshots({ owner: ANNA, site: SITE, storage });
    snapshots.put('a', contextOf('a'), '2026-11-27T09:00:00.000Z');
    snapshots.put('b', contextOf('b'), '2026-11-27T09:01:00.000Z');
    snapshots.put('c', contextOf('c'), '2026-11-27T09:02:00.000Z');
    expect(snapshots.get('a')).toBeUndefined();
    expect(snapshots.get('c')).toBeDefined();

    const tiny = new ContextSnapshots({ owner: ANNA, site: SITE, storage: new MemoryStorage(100) });
    expect(() => tiny.put('a', contextOf('a'), '2026-11-27T09:00:00.000Z')).not.toThrow();
    expect(tiny.get('a')).toBeUndefined();
  });

  test('an unreadable copy (another version, broken JSON, another partner) counts as none and is removed', () => {
    const storage = new MemoryStorage();
    const snapshots = new ContextSnapshots({ owner: ANNA, site: SITE, storage });
    snapshots.put('p-1', contextOf('p-1'), '2026-11-27T09:00:00.000Z');
    const [key] = [...storage.items.keys()].filter((k) => !k.endsWith('order'));
    for (const broken of ['{', JSON.stringify({ version: 99, readAt: 'x', value: contextOf('p-1') }), JSON.stringify({ version: 1, readAt: 'x', value: contextOf('p-2') })]) {
      storage.items.set(key, broken);
      expect(snapshots.get('p-1')).toBeUndefined();
      expect(storage.items.has(key)).toBe(false);
    }
  });

  test('storage that refuses every call (private mode, policy) costs nothing but the head start', () => {
    const refusing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    const snapshots = new ContextSnapshots({ owner: ANNA, site: SITE, storage: refusing });
    expect(() => snapshots.put('p-1', contextOf('p-1'), '2026-11-27T09:00:00.000Z')).not.toThrow();
    expect(snapshots.get('p-1')).toBeUndefined();
  });
});
