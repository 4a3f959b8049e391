import { OfficeMockObject } from 'office-addin-mock';

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose index pulls in
// ESM-only packages (strip-bom) that jest's CommonJS runtime cannot load.
jest.mock('office-addin-manifest', () => ({ OfficeApp: jest.requireActual('office-addin-manifest/lib/officeApp').OfficeApp }));

/** Realistic Outlook items and a mailbox around them, on `office-addin-mock`'s OfficeMockObject. */

type Callback<T> = (result: Office.AsyncResult<T>) => void;
const ok = <T>(value: T) => ({ status: 'succeeded', value }) as unknown as Office.AsyncResult<T>;
const fail = <T>(name: string) => ({ status: 'failed', error: { name, message: `${name} (mock)`, code: 9000 } }) as unknown as Office.AsyncResult<T>;

export const ANNA = { emailAddress: 'Anna.deVries@veenhaven.nl', displayName: 'Anna de Vries' };
export const HENK = { emailAddress: 'h.vandijk@portaal.nl', displayName: 'Dijk, Henk van' };
export const SARA = { emailAddress: 's.bakker@portaal.nl', displayName: 'Sara Bakker' };
export const PIET = { emailAddress: 'piet@umcutrecht.nl', displayName: 'Piet Smit' };

export function messageRead(overrides: Record<string, unknown> = {}) {
  return {
    itemType: 'message',
    itemId: 'AAMkAGI2TG93AAA=',
    conversationId: 'AAQkAGI2conv=',
    internetMessageId: '<ABC123@portaal.nl>',
    subject: 'Prestatieafspraken 2027',
    from: HENK,
    sender: { emailAddress: 'secretariaat@portaal.nl', displayName: 'Secretariaat Portaal' },
    to: [ANNA],
    cc: [SARA],
    dateTimeCreated: new Date('2026-11-20T09:30:00Z'),
    ...overrides,
  };
}

export function appointmentRead(overrides: Record<string, unknown> = {}) {
  return {
    itemType: 'appointment',
    itemId: 'AAMkAGappointment=',
    subject: 'Overleg wijkaanpak',
    organizer: HENK,
    requiredAttendees: [ANNA, SARA],
    optionalAttendees: [PIET],
    start: new Date('2026-12-01T13:00:00Z'),
    ...overrides,
  };
}

/** The organizer editing a new meeting: every field answers through getAsync; there is no id until it is saved. */
export function appointmentCompose(saved = false) {
  return {
    itemType: 'appointment',
    subject: { getAsync: (cb: Callback<string>) => cb(ok('Kennismaking nieuwe directeur')) },
    organizer: { getAsync: (cb: Callback<Office.EmailAddressDetails>) => cb(ok(ANNA as Office.EmailAddressDetails)) },
    requiredAttendees: { getAsync: (cb: Callback<Office.EmailAddressDetails[]>) => cb(ok([HENK] as Office.EmailAddressDetails[])) },
    optionalAttendees: { getAsync: (cb: Callback<Office.EmailAddressDetails[]>) => cb(ok([] as Office.EmailAddressDetails[])) },
    start: { getAsync: (cb: Callback<Date>) => cb(ok(new Date('2026-12-03T08:00:00Z'))) },
    getItemIdAsync: (cb: Callback<string>) => cb(saved ? ok('AAMkAGsavedDraft=') : fail('ItemNotSaved')),
  };
}

/** The official writing a message: subject, from and recipients answer through getAsync; no id until it is saved. */
export function messageCompose() {
  return {
    itemType: 'message',
    subject: { getAsync: (cb: Callback<string>) => cb(ok('Vraag over de prestatieafspraken')) },
    from: { getAsync: (cb: Callback<Office.EmailAddressDetails>) => cb(ok(ANNA as Office.EmailAddressDetails)) },
    to: { getAsync: (cb: Callback<Office.EmailAddressDetails[]>) => cb(ok([HENK] as Office.EmailAddressDetails[])) },
    cc: { getAsync: (cb: Callback<Office.EmailAddressDetails[]>) => cb(ok([PIET] as Office.EmailAddressDetails[])) },
    bcc: { getAsync: (cb: Callback<Office.EmailAddressDetails[]>) => cb(ok([SARA] as Office.EmailAddressDetails[])) },
    getItemIdAsync: (cb: Callback<string>) => cb(fail('ItemNotSaved')),
  };
}

export interface MailboxState {
  master: Array<{ displayName: string; color: string }>;
  itemCategories: Array<{ displayName: string; color: string }>;
  customProperties: Record<string, unknown>;
  calls: string[];
  /** Handlers registered with mailbox.addHandlerAsync, by event type, so a test can raise the event. */
  handlers: Record<string, (event: unknown) => void>;
  /** Owner of the shared or delegated mailbox the item is in; a test may clear it to select an item of the official's own. */
  sharedOwner?: string;
}

export interface OutlookMockOptions {
  item?: Record<string, unknown>;
  /** Highest Mailbox requirement set the client supports. */
  mailboxVersion?: string;
  nestedAppAuth?: boolean;
  master?: string[];
  itemCategories?: string[];
  /** How masterCategories.addAsync answers: `PermissionDenied` at read/write item. */
  masterAdd?: 'ok' | 'PermissionDenied' | 'DuplicateCategory';
  masterRead?: 'ok' | 'PermissionDenied';
  sharedOwner?: string;
  customProperties?: Record<string, unknown>;
  theme?: string;
  /** `mailbox.diagnostics.hostName`: `Outlook` (classic Windows, Mac), `OutlookWebApp`, `newOutlookWindows`. */
  hostName?: 'Outlook' | 'OutlookWebApp' | 'newOutlookWindows';
}

export function outlookMock(options: OutlookMockOptions = {}): { office: typeof Office; state: MailboxState } {
  const state: MailboxState = {
    master: (options.master ?? []).map((displayName) => ({ displayName, color: 'Preset1' })),
    itemCategories: (options.itemCategories ?? []).map((displayName) => ({ displayName, color: 'Preset1' })),
    customProperties: { ...(options.customProperties ?? {}) },
    calls: [],
    handlers: {},
    sharedOwner: options.sharedOwner,
  };
  const supported = options.mailboxVersion ?? '1.13';
  const cmp = (a: string, b: string) => {
    const [am, an] = a.split('.').map(Number);
    const [bm, bn] = b.split('.').map(Number);
    return am - bm || an - bn;
  };
  const item = options.item
    ? {
        ...options.item,
        categories: {
          getAsync: (cb: Callback<unknown>) => {
            state.calls.push('item.categories.getAsync');
            cb(ok(state.itemCategories.map((c) => ({ ...c }))));
          },
          addAsync: (names: string[], cb: Callback<void>) => {
            state.calls.push(`item.categories.addAsync:${names.join(',')}`);
            // Outlook only sets categories that exist in the master list.
            if (!names.every((n) => state.master.some((m) => m.displayName.toLowerCase() === n.toLowerCase()))) return cb(fail('InvalidCategory'));
            for (const n of names) if (!state.itemCategories.some((c) => c.displayName === n)) state.itemCategories.push({ displayName: n, color: 'Preset1' });
            cb(ok(undefined));
          },
        },
        loadCustomPropertiesAsync: (cb: Callback<unknown>) => {
          const pending: Record<string, unknown> = { ...state.customProperties };
          cb(
            ok({
              get: (name: string) => pending[name],
              set: (name: string, value: unknown) => {
                pending[name] = value;
              },
              remove: (name: string) => delete pending[name],
              getAll: () => ({ ...pending }),
              saveAsync: (done: Callback<void>) => {
                state.calls.push('customProperties.saveAsync');
                state.customProperties = { ...pending };
                done(ok(undefined));
              },
            }),
          );
        },
        getSharedPropertiesAsync: (cb: Callback<unknown>) =>
          cb(state.sharedOwner ? ok({ owner: state.sharedOwner, targetMailbox: state.sharedOwner, delegatePermissions: 3 }) : fail('GenericResponseError')),
      }
    : undefined;
  const mock = new OfficeMockObject({
    host: 'outlook',
    EventType: { ItemChanged: 'olkItemSelectedChanged', OfficeThemeChanged: 'officeThemeChanged' },
    context: {
      displayLanguage: 'nl-NL',
      // Outlook reports OfficeOnline for both Outlook on the web and new Outlook on Windows.
      diagnostics: { platform: options.hostName && options.hostName !== 'Outlook' ? 'OfficeOnline' : 'PC' },
      officeTheme: { bodyBackgroundColor: options.theme ?? '#ffffff' },
      requirements: {
        isSetSupported: (name: string, version: string) => (name === 'Mailbox' ? cmp(version ?? '1.1', supported) <= 0 : name === 'NestedAppAuth' ? Boolean(options.nestedAppAuth) : false),
      },
      mailbox: {
        userProfile: { emailAddress: ANNA.emailAddress, displayName: ANNA.displayName },
        diagnostics: { hostName: options.hostName ?? 'Outlook' },
        ...(item ? { item } : {}),
        masterCategories: {
          getAsync: (cb: Callback<unknown>) => {
            state.calls.push('master.getAsync');
            cb(options.masterRead === 'PermissionDenied' ? fail('PermissionDenied') : ok(state.master.map((c) => ({ ...c }))));
          },
          addAsync: (details: Array<{ displayName: string; color: string }>, cb: Callback<void>) => {
            state.calls.push(`master.addAsync:${details.map((d) => `${d.displayName}/${d.color}`).join(',')}`);
            // A delegate may read the owner's master list but not extend it (Outlook's delegate-access limitations).
            const answer = state.sharedOwner ? 'PermissionDenied' : (options.masterAdd ?? 'ok');
            if (answer === 'DuplicateCategory') state.master.push(...details);
            if (answer !== 'ok') return cb(fail(answer));
            state.master.push(...details);
            cb(ok(undefined));
          },
        },
        addHandlerAsync: (type: string, handler: (event: unknown) => void) => {
          state.calls.push(`addHandlerAsync:${type}`);
          state.handlers[type] = handler;
        },
        removeHandlerAsync: (type: string) => {
          state.calls.push(`removeHandlerAsync:${type}`);
          delete state.handlers[type];
        },
      },
    },
  });
  return { office: mock as unknown as typeof Office, state };
}
