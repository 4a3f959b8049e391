/**
 * The last contexts this device read from Graph, per official and site: the pane shows a partner's
 * relationship context from here at once, and Graph's answer replaces it when it arrives (a SharePoint
 * `$batch` of four list queries takes from a few hundred milliseconds to seconds). Offline, the copy
 * is what the official can still see.
 *
 * Kept in localStorage, not IndexedDB: the pane reads one copy on the way to its first render, and a
 * synchronous read of a few tens of kilobytes takes a couple of milliseconds, where an IndexedDB read
 * queues behind the page's other tasks (measured at 140-260 ms at 4× CPU throttling).
 * So the store is small and bounded: the most recently read partners only, and never a context larger
 * than `maxChars`.
 *
 * Confidential notes never stay on the device: a copy carries their interactions as someone without
 * access to the confidential list sees them (no summary, follow-ups or review texts).
 */
import type { Interaction, PartnerContext } from '../core/model';
import { deviceLocalStorage } from './deviceStorage';

export interface ContextSnapshot {
  value: PartnerContext;
  /** When Graph answered with this context (ISO). */
  readAt: string;
}

export interface ContextSnapshotsOptions {
  /** The signed-in official and the site: one official's copies are never read for another. */
  owner: string;
  site: string;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** How many partners' contexts the device keeps (all officials and sites together). */
  limit?: number;
  /** A context whose JSON is longer than this is not kept (localStorage holds about 5 MB per site). */
  maxChars?: number;
  /** Told of every context Graph answered (the compose hints keep its figures: src/data/composeHintWriter.ts). */
  onPut?: (value: PartnerContext) => void;
}

const PREFIX = 'partnerzicht.context.';
const ORDER_KEY = `${PREFIX}order`;
const VERSION = 1;

export class ContextSnapshots {
  private readonly storage: ContextSnapshotsOptions['storage'];
  private readonly scope: string;
  private readonly limit: number;
  private readonly maxChars: number;
  private readonly onPut?: (value: PartnerContext) => void;

  constructor(options: ContextSnapshotsOptions) {
    this.storage = options.storage ?? deviceLocalStorage();
    this.scope = `${options.owner.trim().toLowerCase()}|${options.site}`;
    this.limit = options.limit ?? 12;
    this.maxChars = options.maxChars ?? 400_000;
    this.onPut = options.onPut;
  }

  private key(partnerId: string): string {
    return `${PREFIX}${this.scope}|${partnerId}`;
  }

  /** The copy of this partner's context, if this device read it for this official and site. */
  get(partnerId: string): ContextSnapshot | undefined {
    const key = this.key(partnerId);
    const raw = this.attempt(() => this.storage?.getItem(key));
    if (!raw) return undefined;
    const parsed = parse(raw);
    if (parsed?.value.partner.id === partnerId) return parsed;
    // Unreadable (another version, a broken write): gone, so it is not parsed again on every open.
    this.remove(key);
    return undefined;
  }

  /** Keeps Graph's answer as the partner's copy, the oldest copy making way when the device has `limit`. */
  put(partnerId: string, value: PartnerContext, readAt: string): void {
    this.onPut?.(value);
    const key = this.key(partnerId);
    const raw = JSON.stringify({ version: VERSION, readAt, value: withoutConfidentialText(value) });
    if (raw.length > this.maxChars) return this.remove(key);
    const order = [key, ...this.order().filter((k) => k !== key)];
    for (const dropped of order.splice(this.limit)) this.attempt(() => this.storage?.removeItem(dropped));
    // Full storage (other data of this site): give up the oldest copies one at a time, then this one.
    while (!this.attempt(() => (this.storage?.setItem(key, raw), true))) {
      const oldest = order.length > 1 ? order.pop() : undefined;
      if (!oldest) return this.remove(key);
      this.attempt(() => this.storage?.removeItem(oldest));
    }
    this.attempt(() => this.storage?.setItem(ORDER_KEY, JSON.stringify(order)));
  }

  private order(): string[] {
    const raw = this.attempt(() => this.storage?.getItem(ORDER_KEY));
    try {
      const keys: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string' && k.startsWith(PREFIX)) : [];
    } catch {
      return [];
    }
  }

  private remove(key: string): void {
    this.attempt(() => this.storage?.removeItem(key));
    const order = this.order();
    if (order.includes(key)) this.attempt(() => this.storage?.setItem(ORDER_KEY, JSON.stringify(order.filter((k) => k !== key))));
  }

  /** Storage may refuse (private mode, policy, quota): a copy is only ever a head start. */
  private attempt<T>(action: () => T): T | undefined {
    try {
      return action();
    } catch {
      return undefined;
    }
  }
}

function parse(raw: string): ContextSnapshot | undefined {
  try {
    const stored = JSON.parse(raw) as { version?: unknown; readAt?: unknown; value?: Partial<PartnerContext> };
    const value = stored.value;
    if (stored.version !== VERSION || typeof stored.readAt !== 'string' || !value?.partner || !Array.isArray(value.interactions) || !Array.isArray(value.agenda)) return undefined;
    return { readAt: stored.readAt, value: value as PartnerContext };
  } catch {
    return undefined;
  }
}

/** A confidential interaction as an official without access to the confidential notes list sees it. */
function withoutConfidentialText(context: PartnerContext): PartnerContext {
  if (!context.interactions.some((i) => i.confidential)) return context;
  return { ...context, interactions: context.interactions.map((i) => (i.confidential ? hideConfidential(i) : i)) };
}

function hideConfidential(interaction: Interaction): Interaction {
  const { followUps: _followUps, review, ...rest } = interaction;
  return { ...rest, summary: '', ...(review ? { review: { score: review.score, goesWell: '', couldImprove: '' } } : {}) };
}
