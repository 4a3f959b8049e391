/**
 * The signed-in official's department from their directory profile, to prefill the department of a
 * note or review. Graph returns `department` only when it is asked for with `$select` ("user resource
 * type" and "Get user", Microsoft Graph v1.0); User.Read, which the app has, allows reading one's own.
 */
import type { GraphTransport } from './graph/GraphTransport';

/** Undefined when the directory holds none or Graph cannot be asked: the form then uses the remembered one. */
export async function readOwnDepartment(transport: GraphTransport): Promise<string | undefined> {
  try {
    const me = await transport.get<{ department?: string | null }>('/me?$select=department');
    return me.department?.trim() || undefined;
  } catch {
    return undefined;
  }
}
