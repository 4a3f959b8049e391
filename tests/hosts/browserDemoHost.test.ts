import { BrowserDemoHost, type DemoState } from '../../src/hosts/browser/BrowserDemoHost';
import { DEMO_LOOK_KEY } from '../../src/hosts/browser/demoLook';

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
