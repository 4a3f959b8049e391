/**
 * Who the host says is signed in. MSAL uses it to pick the cached account and as the login hint for
 * `ssoSilent`, so the official is never asked to choose an account the host already knows.
 * Kept free of teams-js imports so the Outlook bundle can use it.
 */
import { SignInError } from './signInErrors';

export interface HostAccount {
  /** UPN / login hint. */
  loginHint?: string;
  /** Entra tenant id of the signed-in account. */
  tenantId?: string;
  /** Entra object id, when the host gives it (Office's auth context does). */
  objectId?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A configured single tenant (a GUID, not `organizations`) that differs from the account's cannot
 * succeed: say so before anyone asks Entra. Throws SignInError('wrong-tenant').
 */
export function assertConfiguredTenant(configuredTenantId: string, accountTenantId: string | undefined): void {
  if (GUID.test(configuredTenantId) && accountTenantId && accountTenantId.toLowerCase() !== configuredTenantId.toLowerCase()) {
    throw new SignInError('wrong-tenant');
  }
}

/** The requirement set that makes `Office.auth.getAuthContext()` and the NAA bridge available. */
export const OFFICE_NAA_REQUIREMENT = { set: 'NestedAppAuth', version: '1.1' } as const;

export function officeSupportsNestedAppAuth(office: typeof Office): boolean {
  try {
    return office.context.requirements.isSetSupported(OFFICE_NAA_REQUIREMENT.set, OFFICE_NAA_REQUIREMENT.version);
  } catch {
    return false;
  }
}

/**
 * Office: the auth context when NestedAppAuth 1.1 is there; otherwise the mailbox owner's address,
 * which is only a hint (in a shared mailbox it is still the signed-in official's profile).
 */
export async function officeAccount(office: typeof Office): Promise<HostAccount> {
  if (officeSupportsNestedAppAuth(office)) {
    try {
      const context = await office.auth.getAuthContext();
      return { loginHint: context.loginHint || context.userPrincipalName, tenantId: context.tenantId, objectId: context.userObjectId };
    } catch {
      // Fall through to the profile: a failed context lookup must not block sign-in.
    }
  }
  const email = office.context.mailbox?.userProfile?.emailAddress;
  return email ? { loginHint: email } : {};
}

/** Teams: the context's `user.loginHint` and tenant id (structural type, so no teams-js import). */
export function teamsAccount(context: { user?: { loginHint?: string; userPrincipalName?: string; id?: string; tenant?: { id?: string } } }): HostAccount {
  const user = context.user;
  return { loginHint: user?.loginHint || user?.userPrincipalName, tenantId: user?.tenant?.id, objectId: user?.id };
}
