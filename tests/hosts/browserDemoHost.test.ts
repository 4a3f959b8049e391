import { BrowserDemoHost, type DemoState } from '../../src/hosts/browser/BrowserDemoHost';
import { DEMO_LOOK_KEY } from '../../src/hosts/browser/demoLook';
import { DemoMailbox } from '../../src/hosts/browser/demoMailbox';

class MemoryStorage implements Storage {
  private readonly values = new Map<string, string>();
  get length() {
    return this.values.size;
  }
  clear() {
    this.values.clear();
  }
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  key(index: number) {
    return [...this.values.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.values.delete(key);
  }
  setItem(key: string, value: string) {
    this.values.set(key, value);
  }
}

const defaults: DemoState = { user: { email: 'a@veenhaven.nl', name: 'A' }, locale: 'nl-NL', theme: 'default', item: { kind: 'email', id: 'mail-1', subject: 'Eerste' } };

describe('the demo host', () => {
  test('language, theme and official chosen in one surface are what every other surface starts with; the item stays each surface its own', () => {
    const storage = new MemoryStorage();
    const pane = new BrowserDemoHost(defaults, 'partnerzicht.demo.email-meeting', storage);
    pane.update({ locale: 'en-GB', theme: 'contrast', user: { email: 'b@veenhaven.nl', name: 'B' }, item: { kind: 'email', id: 'mail-2', subject: 'Tweede' } });
    const meeting = new BrowserDemoHost({ ...defaults, item: { kind: 'meeting', id: 'meet-1', subject: 'Overleg' } }, 'partnerzicht.demo.meeting', storage);
    expect(meeting.locale).toBe('en-GB');
    expect(meeting.theme).toBe('contrast');
    expect(meeting.current.user.email).toBe('b@veenhaven.nl');
    expect(meeting.current.item?.id).toBe('meet-1');
    // A reload of the pane shows its own item again.
    expect(new BrowserDemoHost(defaults, 'partnerzicht.demo.email-meeting', storage).current.item?.id).toBe('mail-2');
  });

  test('choosing another item does not touch the shared look', () => {
    const storage = new MemoryStorage();
    const pane = new BrowserDemoHost(defaults, 'partnerzicht.demo.email-meeting', storage);
    pane.update({ item: { kind: 'email', id: 'mail-3', subject: 'Derde' } });
    expect(storage.getItem(DEMO_LOOK_KEY)).toBeNull();
  });
});

describe("the Outlook demo's mailbox stand-in", () => {
  const mailboxHost = (storage: Storage, item = 'mail-1') =>
    new BrowserDemoHost({ ...defaults, item: { kind: 'email', id: item, subject: 'Eerste' } }, `demo.${item}`, storage, (owner) => new DemoMailbox(owner, 'Partner: ', storage));

  test('tags the item as Outlook does: the category is created once, a second tag is "already tagged", and it is kept per item', async () => {
    const storage = new MemoryStorage();
    const host = mailboxHost(storage);
    expect(host.capabilities).toEqual({ tagging: true, createCategories: true, loggedMarker: true, missing: [] });
    expect(await host.tagItem!('Woonstichting Veenland')).toEqual({ status: 'tagged', category: 'Partner: Woonstichting Veenland', createdCategory: true });
    expect(await host.tagItem!('woonstichting veenland')).toEqual({ status: 'already-tagged', category: 'Partner: Woonstichting Veenland' });
    expect(host.mailbox!.marksOf('mail-1').categories).toEqual(['Partner: Woonstichting Veenland']);
    // Another item of the same mailbox: the category exists now, the item has none yet.
    const other = mailboxHost(storage, 'mail-2');
    expect(other.mailbox!.marksOf('mail-2').categories).toEqual([]);
    expect(await other.tagItem!('Woonstichting Veenland')).toEqual({ status: 'tagged', category: 'Partner: Woonstichting Veenland', createdCategory: false });
  });

  test('without read/write mailbox only existing categories are used: a new one is "category missing"', async () => {
    const storage = new MemoryStorage();
    const host = mailboxHost(storage);
    await host.tagItem!('Bestaat Al');
    const restricted = mailboxHost(storage, 'mail-2');
    restricted.mailbox!.setMayManageCategories(false);
    expect(restricted.capabilities?.createCategories).toBe(false);
    expect(await restricted.tagItem!('Nieuwe Partner')).toEqual({ status: 'category-missing', category: 'Partner: Nieuwe Partner' });
    expect(await restricted.tagItem!('Bestaat Al')).toEqual({ status: 'tagged', category: 'Partner: Bestaat Al', createdCategory: false });
    expect(restricted.mailbox!.marksOf('mail-2').categories).toEqual(['Partner: Bestaat Al']);
  });

  test('keeps the "logged" marker on the item it was set on, across page opens, for that official only', async () => {
    const storage = new MemoryStorage();
    const host = mailboxHost(storage);
    expect(await host.readLoggedLink!()).toBeUndefined();
    await host.markLogged!('client-1');
    expect(await mailboxHost(storage).readLoggedLink!()).toBe('client-1');
    expect(host.mailbox!.marksOf('mail-1').loggedLink).toBe('client-1');
    expect(await mailboxHost(storage, 'mail-2').readLoggedLink!()).toBeUndefined();
    const colleague = new BrowserDemoHost({ ...defaults, user: { email: 'b@veenhaven.nl', name: 'B' } }, 'demo.b', storage, (owner) => new DemoMailbox(owner, 'Partner: ', storage));
    expect(await colleague.readLoggedLink!()).toBeUndefined();
  });

  test('the Teams demo has no mailbox: nothing to tag', () => {
    const host = new BrowserDemoHost(defaults, 'demo.meeting', new MemoryStorage());
    expect(host.tagItem).toBeUndefined();
    expect(host.capabilities).toBeUndefined();
  });
});
