import { ALL_GRAPH_SCOPES, CONSENT_SCOPES, shortScope, type ConsentPurpose } from '../../config/scopes';
import type { Official } from '../../core/model';

function base64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * An unsigned JWT naming the demo official. Only the local Graph emulator accepts it; it reads
 * the user from the payload the way Graph reads it from a real Entra ID token.
 */
export function makeDemoToken(official: Official, purpose: 'daily' | ConsentPurpose = 'daily'): string {
  const header = base64Url(JSON.stringify({ alg: 'none', typ: 'JWT' }));
  // The scopes a real token would carry: the official's, or those of an incremental consent (Sites.Manage.All for
  // setup, OnlineMeetingArtifact.Read.All for a meeting's attendance report, the team's calendars: src/config/scopes.ts).
  const scp = (purpose === 'daily' ? ALL_GRAPH_SCOPES : CONSENT_SCOPES[purpose]).map(shortScope).join(' ');
  const payload = base64Url(
    JSON.stringify({ preferred_username: official.email, name: official.name, oid: `demo-${official.email}`, aud: 'https://graph.microsoft.com', scp }),
  );
  return `${header}.${payload}.`;
}
