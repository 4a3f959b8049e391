import { OutlookHost } from '../../src/hosts/outlook/OutlookHost';
import { LOGGED_LINK_PROPERTY } from '../../src/hosts/outlook/outlookTagging';
import { appointmentCompose, appointmentRead, messageCompose, messageRead, outlookMock } from './outlookFixtures';

const token = async () => 'token';
const host = (office: typeof Office) => new OutlookHost(office, token, { categoryPrefix: 'Partner: ' });

describe('reading the selected item', () => {
  test('a message in read mode: from, sender, to, cc, subject and ids', async () => {
    const { office } = outlookMock({ item: messageRead() });
    await expect(host(office).getCurrentItem()).resolves.toEqual({
      kind: 'email',
      id: 'AAMkAGI2TG93AAA=',
      conversationId: 'AAQkAGI2conv=',
      internetMessageId: '<ABC123@portaal.nl>',
      subject: 'Prestatieafspraken 2027',
      from: '"Dijk, Henk van" <h.vandijk@portaal.nl>',
      sender: '"Secretariaat Portaal" <secretariaat@portaal.nl>',
      to: ['"Anna de Vries" <Anna.deVries@veenhaven.nl>'],
      cc: ['"Sara Bakker" <s.bakker@portaal.nl>'],
      date: '2026-11-20T09:30:00.000Z',
    });
  });

  test('an appointment as attendee: organizer, required and optional attendees', async () => {
    const { office } = outlookMock({ item: appointmentRead() });
    const item = await host(office).getCurrentItem();
    expect(item).toMatchObject({ kind: 'meeting', id: 'AAMkAGappointment=', subject: 'Overleg wijkaanpak', organizer: '"Dijk, Henk van" <h.vandijk@portaal.nl>', date: '2026-12-01T13:00:00.000Z' });
    expect(item?.attendees).toEqual(['"Anna de Vries" <Anna.deVries@veenhaven.nl>', '"Sara Bakker" <s.bakker@portaal.nl>', '"Piet Smit" <piet@umcutrecht.nl>']);
    expect(item?.internetMessageId).toBeUndefined();
  });

  test('an appointment as organizer (compose mode) is read through getAsync; unsaved means no id yet', async () => {
    const { office } = outlookMock({ item: appointmentCompose() });
    await expect(host(office).getCurrentItem()).resolves.toEqual({
      kind: 'meeting',
      id: '',
      compose: true,
      subject: 'Kennismaking nieuwe directeur',
      organizer: '"Anna de Vries" <Anna.deVries@veenhaven.nl>',
      attendees: ['"Dijk, Henk van" <h.vandijk@portaal.nl>'],
      date: '2026-12-03T08:00:00.000Z',
    });
  });

  test('a message being written (compose mode): recipients through getAsync, so the pane detects while writing', async () => {
    const { office } = outlookMock({ item: messageCompose() });
    await expect(host(office).getCurrentItem()).resolves.toEqual({
      kind: 'email',
      id: '',
      compose: true,
      subject: 'Vraag over de prestatieafspraken',
      from: '"Anna de Vries" <Anna.deVries@veenhaven.nl>',
      to: ['"Dijk, Henk van" <h.vandijk@portaal.nl>', '"Sara Bakker" <s.bakker@portaal.nl>'],
      cc: ['"Piet Smit" <piet@umcutrecht.nl>'],
    });
  });

  test('a saved organizer appointment gets its id from getItemIdAsync', async () => {
    const { office } = outlookMock({ item: appointmentCompose(true) });
    await expect(host(office).getCurrentItem()).resolves.toMatchObject({ id: 'AAMkAGsavedDraft=', compose: true });
  });

  test('a message in a shared mailbox names the mailbox; the user is still the signed-in official', async () => {
    const { office } = outlookMock({ item: messageRead({ to: [{ emailAddress: 'wonen@veenhaven.nl', displayName: 'Team Wonen' }] }), sharedOwner: 'Wonen@veenhaven.nl' });
    const outlook = host(office);
    await expect(outlook.getCurrentItem()).resolves.toMatchObject({ kind: 'email', mailboxOwner: 'wonen@veenhaven.nl', to: ['"Team Wonen" <wonen@veenhaven.nl>'] });
    await expect(outlook.getUser()).resolves.toEqual({ email: 'anna.devries@veenhaven.nl', name: 'Anna de Vries' });
  });

  test('an item without recipients gives empty lists, not a failure', async () => {
    const { office } = outlookMock({ item: messageRead({ to: [], cc: undefined, internetMessageId: '' }) });
    const item = await host(office).getCurrentItem();
    expect(item).toMatchObject({ kind: 'email', to: [], cc: [] });
    expect(item?.internetMessageId).toBeUndefined();
  });

  test('no item selected', async () => {
    const { office } = outlookMock();
    await expect(host(office).getCurrentItem()).resolves.toBeUndefined();
  });

  test('follows ItemChanged from Mailbox 1.5', () => {
    const { office, state } = outlookMock({ item: messageRead() });
    const outlook = host(office);
    expect(outlook.followsItemChanges).toBe(true);
    const stop = outlook.onItemChanged(() => undefined);
    stop();
    expect(state.calls).toEqual(['addHandlerAsync:olkItemSelectedChanged', 'removeHandlerAsync:olkItemSelectedChanged']);
  });
});

describe('tagging with the partner category', () => {
  test('creates the master category, then tags the item', async () => {
    const { office, state } = outlookMock({ item: messageRead() });
    await expect(host(office).tagItem('Portaal')).resolves.toEqual({ status: 'tagged', category: 'Partner: Portaal', createdCategory: true });
    expect(state.calls.filter((c) => c.startsWith('master.addAsync'))).toEqual([expect.stringMatching(/^master\.addAsync:Partner: Portaal\/Preset\d+$/)]);
    expect(state.itemCategories.map((c) => c.displayName)).toEqual(['Partner: Portaal']);
  });

  test('uses an existing master category as spelled there', async () => {
    const { office, state } = outlookMock({ item: messageRead(), master: ['partner: portaal'] });
    await expect(host(office).tagItem('Portaal')).resolves.toEqual({ status: 'tagged', category: 'partner: portaal', createdCategory: false });
    expect(state.calls.some((c) => c.startsWith('master.addAsync'))).toBe(false);
  });

  test('category already present on the item: nothing is written', async () => {
    const { office, state } = outlookMock({ item: messageRead(), master: ['Partner: Portaal'], itemCategories: ['Partner: Portaal'] });
    await expect(host(office).tagItem('Portaal')).resolves.toEqual({ status: 'already-tagged', category: 'Partner: Portaal' });
    expect(state.calls).toEqual(['item.categories.getAsync']);
  });

  test('another pane added the master category a moment ago (DuplicateCategory): still tags', async () => {
    const { office } = outlookMock({ item: messageRead(), masterAdd: 'DuplicateCategory' });
    await expect(host(office).tagItem('Portaal')).resolves.toMatchObject({ status: 'tagged', createdCategory: false });
  });

  test('master list not writable (read/write item): reports the missing category and the capability', async () => {
    const { office, state } = outlookMock({ item: messageRead(), masterAdd: 'PermissionDenied' });
    const outlook = host(office);
    expect(outlook.capabilities.createCategories).toBe(true);
    await expect(outlook.tagItem('Portaal')).resolves.toEqual({ status: 'category-missing', category: 'Partner: Portaal' });
    expect(state.itemCategories).toEqual([]);
    expect(outlook.capabilities.createCategories).toBe(false);
  });

  test('master list not writable but the category exists: tags with it', async () => {
    const { office } = outlookMock({ item: messageRead(), master: ['Partner: Portaal'], masterAdd: 'PermissionDenied' });
    await expect(host(office).tagItem('Portaal')).resolves.toEqual({ status: 'tagged', category: 'Partner: Portaal', createdCategory: false });
  });

  test('master list not even readable: tries the item, reports a missing category when refused', async () => {
    const { office } = outlookMock({ item: messageRead(), masterRead: 'PermissionDenied' });
    await expect(host(office).tagItem('Portaal')).resolves.toEqual({ status: 'category-missing', category: 'Partner: Portaal' });
  });

  test('a shared mailbox whose master list lacks the category: says so, adds nothing, keeps category creation on', async () => {
    const { office, state } = outlookMock({ item: messageRead(), sharedOwner: 'wonen@veenhaven.nl' });
    const outlook = host(office);
    await expect(outlook.tagItem('Portaal')).resolves.toEqual({ status: 'shared-category-missing', category: 'Partner: Portaal', mailbox: 'wonen@veenhaven.nl' });
    expect(state.calls.some((c) => c.startsWith('master.addAsync'))).toBe(false);
    expect(outlook.capabilities.createCategories).toBe(true);
    // The custom property alone still marks the shared item as logged.
    await outlook.markLogged('https://x/7');
    expect(state.customProperties[LOGGED_LINK_PROPERTY]).toBe('https://x/7');
  });

  test('after a shared item, an item in the official\'s own mailbox still gets a new master category', async () => {
    const { office, state } = outlookMock({ item: messageRead(), sharedOwner: 'wonen@veenhaven.nl' });
    const outlook = host(office);
    await expect(outlook.tagItem('Portaal')).resolves.toMatchObject({ status: 'shared-category-missing' });
    state.sharedOwner = undefined; // the official selects a message of their own
    await expect(outlook.tagItem('Portaal')).resolves.toEqual({ status: 'tagged', category: 'Partner: Portaal', createdCategory: true });
    expect(state.calls.filter((c) => c.startsWith('master.addAsync'))).toHaveLength(1);
  });

  test('a refusal in a shared mailbox does not switch category creation off for the official\'s own mailbox', async () => {
    const { office, state } = outlookMock({ item: messageRead(), sharedOwner: 'wonen@veenhaven.nl', masterRead: 'PermissionDenied' });
    const outlook = host(office);
    await expect(outlook.tagItem('Portaal')).resolves.toMatchObject({ status: 'shared-category-missing', mailbox: 'wonen@veenhaven.nl' });
    expect(outlook.capabilities.createCategories).toBe(true);
    expect(state.itemCategories).toEqual([]);
  });

  test('a shared mailbox whose master list has the category: tags with it', async () => {
    const { office, state } = outlookMock({ item: messageRead(), sharedOwner: 'wonen@veenhaven.nl', master: ['Partner: Portaal'] });
    await expect(host(office).tagItem('Portaal')).resolves.toEqual({ status: 'tagged', category: 'Partner: Portaal', createdCategory: false });
    expect(state.itemCategories.map((c) => c.displayName)).toEqual(['Partner: Portaal']);
  });

  test.each(['OutlookWebApp', 'newOutlookWindows'] as const)('organizer appointment (compose) in %s: no category calls, the custom property still marks it', async (hostName) => {
    const { office, state } = outlookMock({ item: appointmentCompose(true), hostName });
    const outlook = host(office);
    await expect(outlook.tagItem('Portaal')).resolves.toEqual({ status: 'not-in-compose' });
    expect(state.calls.filter((c) => c.includes('categories') || c.startsWith('master.'))).toEqual([]);
    await outlook.markLogged('https://x/8');
    expect(state.customProperties[LOGGED_LINK_PROPERTY]).toBe('https://x/8');
  });

  test('organizer appointment (compose) in classic Outlook: categories work there', async () => {
    const { office, state } = outlookMock({ item: appointmentCompose(true), hostName: 'Outlook' });
    await expect(host(office).tagItem('Portaal')).resolves.toMatchObject({ status: 'tagged', category: 'Partner: Portaal' });
    expect(state.itemCategories.map((c) => c.displayName)).toEqual(['Partner: Portaal']);
  });

  test('requirement set missing (Mailbox 1.6): no tagging, the capability says why, the rest works', async () => {
    const { office, state } = outlookMock({ item: messageRead(), mailboxVersion: '1.6' });
    const outlook = host(office);
    expect(outlook.capabilities).toEqual({ tagging: false, createCategories: false, loggedMarker: true, missing: ['Mailbox 1.8'] });
    await expect(outlook.tagItem('Portaal')).resolves.toEqual({ status: 'unsupported', missing: ['Mailbox 1.8'] });
    expect(state.calls).toEqual([]);
    await expect(outlook.getCurrentItem()).resolves.toMatchObject({ kind: 'email' });
  });

  test('below Mailbox 1.5 the pane does not follow the selection (the UI shows refresh)', () => {
    const { office, state } = outlookMock({ item: messageRead(), mailboxVersion: '1.4' });
    const outlook = host(office);
    expect(outlook.followsItemChanges).toBe(false);
    outlook.onItemChanged(() => undefined);
    expect(state.calls).toEqual([]);
  });
});

describe('"already logged" in the item\'s custom properties', () => {
  test('stores the link and reads it back', async () => {
    const { office, state } = outlookMock({ item: messageRead() });
    const outlook = host(office);
    await expect(outlook.readLoggedLink()).resolves.toBeUndefined();
    await outlook.markLogged('https://veenhaven.sharepoint.com/sites/partnerzicht/Lists/Contactmomenten/DispForm.aspx?ID=42');
    expect(state.calls).toContain('customProperties.saveAsync');
    expect(state.customProperties[LOGGED_LINK_PROPERTY]).toMatch(/ID=42$/);
    await expect(outlook.readLoggedLink()).resolves.toMatch(/ID=42$/);
  });

  test('works on an organizer appointment too', async () => {
    const { office } = outlookMock({ item: appointmentCompose(), customProperties: { [LOGGED_LINK_PROPERTY]: 'https://x/1' } });
    await expect(host(office).readLoggedLink()).resolves.toBe('https://x/1');
  });
});

describe('theme', () => {
  const darkTheme = { bodyBackgroundColor: '#1f1f1f', bodyForegroundColor: '#ffffff', controlBackgroundColor: '#292929', controlForegroundColor: '#ffffff' };
  const lightTheme = { bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#000000', controlBackgroundColor: '#f3f3f3', controlForegroundColor: '#000000' };

  test('follows OfficeThemeChanged (Mailbox 1.14) while the pane is open, and stops when asked', () => {
    const { office, state } = outlookMock({ item: messageRead(), mailboxVersion: '1.14' });
    const outlook = host(office);
    expect(outlook.theme).toBe('default');
    const seen: string[] = [];
    const stop = outlook.onThemeChange((theme) => seen.push(theme));
    expect(state.calls).toContain('addHandlerAsync:officeThemeChanged');
    state.handlers.officeThemeChanged({ type: 'officeThemeChanged', officeTheme: darkTheme });
    expect(outlook.theme).toBe('dark');
    state.handlers.officeThemeChanged({ type: 'officeThemeChanged', officeTheme: lightTheme });
    expect(seen).toEqual(['dark', 'default']);
    stop();
    expect(state.calls).toContain('removeHandlerAsync:officeThemeChanged');
    expect(state.handlers.officeThemeChanged).toBeUndefined();
  });

  test('a client below Mailbox 1.14 keeps the theme the pane opened with and registers nothing', () => {
    const { office, state } = outlookMock({ item: messageRead(), mailboxVersion: '1.13', theme: '#1f1f1f' });
    const outlook = host(office);
    const stop = outlook.onThemeChange(() => undefined);
    expect(state.calls).toEqual([]);
    expect(outlook.theme).toBe('dark');
    stop();
  });
});

test('theme and locale come from Office', () => {
  const { office } = outlookMock({ item: messageRead(), theme: '#1f1f1f' });
  const outlook = host(office);
  expect(outlook.theme).toBe('dark');
  expect(outlook.locale).toBe('nl-NL');
});
