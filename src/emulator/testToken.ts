/**
 * Mints an unsigned (`alg: none`) JWT that the emulator accepts: tests act as different
 * officials with it, and the demo host signs in with it. No Node or browser-specific APIs beyond
 * `btoa`/`TextEncoder`, so it runs in both. Graph itself would refuse such a token.
 */
export function createTestToken(user: { email: string; name?: string; oid?: string }, lifetimeSeconds = 3600): string {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    aud: 'https://graph.microsoft.com',
    iat: now,
    exp: now + lifetimeSeconds,
    preferred_username: user.email,
    name: user.name ?? user.email,
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
