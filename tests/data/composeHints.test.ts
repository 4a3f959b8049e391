/** The compose hints the pane leaves for Outlook's event runtime (src/data/composeHintWriter.ts, composeHintStore.ts). */
import { readComposeHints, COMPOSE_HINTS_KEY } from '../../src/data/composeHintStore';
import { ComposeHintsWriter } from '../../src/data/composeHintWriter';
import { boundedHints } from '../../src/hosts/outlook/composeHintsRoaming';
import { newInteraction, newPartner } from './fixtures';

const NOW = new Date('2026-12-02T10:00:00Z');
const OWNER = 'Anne.Official@veenhaven.nl';

function memory() {
  const data = new Map<string, string>();
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

test('the register gives the partners, a context read gives its figures, and the figures survive a later register read', () => {
  const storage = memory();
  const mirrored: string[] = [];
  const writer = new ComposeHintsWriter({ owner: OWNER, storage, mirror: (json) => mirrored.push(json), defer: (w) => w(), now: () => NOW });
  const portaal = newPartner({ id: 'p1', name: 'Portaal', domains: ['Portaal.nl'], contacts: ['H@Gmail.com'] });
  writer.registerRead([portaal, newPartner({ id: 'p2', name: 'ZRL', domains: ['zrl.nl'], contacts: [] })]);
  let hints = readComposeHints(storage, OWNER.toLowerCase());
  expect(hints?.partners.map((p) => [p.id, p.domains, p.contacts, p.departments])).toEqual([
    ['p1', ['portaal.nl'], ['h@gmail.com'], undefined],
    ['p2', ['zrl.nl'], [], undefined],
  ]);
  writer.contextRead({
    partner: portaal,
    interactions: [
      newInteraction('p1', { department: 'Wonen', date: '2026-11-20T09:00:00Z' }),
      newInteraction('p1', { department: 'Zorg', date: '2026-10-01T09:00:00Z' }),
      newInteraction('p1', { department: 'Economie', date: '2026-11-25T09:00:00Z', withdrawn: { at: '2026-11-26T00:00:00Z', byEmail: 'x@y', byName: 'X', reason: 'mis' } as never }),
    ],
    agenda: [],
  });
  hints = readComposeHints(storage, OWNER);
  expect(hints?.partners[0]).toMatchObject({ departments: 2, lastContact: '2026-11-20T09:00:00Z', lastDepartment: 'Wonen' });
  // A new page (a new writer) keeps the figures this device read before.
  const next = new ComposeHintsWriter({ owner: OWNER, storage, defer: (w) => w(), now: () => NOW });
  next.registerRead([portaal]);
  expect(readComposeHints(storage, OWNER)?.partners[0]).toMatchObject({ departments: 2, lastDepartment: 'Wonen' });
  expect(mirrored.length).toBeGreaterThan(0);
  // Another official on the same device reads nothing.
  expect(readComposeHints(storage, 'b@veenhaven.nl')).toBeUndefined();
  expect(storage.data.has(COMPOSE_HINTS_KEY)).toBe(true);
});

test('roaming settings hold at most 30,000 characters: partners with figures first, most recent contact first', () => {
  const partners = Array.from({ length: 1000 }, (_, i) => ({
    id: `p${i}`,
    name: `Partner ${i} met een lange naam`,
    domains: [`partner${i}.nl`, `partner${i}-zorg.nl`],
    contacts: [],
    ...(i % 10 === 0 ? { departments: 2, lastContact: `2026-${String(1 + (i % 12)).padStart(2, '0')}-01T00:00:00Z` } : {}),
  }));
  const json = JSON.stringify({ version: 1, owner: 'a@b.nl', savedAt: NOW.toISOString(), partners });
  expect(json.length).toBeGreaterThan(30_000);
  const bounded = boundedHints(json)!;
  expect(bounded.length).toBeLessThanOrEqual(30_000);
  const kept = JSON.parse(bounded).partners as typeof partners;
  expect(kept.length).toBeGreaterThan(0);
  expect(kept.every((p) => p.departments !== undefined)).toBe(true);
  expect(kept.map((p) => p.lastContact)).toEqual([...kept.map((p) => p.lastContact)].sort().reverse());
  const small = JSON.stringify({ version: 1, owner: 'a@b.nl', savedAt: NOW.toISOString(), partners: partners.slice(0, 3) });
  expect(boundedHints(small)).toBe(small);
});
