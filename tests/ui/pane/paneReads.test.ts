/**
 * The pane's prefetch on a cold open (no register snapshot): the lookup's candidates, detection over
 * them, and the context read of the partner shown. With a single candidate the context is asked for
 * as the lookup answers (before detection has run), yet detection alone decides what is shown.
 */
import type { PartnerContext, Settings } from '../../../src/core/model';
import type { HostItem } from '../../../src/hosts/Host';
import { prefetchPaneContext, takePaneStart } from '../../../src/ui/pane/paneReads';

const user = { email: 'a.bakker@veenhaven.nl', name: 'Anna Bakker' };
const settings = (over: Partial<Settings> = {}): Settings => ({ internalDomains: ['veenhaven.nl'], ignoredAddresses: [], departments: [], themes: [], ...over });
const candidate = { id: 'p-1', name: 'Woonstichting Eemland', aliases: [], domains: ['eemland.nl'], contacts: [] };

function servicesFor(item: HostItem, found: { partners: (typeof candidate)[]; settings: Settings }) {
  const calls: string[] = [];
  let answerLookup!: () => void;
  const lookupAnswered = new Promise<void>((resolve) => (answerLookup = resolve));
  const repository = {
    readDetectionCandidates: jest.fn(async () => {
      await lookupAnswered;
      calls.push('lookup answered');
      return found;
    }),
    getPartnerContext: jest.fn(async (partnerId: string) => {
      calls.push(`context ${partnerId}`);
      return { partner: { id: partnerId, name: candidate.name } } as unknown as PartnerContext;
    }),
  };
  const services = {
    host: { getCurrentItem: async () => item, getUser: async () => user },
    repository,
    register: { snapshot: async () => undefined, current: () => Promise.reject(new Error('no register in this test')) },
    contextSnapshots: { get: () => undefined, put: () => undefined },
    now: () => new Date('2026-12-04T10:00:00Z'),
  };
  return { services: services as unknown as Parameters<typeof prefetchPaneContext>[0], repository, calls, answerLookup };
}

const email = (from: string): HostItem => ({ kind: 'email', id: `item-${from}`, subject: 'Overleg', from, to: [user.email] });

describe('prefetchPaneContext on a cold open', () => {
  it("asks for the single candidate's context once, as the lookup answers, and shows it", async () => {
    const { services, repository, calls, answerLookup } = servicesFor(email('j.devries@eemland.nl'), { partners: [candidate], settings: settings() });
    const prefetch = prefetchPaneContext(services);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(repository.getPartnerContext).not.toHaveBeenCalled();
    answerLookup();
    await prefetch;
    expect(calls).toEqual(['lookup answered', 'context p-1']);
    expect(repository.getPartnerContext).toHaveBeenCalledTimes(1);
    expect(takePaneStart(services.repository)?.context?.partnerId).toBe('p-1');
  });

  it('shows nothing when detection does not confirm the candidate (its address is ignored), though its context was asked for', async () => {
    const { services, repository, answerLookup } = servicesFor(email('j.devries@eemland.nl'), { partners: [candidate], settings: settings({ ignoredAddresses: ['j.devries@eemland.nl'] }) });
    answerLookup();
    await prefetchPaneContext(services);
    // The speculative read went out (without it, nothing would have asked) and is not shown.
    expect(repository.getPartnerContext).toHaveBeenCalledWith('p-1');
    const start = takePaneStart(services.repository);
    expect(start?.context).toBeUndefined();
  });

  it('asks for no context before detection when the lookup finds several candidates', async () => {
    const other = { ...candidate, id: 'p-2', name: 'Eemland Zorg', domains: ['eemlandzorg.nl'] };
    const item: HostItem = { ...email('j.devries@eemland.nl'), cc: ['k.smit@eemlandzorg.nl'] };
    const { services, repository, answerLookup } = servicesFor(item, { partners: [candidate, other], settings: settings() });
    answerLookup();
    await prefetchPaneContext(services);
    expect(repository.getPartnerContext).not.toHaveBeenCalled();
    expect(takePaneStart(services.repository)?.context).toBeUndefined();
  });
});

describe('prefetchPaneContext with the register on the device (a warm open)', () => {
  // A register of many partners, one of which the item's participants meet.
  const register = Array.from({ length: 300 }, (_, n) => ({ id: `p-${n + 10}`, name: `Partner ${n}`, aliases: [], domains: [`partner${n}.nl`], contacts: [`info@partner${n}.nl`] }));
  const ggd = { id: 'p-ggd', name: 'GGD Veenstreek', aliases: ['GGD'], domains: ['ggdveenstreek.nl'], contacts: [] };
  const snapshotServices = (item: HostItem) => {
    const { services, repository } = servicesFor(item, { partners: [], settings: settings() });
    const data = { partners: [candidate, ggd, ...register], settings: settings(), readAt: '2026-12-04T09:00:00Z' };
    const withSnapshot = { ...services, register: { snapshot: async () => data, current: () => Promise.reject(new Error('no register in this test')) } } as unknown as Parameters<typeof prefetchPaneContext>[0];
    return { services: withSnapshot, repository };
  };

  it('indexes only the partners the participants can meet, and shows the one they match', async () => {
    const { services, repository } = snapshotServices({ ...email('j.devries@eemland.nl'), subject: 'Overleg met de GGD' });
    await prefetchPaneContext(services);
    const start = takePaneStart(services.repository);
    expect(repository.readDetectionCandidates).not.toHaveBeenCalled();
    expect(start?.fromDevice).toBe(true);
    expect(start?.partialFor).toBe('item-j.devries@eemland.nl');
    expect(start?.register.partners.map((p) => p.id)).toEqual(['p-1']);
    expect(start?.context?.partnerId).toBe('p-1');
  });

  it('indexes the whole register when no participant matches: the subject offers a partner, it does not show one', async () => {
    const { services } = snapshotServices({ ...email('a.devries@veenhaven.nl'), subject: 'Overleg met GGD Veenstreek' });
    await prefetchPaneContext(services);
    const start = takePaneStart(services.repository);
    expect(start?.partialFor).toBeUndefined();
    expect(start?.fromDevice).toBe(false);
    expect(start?.register.partners).toHaveLength(302);
    expect(start?.context).toBeUndefined();
  });
});

describe('prefetchPaneContext with a large register on the device, kept by lookup key', () => {
  const ggd = { id: 'p-ggd', name: 'GGD Veenstreek', aliases: ['GGD'], domains: ['ggdveenstreek.nl'], contacts: [] };
  const bucketServices = (item: HostItem) => {
    const { services } = servicesFor(item, { partners: [], settings: settings() });
    const whole = { partners: [candidate, ggd], settings: settings(), readAt: '2026-12-04T09:00:00Z' };
    const register = {
      hasKeyBuckets: () => true,
      snapshotFor: jest.fn(async () => ({ ...whole, partners: [candidate] })),
      snapshot: jest.fn(async () => whole),
      current: () => Promise.reject(new Error('no register in this test')),
    };
    return { services: { ...services, register } as unknown as Parameters<typeof prefetchPaneContext>[0], register };
  };

  it('reads the buckets of its keys, not the whole register, when a participant matches', async () => {
    const { services, register } = bucketServices(email('j.devries@eemland.nl'));
    await prefetchPaneContext(services);
    const start = takePaneStart(services.repository);
    expect(register.snapshotFor).toHaveBeenCalledWith(expect.arrayContaining(['eemland.nl', 'j.devries@eemland.nl']));
    expect(register.snapshot).not.toHaveBeenCalled();
    expect(start?.fromDevice).toBe(true);
    expect(start?.context?.partnerId).toBe('p-1');
  });

  it('reads the whole register when no participant matches', async () => {
    const { services, register } = bucketServices({ ...email('a.devries@veenhaven.nl'), subject: 'Overleg met GGD Veenstreek' });
    await prefetchPaneContext(services);
    const start = takePaneStart(services.repository);
    expect(register.snapshot).toHaveBeenCalled();
    expect(start?.partialFor).toBeUndefined();
    expect(start?.context).toBeUndefined();
  });
});
