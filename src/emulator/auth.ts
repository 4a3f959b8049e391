import { createHash } from 'node:crypto';
import { GraphError } from './errors';
import type { EmulatorUser } from './types';

/**
 * Reads the official from the bearer token. The emulator trusts the token without checking its
 * signature (tests and the demo mint unsigned `alg: none` tokens), so a test can act as any
 * official by minting a token for them. What Graph would refuse — no token, a token that is not a
 * JWT, an expired one — is refused here too, with Graph's 401 shape.
 */
export function userFromAuthorization(header: string | undefined): EmulatorUser {
  return tokenFromAuthorization(header).user;
}

/**
 * The official and the delegated permissions the token carries: `scp`, space-separated, as Entra ID
 * writes it (https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference), lower-cased
 * for comparison. A token without `scp` carries no delegated permission at all.
 */
export function tokenFromAuthorization(header: string | undefined): { user: EmulatorUser; scopes: Set<string> } {
  if (!header || !/^Bearer\s+\S/i.test(header)) {
    throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
  }
  const token = header.replace(/^Bearer\s+/i, '').trim();
  const parts = token.split('.');
  let payload: Record<string, unknown>;
  try {
    if (parts.length < 2) throw new Error('not a JWT');
    const json = Buffer.from(parts[1].replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('payload is not an object');
    payload = parsed as Record<string, unknown>;
  } catch {
    throw new GraphError(401, 'InvalidAuthenticationToken', 'IDX14100: JWT is not well formed, there are no dots (.) or the token is not decodable.');
  }
  if (typeof payload.exp === 'number' && payload.exp * 1000 < Date.now()) {
    throw new GraphError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.');
  }
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const email = str(payload.preferred_username) ?? str(payload.upn) ?? str(payload.unique_name) ?? str(payload.email);
  if (!email) {
    throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token validation failure: the token names no user.');
  }
  const displayName = str(payload.name) ?? email;
  const id = str(payload.oid) ?? stableGuid(`user:${email.toLowerCase()}`);
  const scopes = new Set((typeof payload.scp === 'string' ? payload.scp : '').split(/\s+/).filter(Boolean).map((s) => s.toLowerCase()));
  return { user: { email, displayName, id }, scopes };
}

/** A GUID derived from a string, so ids stay the same across restarts (UUID v5-like, SHA-1). */
export function stableGuid(seed: string): string {
  const h = createHash('sha1').update(seed).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
