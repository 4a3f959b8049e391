/**
 * Builds the compose hints from what the pane already has: the partner register it detects with and
 * the contexts this device read (src/data/contextSnapshots.ts). No Graph read of its own: a partner
 * whose context was never read here is known by name and domains only, and its notification says
 * "open Partnerzicht" instead of figures (docs/compose.md).
 */
import { COMPOSE_HINTS_VERSION, type ComposeHintPartner, type ComposeHints } from '../core/composeHint';
import type { PartnerContext, RegisterPartner } from '../core/model';
import { countsAsContact } from '../core/notes';
import { departmentContacts } from '../core/relationship';
import { readComposeHints, writeComposeHints } from './composeHintStore';

/** Departments in contact over the last 12 months, and the last contact with its department. */
export function contextFigures(context: PartnerContext, now: Date): Pick<ComposeHintPartner, 'departments' | 'lastContact' | 'lastDepartment'> {
  const departments = departmentContacts(context.interactions, now).length;
  let last: PartnerContext['interactions'][number] | undefined;
  for (const interaction of context.interactions) {
    if (countsAsContact(interaction) && (!last || interaction.date > last.date)) last = interaction;
  }
  const lastContact = last?.date ?? context.partner.lastContact;
  return {
    departments,
    ...(lastContact ? { lastContact } : {}),
    ...(last?.department ? { lastDepartment: last.department } : {}),
  };
}

export function buildComposeHints(
  register: readonly RegisterPartner[],
  contextOf: (partnerId: string) => PartnerContext | undefined,
  owner: string,
  now: Date,
): ComposeHints {
  const partners = register.map((p): ComposeHintPartner => {
    const context = contextOf(p.id);
    return {
      id: p.id,
      name: p.name,
      domains: p.domains.map((d) => d.toLowerCase()),
      contacts: p.contacts.map((c) => c.toLowerCase()),
      ...(context ? contextFigures(context, now) : {}),
    };
  });
  return { version: COMPOSE_HINTS_VERSION, owner: owner.trim().toLowerCase(), savedAt: now.toISOString(), partners };
}

export interface ComposeHintsWriterOptions {
  owner: string;
  storage: Parameters<typeof writeComposeHints>[0] & Parameters<typeof readComposeHints>[0];
  /** Also keeps the JSON elsewhere (Outlook: the roaming settings, for classic Outlook on Windows). */
  mirror?: (json: string) => void;
  /** Runs the write (the surfaces pass "when the browser is idle"). */
  defer?: (write: () => void) => void;
  now?: () => Date;
}

/**
 * Keeps the compose hints current as the pane reads: the register gives the partners, each context
 * read gives one partner's figures. Figures stay in the hints until a newer context replaces them,
 * so the partners the official looked at keep theirs after the device's context copies rotate.
 */
export class ComposeHintsWriter {
  private register?: readonly RegisterPartner[];
  private readonly figures = new Map<string, ReturnType<typeof contextFigures>>();
  private pending = false;

  constructor(private readonly options: ComposeHintsWriterOptions) {
    const stored = readComposeHints(options.storage, options.owner);
    for (const p of stored?.partners ?? []) {
      if (p.departments !== undefined) this.figures.set(p.id, { departments: p.departments, ...(p.lastContact ? { lastContact: p.lastContact } : {}), ...(p.lastDepartment ? { lastDepartment: p.lastDepartment } : {}) });
    }
  }

  registerRead(partners: readonly RegisterPartner[]): void {
    this.register = partners;
    this.schedule();
  }

  contextRead(context: PartnerContext): void {
    this.figures.set(context.partner.id, contextFigures(context, (this.options.now ?? (() => new Date()))()));
    this.schedule();
  }

  private schedule(): void {
    if (!this.register || this.pending) return;
    this.pending = true;
    const { defer = (write: () => void) => setTimeout(write, 0) } = this.options;
    defer(() => {
      this.pending = false;
      this.writeNow();
    });
  }

  /** Writes at once (tests; the deferred write calls this). */
  writeNow(): void {
    if (!this.register) return;
    const now = (this.options.now ?? (() => new Date()))();
    const figures = this.figures;
    const hints = buildComposeHints(this.register, () => undefined, this.options.owner, now);
    for (const p of hints.partners) Object.assign(p, figures.get(p.id));
    const json = writeComposeHints(this.options.storage, hints);
    this.options.mirror?.(json);
  }
}
