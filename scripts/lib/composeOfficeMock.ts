/**
 * Outlook while composing, as office-addin-mock's OfficeMockObject (Microsoft's documented library for
 * mocking Office.js: https://learn.microsoft.com/office/dev/add-ins/testing/unit-testing), for the
 * event runtime's tests (tests/events, tests/e2e/composeNotification.test.ts) and `npm run bench`.
 *
 * It answers what the handler calls and ENFORCES Microsoft's rules on it, so a handler that breaks one
 * fails here as it would in Outlook:
 * - recipients arrive asynchronously through `getAsync` (to/cc/bcc on a message,
 *   requiredAttendees/optionalAttendees on an appointment: https://learn.microsoft.com/office/dev/add-ins/outlook/get-set-or-add-recipients);
 * - notificationMessages (https://learn.microsoft.com/office/dev/add-ins/outlook/notifications,
 *   https://learn.microsoft.com/javascript/api/outlook/office.notificationmessagedetails): the text at
 *   most 150 characters, an icon on informational and insight messages, actions only on an insight
 *   message, one action, `showTaskPane` only, naming a button the manifests declare for this kind of
 *   item in compose mode, at most five notifications per item, one insight message per add-in;
 *   `removeAsync` of a key that is not there fails;
 * - the event: `completed()` must be called exactly once (a second call is recorded as an error).
 */
import { OfficeMockObject } from 'office-addin-mock';
import { COMPOSE_COMMAND_IDS } from '../../src/config/outlookIds';

export interface ComposeMockOptions {
  kind: 'message' | 'appointment';
  owner: string;
  displayLanguage?: string;
  to?: string[];
  cc?: string[];
  bcc?: string[];
  required?: string[];
  optional?: string[];
  /** The add-in's roaming settings (classic Outlook on Windows' copy of the hints). */
  roaming?: Record<string, unknown>;
  /** Notifications already on the item. */
  notifications?: Record<string, NotificationDetails>;
}

export interface NotificationDetails {
  type: string;
  message: string;
  icon?: string;
  persistent?: boolean;
  actions?: Array<{ actionType: string; actionText: string; commandId: string; contextData?: unknown }>;
}

export interface ComposeMockState {
  notifications: Map<string, NotificationDetails>;
  /** Rule breaks the mock refused (with the call), in order. */
  errors: string[];
  handlers: Map<string, (event: { completed(options?: unknown): void }) => void>;
}

const MAX_MESSAGE = 150;
const MAX_NOTIFICATIONS = 5;

function later(fn: () => void): void {
  setTimeout(fn, 0);
}

type Result<T> = { status: 'succeeded' | 'failed'; value: T; error?: { name: string; message: string } };

export function createComposeOfficeMock(options: ComposeMockOptions): { office: OfficeMockObject & Record<string, unknown>; state: ComposeMockState } {
  const state: ComposeMockState = { notifications: new Map(Object.entries(options.notifications ?? {})), errors: [], handlers: new Map() };
  const recipients = (list: string[] | undefined) => ({
    getAsync(callback: (r: Result<Array<{ emailAddress: string; displayName: string; recipientType: string }>>) => void) {
      const value = (list ?? []).map((address) => ({ emailAddress: address, displayName: address, recipientType: 'other' }));
      later(() => callback({ status: 'succeeded', value }));
    },
  });
  const fail = (call: string, why: string, callback?: (r: Result<void>) => void) => {
    state.errors.push(`${call}: ${why}`);
    if (callback) later(() => callback({ status: 'failed', value: undefined, error: { name: 'InvalidArgument', message: why } }));
  };
  const allowedCommand = options.kind === 'message' ? COMPOSE_COMMAND_IDS.message : COMPOSE_COMMAND_IDS.appointment;
  const check = (key: string, details: NotificationDetails): string | undefined => {
    if (typeof key !== 'string' || !key) return 'the key is required';
    if (!['errorMessage', 'informationalMessage', 'insightMessage', 'progressIndicator'].includes(details?.type)) return `unknown type ${String(details?.type)}`;
    if (typeof details.message !== 'string' || !details.message) return 'the message is required';
    if (details.message.length > MAX_MESSAGE) return `the message has ${details.message.length} characters (at most ${MAX_MESSAGE})`;
    if ((details.type === 'informationalMessage' || details.type === 'insightMessage') && !details.icon) return `${details.type} needs an icon`;
    if (details.actions !== undefined) {
      if (details.type !== 'insightMessage') return 'only an insightMessage takes actions';
      if (!Array.isArray(details.actions) || details.actions.length !== 1) return 'an insightMessage takes exactly one action';
      const action = details.actions[0];
      if (action.actionType !== 'showTaskPane') return `actionType ${action.actionType} (showTaskPane is the only one)`;
      if (!action.actionText) return 'the action needs its text';
      if (action.commandId !== allowedCommand) return `commandId ${action.commandId} is not the ${options.kind} compose button (${allowedCommand})`;
    }
    if (details.persistent !== undefined && details.type !== 'informationalMessage') return 'persistent is only for informationalMessage';
    if (details.type === 'insightMessage' && [...state.notifications].some(([k, d]) => k !== key && d.type === 'insightMessage')) return 'one insightMessage per add-in on an item';
    if (!state.notifications.has(key) && state.notifications.size >= MAX_NOTIFICATIONS) return `at most ${MAX_NOTIFICATIONS} notifications per item`;
    return undefined;
  };
  const item: Record<string, unknown> = {
    itemType: options.kind,
    notificationMessages: {
      replaceAsync(key: string, details: NotificationDetails, callback?: (r: Result<void>) => void) {
        const problem = check(key, details);
        if (problem) return fail('replaceAsync', problem, callback);
        state.notifications.set(key, JSON.parse(JSON.stringify(details)) as NotificationDetails);
        if (callback) later(() => callback({ status: 'succeeded', value: undefined }));
      },
      addAsync(key: string, details: NotificationDetails, callback?: (r: Result<void>) => void) {
        if (state.notifications.has(key)) return fail('addAsync', `the key ${key} is already used`, callback);
        const problem = check(key, details);
        if (problem) return fail('addAsync', problem, callback);
        state.notifications.set(key, JSON.parse(JSON.stringify(details)) as NotificationDetails);
        if (callback) later(() => callback({ status: 'succeeded', value: undefined }));
      },
      removeAsync(key: string, callback?: (r: Result<void>) => void) {
        const had = state.notifications.delete(key);
        // Not a rule break: Outlook answers "no such key" with a failed result.
        if (callback) later(() => callback(had ? { status: 'succeeded', value: undefined } : { status: 'failed', value: undefined, error: { name: 'KeyNotFound', message: key } }));
      },
      getAllAsync(callback: (r: Result<Array<NotificationDetails & { key: string }>>) => void) {
        later(() => callback({ status: 'succeeded', value: [...state.notifications].map(([key, d]) => ({ key, ...d })) }));
      },
    },
  };
  if (options.kind === 'message') {
    item.to = recipients(options.to);
    item.cc = recipients(options.cc);
    item.bcc = recipients(options.bcc);
  } else {
    item.requiredAttendees = recipients(options.required);
    item.optionalAttendees = recipients(options.optional);
  }
  const roaming = { ...(options.roaming ?? {}) };
  const data = {
    host: 'outlook',
    context: {
      displayLanguage: options.displayLanguage ?? 'nl-NL',
      mailbox: { item, userProfile: { emailAddress: options.owner, displayName: options.owner } },
      roamingSettings: {
        get: (name: string) => roaming[name],
        set: (name: string, value: unknown) => {
          roaming[name] = value;
        },
      },
    },
    actions: {
      associate: (name: string, handler: (event: { completed(options?: unknown): void }) => void) => {
        state.handlers.set(name, handler);
      },
    },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    MailboxEnums: {
      ItemNotificationMessageType: { InformationalMessage: 'informationalMessage', InsightMessage: 'insightMessage', ErrorMessage: 'errorMessage', ProgressIndicator: 'progressIndicator' },
      ActionType: { ShowTaskPane: 'showTaskPane' },
    },
  };
  const office = new OfficeMockObject(data) as OfficeMockObject & Record<string, unknown>;
  return { office, state };
}

/** Runs a handler the script registered, as Outlook runs it for one event; resolves when it calls `completed()`. */
export function fireLaunchEvent(state: ComposeMockState, name: string): Promise<void> {
  const handler = state.handlers.get(name);
  if (!handler) return Promise.reject(new Error(`no handler associated with ${name}`));
  return new Promise((resolve) => {
    let calls = 0;
    handler({
      completed: () => {
        calls += 1;
        if (calls > 1) state.errors.push('event.completed called more than once');
        resolve();
      },
    });
  });
}
