import fc from 'fast-check';
import { fieldFilter, itemQueryString } from '../../src/data/graph/odata';
import { SharePointPartnerRepository } from '../../src/data/SharePointPartnerRepository';
import { newInteraction, newPartner } from './fixtures';
import { startHarness, type Harness } from './graphHarness';

const HOSTILE = [
  "' or 1 eq 1",
  "x' or fields/partnerId ne 'y",
  "''",
  "'",
  "O'Brien & Zn.",
  '%27',
  '%27 or 1 eq 1 %27',
  '%25%27',
  'a&$top=1',
  'a&b=c',
  '#fragment',
  'x#y?z=1',
  '+plus+ and space',
  'slash/back\\slash',
  'Zoë — café ✓ 日本語 👩🏽‍💻',
  '(paren) eq (x)',
  'null',
  'true',
  '1 eq 1',
  'fields/clientId',
  '\t tab and  double  space ',
];

describe('OData string literals: what is stored is found exactly, and matches nothing else', () => {
  let h: Harness;
  let repo: SharePointPartnerRepository;
  let partnerId: string;
  beforeAll(async () => {
    h = await startHarness();
    repo = h.repository();
    partnerId = (await repo.savePartner(newPartner({ name: "Stichting 't Hoekje" }))).id;
    for (const sourceRef of HOSTILE) await repo.saveInteraction(newInteraction(partnerId, { sourceRef, title: sourceRef }));
  });
  afterAll(() => h.close());

  it.each(HOSTILE)('finds %p exactly', async (sourceRef) => {
    const found = await repo.findInteractionsBySource([sourceRef]);
    expect(found.map((i) => [i.sourceRef, i.title])).toEqual([[sourceRef, sourceRef]]);
  });

  it('does not let a value change the query', async () => {
    expect(await repo.findInteractionsBySource(["nothing' or fields/sourceRef ne 'x"])).toEqual([]);
    expect(await repo.findInteractionsBySource(['%'])).toEqual([]);
    expect(await repo.findInteractionsBySource(["' or 1 eq 1'", "x' or fields/sourceRef ne '"])).toEqual([]);
  });

  it('keeps partner names with quotes and partner ids used in filters intact', async () => {
    const context = await repo.getPartnerContext(partnerId);
    expect(context.partner.name).toBe("Stichting 't Hoekje");
    expect(context.interactions).toHaveLength(HOSTILE.length);
  });

  it('property: any string stored as a source reference is found again by a filter, and only it', async () => {
    const stored = new Map<string, string>();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), async (sourceRef) => {
        fc.pre(sourceRef.trim() !== '');
        if (!stored.has(sourceRef)) {
          const saved = await repo.saveInteraction(newInteraction(partnerId, { sourceRef, title: 'prop' }));
          stored.set(sourceRef, saved.id);
        }
        const [found, ...more] = await repo.findInteractionsBySource([sourceRef]);
        expect(more).toEqual([]);
        expect(found?.sourceRef).toBe(sourceRef);
        expect(found?.id).toBe(stored.get(sourceRef));
        // And the filter matches exactly one item: nothing else was pulled in.
        const siteId = await repo.resolveSiteId();
        const query = itemQueryString('Interactions', { select: ['sourceRef'], filter: fieldFilter('Interactions', 'sourceRef', 'eq', sourceRef) });
        const all = await h.transport().get<{ value: unknown[] }>(`/sites/${siteId}/lists/Interactions/items?${query}`);
        expect(all.value).toHaveLength(1);
      }),
      { numRuns: 60, seed: 20261126 },
    );
  });
});
