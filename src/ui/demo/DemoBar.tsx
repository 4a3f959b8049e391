import { Badge, Button, Dropdown, Field, Input, makeStyles, Option, Subtitle2, Switch, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState, useSyncExternalStore } from 'react';
import type { BrowserDemoHost } from '../../hosts/browser/BrowserDemoHost';
import type { DemoMailbox } from '../../hosts/browser/demoMailbox';
import type { HostItem, HostTheme } from '../../hosts/Host';
import { OFFICIALS } from '../../demo/municipality';
import { demoFeedbackReply, demoFeedbackReplySubject } from '../../demo/feedbackReply';
import { SAMPLE_ITEMS } from '../../demo/sampleMessages';
import { sampleToHostItem } from './sampleToHostItem';
import { useI18n } from '../shell/I18nContext';

const useStyles = makeStyles({
  bar: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: '140px' },
  muted: { color: tokens.colorNeutralForeground3 },
  compose: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium,
  },
  body: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0, fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase200, maxHeight: '240px', overflowY: 'auto' },
});

function splitList(text: string): string[] {
  // Commas also occur inside quoted display names ("Dijk, Henk van" <h@x.nl>), so split only outside quotes.
  return (text.match(/(?:"[^"]*"|[^,])+/g) ?? []).map((s) => s.trim()).filter(Boolean);
}

/** What Outlook would show on the item: its categories and Partnerzicht's "logged" marker; and the add-in's permission. */
function DemoMailboxMarks({ mailbox, itemId }: { mailbox: DemoMailbox; itemId: string | undefined }) {
  const { t } = useI18n();
  const styles = useStyles();
  const marks = useSyncExternalStore((l) => mailbox.subscribe(l), () => mailbox.marksOf(itemId));
  const mayManage = useSyncExternalStore((l) => mailbox.subscribe(l), () => mailbox.mayManageCategories);
  return (
    <div className={styles.row} data-testid="demo-mailbox" aria-live="polite">
      <Text size={200} data-testid="demo-item-categories">
        {marks.categories.length > 0 ? t('demo.mailbox.categories', { categories: marks.categories.join(', ') }) : t('demo.mailbox.noCategories')}
      </Text>
      {marks.loggedLink && (
        <Badge appearance="tint" color="success" data-testid="demo-item-logged">
          {t('demo.mailbox.logged')}
        </Badge>
      )}
      <Switch checked={mayManage} onChange={(_, d) => mailbox.setMayManageCategories(d.checked)} label={t('demo.mailbox.mayManage')} />
    </div>
  );
}

/**
 * What `displayNewMessageForm` would have opened in Outlook (the feedback request), and the partner's
 * reply to it on request: a received email among the samples, with the answers under the questions,
 * the reference in its subject and the official's email quoted below, as Outlook replies; or the same
 * reply under a subject the partner wrote, the reference then only in the quoted original.
 */
function DemoCompose({ mailbox, user, locale }: { mailbox: DemoMailbox; user: { email: string; name: string }; locale: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const composed = useSyncExternalStore((l) => mailbox.subscribe(l), () => mailbox.composed);
  const [simulated, setSimulated] = useState(false);
  if (!composed) return simulated ? <Text size={200} role="status" data-testid="demo-reply-simulated">{t('demo.compose.simulated')}</Text> : null;
  const simulate = (ownSubject: boolean) => {
    const now = new Date().toISOString();
    mailbox.receive({
      id: `reply-${Date.now()}`, kind: 'email', from: composed.to[0] ?? '', to: [user.email], cc: [], date: now, preview: '',
      subject: demoFeedbackReplySubject(locale, composed.subject, ownSubject),
      body: `${demoFeedbackReply(locale, user.name, { goesWell: t('feedback.q.goesWell'), couldImprove: t('feedback.q.couldImprove'), collaborate: t('feedback.q.collaborate'), score: t('feedback.q.score') })}\n________________________________\nFrom: ${user.name} <${user.email}>\nSent: ${composed.at}\nTo: ${composed.to.join('; ')}\nSubject: ${composed.subject}\n\n${composed.text}`,
    });
    setSimulated(true);
  };
  return (
    <section className={styles.compose} aria-labelledby="demo-compose-title" data-testid="demo-compose">
      <Subtitle2 as="h3" id="demo-compose-title">{t('demo.compose.title')}</Subtitle2>
      <Text size={200} data-testid="demo-compose-to">{t('demo.compose.to', { recipients: composed.to.join('; ') || '…' })}</Text>
      <Text size={200} weight="semibold" data-testid="demo-compose-subject">{t('demo.compose.subject', { subject: composed.subject })}</Text>
      <pre className={styles.body} data-testid="demo-compose-body" tabIndex={0} aria-label={composed.subject}>{composed.text}</pre>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => simulate(false)} data-testid="demo-simulate-reply">{t('demo.compose.simulate')}</Button>
        <Button onClick={() => simulate(true)} data-testid="demo-simulate-reply-own-subject">{t('demo.compose.simulateOwnSubject')}</Button>
        <Button onClick={() => mailbox.closeCompose()}>{t('demo.compose.close')}</Button>
      </div>
    </section>
  );
}

/**
 * The plain-browser stand-in for Outlook's and Teams' selection: pick a sample email or meeting,
 * or type one, and choose who is signed in, the language and the theme.
 */
export function DemoBar({ host, kinds }: { host: BrowserDemoHost; kinds: Array<'email' | 'meeting'> }) {
  const { t } = useI18n();
  const styles = useStyles();
  const state = useSyncExternalStore((l) => host.subscribe(l), () => host.current);
  // The partner's simulated replies (the Outlook demo's mailbox) are samples too.
  const replies = useSyncExternalStore((l) => host.mailbox?.subscribe(l) ?? (() => undefined), () => host.mailbox?.replies);
  const samples = useMemo(() => [...SAMPLE_ITEMS, ...(replies ?? [])].filter((s) => kinds.includes(s.kind)), [replies, kinds]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [subject, setSubject] = useState('');
  const selectedSample = samples.find((s) => s.id === state.item?.id);
  const kind = kinds[0];

  const applyCustom = () => {
    const id = `custom-${Date.now()}`;
    const item: HostItem =
      kind === 'meeting'
        ? { kind, id, subject, organizer: from, attendees: splitList(to), date: new Date().toISOString() }
        : { kind, id, subject, from, to: splitList(to), cc: [], date: new Date().toISOString() };
    host.update({ item });
  };

  return (
    <section className={styles.bar} aria-labelledby="demo-title" data-testid="demo-bar">
      <Subtitle2 as="h2" id="demo-title">
        {t('demo.title')}
      </Subtitle2>
      <Text size={200} className={styles.muted}>
        {t('demo.intro')}
      </Text>
      <div className={styles.row}>
        {kinds.length > 0 && (
        <Field label={t('demo.sample')} className={styles.grow}>
          <Dropdown
            data-testid="demo-sample"
            value={selectedSample?.subject ?? ''}
            selectedOptions={selectedSample ? [selectedSample.id] : []}
            onOptionSelect={(_, d) => {
              const sample = samples.find((s) => s.id === d.optionValue);
              if (sample) host.update({ item: sampleToHostItem(sample) });
            }}
          >
            {samples.map((s) => (
              <Option key={s.id} value={s.id} text={s.subject}>
                {s.subject}
              </Option>
            ))}
          </Dropdown>
        </Field>
        )}
        <Field label={t('demo.user')} className={styles.grow}>
          <Dropdown
            data-testid="demo-user"
            value={state.user.name}
            selectedOptions={[state.user.email]}
            onOptionSelect={(_, d) => {
              const official = OFFICIALS.find((o) => o.email === d.optionValue);
              if (!official || official.email === state.user.email) return;
              host.update({ user: { email: official.email, name: official.name } });
              // Signing in as someone else starts a new session: the write queue, drafts and caches are per official.
              window.location.reload();
            }}
          >
            {OFFICIALS.map((o) => (
              <Option key={o.email} value={o.email} text={o.name}>
                {`${o.name} (${o.department})`}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('demo.language')}>
          <Dropdown value={state.locale.startsWith('en') ? 'English' : 'Nederlands'} selectedOptions={[state.locale]} onOptionSelect={(_, d) => d.optionValue && host.update({ locale: d.optionValue })}>
            <Option value="nl-NL">Nederlands</Option>
            <Option value="en-GB">English</Option>
          </Dropdown>
        </Field>
        <Field label={t('demo.theme')}>
          <Dropdown value={t(`demo.theme.${state.theme}`)} selectedOptions={[state.theme]} onOptionSelect={(_, d) => d.optionValue && host.update({ theme: d.optionValue as HostTheme })}>
            {(['default', 'dark', 'contrast'] as const).map((theme) => (
              <Option key={theme} value={theme}>
                {t(`demo.theme.${theme}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      {host.mailbox && <DemoMailboxMarks mailbox={host.mailbox} itemId={state.item?.id} />}
      {host.mailbox && <DemoCompose mailbox={host.mailbox} user={state.user} locale={state.locale} />}
      {kinds.length > 0 && (
      <details>
        <summary>{t('demo.custom')}</summary>
        <div className={styles.row}>
          <Field label={t('demo.from')} className={styles.grow}>
            <Input value={from} onChange={(_, d) => setFrom(d.value)} data-testid="demo-from" />
          </Field>
          <Field label={t('demo.to')} className={styles.grow}>
            <Input value={to} onChange={(_, d) => setTo(d.value)} data-testid="demo-to" />
          </Field>
          <Field label={t('demo.subject')} className={styles.grow}>
            <Input value={subject} onChange={(_, d) => setSubject(d.value)} data-testid="demo-subject" />
          </Field>
          <Button onClick={applyCustom}>{t('demo.apply')}</Button>
        </div>
      </details>
      )}
    </section>
  );
}
