import { badRequest } from './errors';

/**
 * `$skiptoken`s for paging. SharePoint's are base64 of `Paged=TRUE&p_ID=…`; ours follow that
 * form, carrying the last id of the page (id order), an offset (sorted results), or the delta
 * enumeration's window.
 */

export interface SkipState {
  afterId?: number;
  offset?: number;
  since?: number;
  until?: number;
  full?: number;
}

export function encodeSkipToken(s: SkipState): string {
  const parts = ['Paged=TRUE'];
  if (s.afterId !== undefined) parts.push(`p_ID=${s.afterId}`);
  if (s.offset !== undefined) parts.push(`p_Offset=${s.offset}`);
  if (s.since !== undefined) parts.push(`p_Since=${s.since}`);
  if (s.until !== undefined) parts.push(`p_Until=${s.until}`);
  if (s.full !== undefined) parts.push(`p_Full=${s.full}`);
  return Buffer.from(parts.join('&')).toString('base64url');
}

export function decodeSkipToken(token: string | undefined): SkipState {
  if (!token) return {};
  const text = Buffer.from(token, 'base64url').toString('utf8');
  if (!text.startsWith('Paged=TRUE')) throw badRequest('The $skiptoken is not valid.');
  const params = new URLSearchParams(text);
  const num = (k: string) => {
    const v = params.get(k);
    if (v === null) return undefined;
    if (!/^\d+$/.test(v)) throw badRequest('The $skiptoken is not valid.');
    return Number(v);
  };
  return { afterId: num('p_ID'), offset: num('p_Offset'), since: num('p_Since'), until: num('p_Until'), full: num('p_Full') };
}
