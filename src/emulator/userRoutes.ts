/**
 * `/me`: the signed-in official's directory profile, as Graph's user resource answers it. Without
 * `$select` Graph returns only its default properties; others, such as `department`, only when
 * selected ("Get user" and "user resource type", Microsoft Graph v1.0). A property the user resource
 * does not have is refused with 400, as Graph does. Profiles beyond the token's name and address
 * (department, job title, office) come from the emulator's directory (`profiles` option / `setUserProfile`).
 */
import { badRequest } from './errors';
import { listOption } from './queryOptions';
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

export function userRoutes(directory: UserDirectory): RouteDefinition[] {
  return [
    {
      method: 'GET',
      pattern: '/me',
      query: ['select'],
      prefer: [],
      conditional: [],
      handler: (ctx) => {
        const all = directory.properties(ctx.user);
        const select = listOption(ctx.query, 'select');
        const known = new Set<string>([...DEFAULT_PROPERTIES, ...SELECTABLE_ONLY]);
        const names = (select ?? [...DEFAULT_PROPERTIES]).map((raw) => {
          const name = [...known].find((k) => k.toLowerCase() === raw.toLowerCase());
          if (!name) throw badRequest(`Could not find a property named '${raw}' on type 'microsoft.graph.user'.`, 'BadRequest');
          return name;
        });
        const context = `${ctx.origin}/${ctx.version}/$metadata#users${select ? `(${names.join(',')})` : ''}/$entity`;
        return { status: 200, body: { '@odata.context': context, ...Object.fromEntries(names.map((n) => [n, all[n]])) } };
      },
    },
  ];
}
