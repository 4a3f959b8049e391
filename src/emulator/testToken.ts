import { ALL_GRAPH_SCOPES, ATTENDANCE_SCOPES, SETUP_SCOPES, TEAM_SCOPES, shortScope } from '../config/scopes';

/** The delegated permissions an official's token carries: exactly what the app asks for (src/config/scopes.ts). */
export const OFFICIAL_TOKEN_SCOPES: readonly string[] = ALL_GRAPH_SCOPES.map(shortScope);
/** An administrator running setup: the official's scopes and Sites.Manage.All (SETUP_SCOPES). */
export const ADMIN_TOKEN_SCOPES: readonly string[] = SETUP_SCOPES.map(shortScope);
/** A meeting organizer who consented to the attendance report: the official's scopes and OnlineMeetingArtifact.Read.All (ATTENDANCE_SCOPES). */
export const ATTENDANCE_TOKEN_SCOPES: readonly string[] = ATTENDANCE_SCOPES.map(shortScope);
/** A manager who consented to their team's calendars: the official's scopes, User.ReadBasic.All and Calendars.Read.Shared (TEAM_SCOPES). */
export const TEAM_TOKEN_SCOPES: readonly string[] = TEAM_SCOPES.map(shortScope);

/**
 * Mints an unsigned (`alg: none`) JWT that the emulator accepts: tests act as different
 * officials with it, and the demo host signs in with it. No Node or browser-specific APIs beyond
 * `btoa`/`TextEncoder`, so it runs in both. Graph itself would refuse such a token.
 * `scopes` become its `scp` claim (default: the official's, OFFICIAL_TOKEN_SCOPES); the emulator
 * refuses what they do not permit (src/emulator/permissions.ts).
 */
export function createTestToken(user: { email: string; name?: string; oid?: string; scopes?: readonly string[] }, lifetimeSeconds = 3600): string {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    aud: 'https://graph.microsoft.com',
    iat: now,
    exp: now + lifetimeSeconds,
    preferred_username: user.email,
    name: user.name ?? user.email,
    scp: (user.scopes ?? OFFICIAL_TOKEN_SCOPES).join(' '),
  };
  if (user.oid) payload.oid = user.oid; // without one, the emulator derives a stable id from the email
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`;
}

function base64url(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
