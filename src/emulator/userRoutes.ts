/**
 * `/me`: the signed-in official's directory profile, as Graph's user resource answers it. Without
 * `$select` Graph returns only its default properties; others, such as `department`, only when
 * selected ("Get user" and "user resource type", Microsoft Graph v1.0). A property the user resource
 * does not have is refused with 400, as Graph does. Profiles beyond the token's name and address
 * (department, job title, office) come from the emulator's directory (`profiles` option / `setUserProfile`).
 *
 * `/me/directReports` ("List directReports", https://learn.microsoft.com/graph/api/user-list-directreports): the
 * users whose `manager` in the directory is the signed-in user, each a directoryObject carrying its
 * `@odata.type` (`#microsoft.graph.user`), with the user's default properties or those `$select` names; pages
 * of `$top` (default 100, at most 999) with an `@odata.nextLink` carrying a `$skiptoken`, as directory
 * collections page. Its permission (User.Read and User.ReadBasic.All, or a higher one) is checked in permissions.ts.
 */
import { stableGuid } from './auth';
import { badRequest } from './errors';
import { linkWith, listOption, option, topOption } from './queryOptions';
import { decodeSkipToken, encodeSkipToken } from './skipToken';
import type { EmulatorUser, RouteDefinition, UserProfile } from './types';

/** The user resource's properties that /me answers without `$select`. */
const DEFAULT_PROPERTIES = ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id'] as const;
/** Further properties the emulator knows; Graph's user resource has many more, these are enough to refuse a typo. */
const SELECTABLE_ONLY = ['department', 'companyName', 'employeeId', 'city', 'country', 'usageLocation', 'accountEnabled'] as const;

export class UserDirectory {
  private readonly profiles = new Map<string, UserProfile>();

  constructor(profiles: Record<string, UserProfile> = {}) {
    for (const [email, profile] of Object.entries(profiles)) this.set(email, profile);
  }

  set(email: string, profile: UserProfile): void {
    this.profiles.set(email.toLowerCase(), { ...this.profiles.get(email.toLowerCase()), ...profile });
  }

  /** A user the directory holds, as a token would name them (id derived from the address, as auth.ts does without `oid`). */
  private user(email: string): EmulatorUser {
    const profile = this.profiles.get(email) ?? {};
    return { email, displayName: profile.displayName ?? email, id: stableGuid(`user:${email}`) };
  }

  /** `/users/{id | userPrincipalName}`: the directory's user with that id, or the address itself (every mailbox has one). */
  find(idOrPrincipal: string, caller?: EmulatorUser): EmulatorUser | undefined {
    const key = idOrPrincipal.toLowerCase();
    if (caller && (caller.id.toLowerCase() === key || caller.email.toLowerCase() === key)) return caller;
    if (key.includes('@')) return this.user(key);
    const email = [...this.profiles.keys()].find((e) => this.user(e).id === key);
    return email ? this.user(email) : undefined;
  }

  /** The users whose manager is `email`, in id order (a stable order to page in). */
  reportsOf(email: string): EmulatorUser[] {
    const manager = email.toLowerCase();
    return [...this.profiles.entries()]
      .filter(([, p]) => p.manager?.toLowerCase() === manager)
      .map(([e]) => this.user(e))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Every property the emulator can answer for the user, null where the directory holds nothing. */
  properties(user: EmulatorUser): Record<string, unknown> {
    const profile = this.profiles.get(user.email.toLowerCase()) ?? {};
    const [given, ...rest] = user.displayName.split(' ');
    return {
      businessPhones: [],
      displayName: user.displayName,
      givenName: rest.length ? given : null,
      jobTitle: profile.jobTitle ?? null,
      mail: user.email,
      mobilePhone: null,
      officeLocation: profile.officeLocation ?? null,
      preferredLanguage: 'nl-NL',
      surname: rest.length ? rest.join(' ') : null,
      userPrincipalName: user.email,
      id: user.id,
      department: profile.department ?? null,
      companyName: null,
      employeeId: null,
      city: null,
      country: null,
      usageLocation: null,
      accountEnabled: true,
    };
  }
}

/** The user properties `$select` names (all known ones, case as Graph spells them), or the default ones; 400 for an unknown name. */
function selectedNames(select: string[] | undefined): string[] {
  const known = new Set<string>([...DEFAULT_PROPERTIES, ...SELECTABLE_ONLY]);
  return (select ?? [...DEFAULT_PROPERTIES]).map((raw) => {
    const name = [...known].find((k) => k.toLowerCase() === raw.toLowerCase());
    if (!name) throw badRequest(`Could not find a property named '${raw}' on type 'microsoft.graph.user'.`, 'BadRequest');
    return name;
  });
}

export function userRoutes(directory: UserDirectory): RouteDefinition[] {
  return [
    {
      method: 'GET',
      pattern: '/me/directReports',
      query: ['select', 'top', 'skiptoken'],
      prefer: [],
      conditional: [],
      handler: (ctx) => {
        const select = listOption(ctx.query, 'select');
        const names = selectedNames(select);
        const top = topOption(ctx.query, 100, 999);
        const offset = decodeSkipToken(option(ctx.query, 'skiptoken')).offset ?? 0;
        const reports = directory.reportsOf(ctx.user.email);
        const page = reports.slice(offset, offset + top).map((u) => {
          const all = directory.properties(u);
          return { '@odata.type': '#microsoft.graph.user', ...Object.fromEntries(names.map((n) => [n, all[n]])) };
        });
        return {
          status: 200,
          body: {
            '@odata.context': `${ctx.origin}/${ctx.version}/$metadata#directoryObjects`,
            value: page,
            ...(offset + top < reports.length ? { '@odata.nextLink': linkWith(ctx, { $skiptoken: encodeSkipToken({ offset: offset + top }) }) } : {}),
          },
        };
      },
    },
    {
      method: 'GET',
      pattern: '/me',
      query: ['select'],
      prefer: [],
      conditional: [],
      handler: (ctx) => {
        const all = directory.properties(ctx.user);
        const select = listOption(ctx.query, 'select');
        const names = selectedNames(select);
        const context = `${ctx.origin}/${ctx.version}/$metadata#users${select ? `(${names.join(',')})` : ''}/$entity`;
        return { status: 200, body: { '@odata.context': context, ...Object.fromEntries(names.map((n) => [n, all[n]])) } };
      },
    },
  ];
}
