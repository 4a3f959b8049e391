import { OFFICIALS } from '../../demo/municipality';
import { SAMPLE_ITEMS } from '../../demo/sampleMessages';
import { sampleToHostItem } from '../../ui/demo/sampleToHostItem';
import { BrowserDemoHost } from './BrowserDemoHost';
import type { DemoMailbox } from './demoMailbox';

/**
 * The demo host of one surface: it starts on the first sample of the kinds that surface shows. The
 * Outlook demo passes its mailbox stand-in (`mailboxOf`), so tagging works there as in Outlook; the
 * Teams surfaces have none (and never load Outlook's code).
 */
export function createDemoHost(kinds: Array<'email' | 'meeting'>, mailboxOf?: (owner: string) => DemoMailbox): BrowserDemoHost {
  const first = SAMPLE_ITEMS.find((s) => kinds.includes(s.kind));
  const official = OFFICIALS[0];
  const host = new BrowserDemoHost({
    item: first ? sampleToHostItem(first) : undefined,
    user: { email: official.email, name: official.name },
    locale: navigator.language || 'nl-NL',
    theme: window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'default',
  }, `partnerzicht.demo.${kinds.join('-')}`, undefined, mailboxOf);
  // A meeting sample in the Outlook demo (or an email in the meeting demo) falls back to the surface's own kind.
  const item = host.current.item;
  if (item && !kinds.includes(item.kind)) host.update({ item: first ? sampleToHostItem(first) : undefined });
  return host;
}
