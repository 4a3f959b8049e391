import { OutlookHost } from '../../src/hosts/outlook/OutlookHost';
import { messageCompose, messageRead, outlookMock } from './outlookFixtures';

const host = (office: typeof Office) => new OutlookHost(office, async () => 'token');
const message = { to: ['info@portaal.nl'], subject: 'Hoe verloopt onze samenwerking? [PZ-ABCDEF]', htmlBody: '<p>1. Wat gaat goed?</p>', text: '1. Wat gaat goed?' };

/** Outlook's displayNewMessageForm and body.getAsync on the fixture mailbox, recording what they were given. */
function withFeedbackApis(options: Parameters<typeof outlookMock>[0], body?: string) {
  const { office } = outlookMock(options);
  const forms: unknown[] = [];
  const coercions: unknown[] = [];
  Object.assign(office.context.mailbox, { displayNewMessageForm: (form: unknown) => void forms.push(form) });
  Object.assign(office, { CoercionType: { Text: 'text', Html: 'html' } });
  const item = office.context.mailbox.item as unknown as Record<string, unknown>;
  if (item && body !== undefined) item.body = { getAsync: (type: unknown, cb: (r: unknown) => void) => (coercions.push(type), cb({ status: 'succeeded', value: body })) };
  return { office, forms, coercions };
}

describe('the feedback request in Outlook', () => {
  test('opens the new-message form with recipients, subject and HTML body in read mode (Mailbox 1.6)', () => {
    const { office, forms } = withFeedbackApis({ item: messageRead(), mailboxVersion: '1.6' });
    expect(host(office).newMessage(message)).toEqual({ status: 'opened' });
    expect(forms).toEqual([{ toRecipients: ['info@portaal.nl'], subject: message.subject, htmlBody: message.htmlBody }]);
  });

  test('says what is missing without Mailbox 1.6, and does not offer it while composing', () => {
    const old = withFeedbackApis({ item: messageRead(), mailboxVersion: '1.5' });
    expect(host(old.office).newMessage(message)).toEqual({ status: 'unsupported', missing: ['Mailbox 1.6'] });
    const compose = withFeedbackApis({ item: messageCompose() });
    expect(host(compose.office).newMessage(message)).toEqual({ status: 'unsupported', missing: ['read mode'] });
    expect([...old.forms, ...compose.forms]).toEqual([]);
  });

  test('reads the open email’s body as text, and nothing of an email being composed', async () => {
    const read = withFeedbackApis({ item: messageRead() }, 'Wat gaat goed?\nAlles.');
    await expect(host(read.office).readItemBody()).resolves.toBe('Wat gaat goed?\nAlles.');
    expect(read.coercions).toEqual(['text']);
    const compose = withFeedbackApis({ item: messageCompose() }, 'concept');
    await expect(host(compose.office).readItemBody()).resolves.toBeUndefined();
  });
});
