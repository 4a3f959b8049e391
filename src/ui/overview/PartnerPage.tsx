import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { ArrowLeft16Regular, Edit16Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import { contactsOf, formatContact } from '../../core/contacts';
import type { AgendaItem, Interaction, Partner, Settings } from '../../core/model';
import { isEmailAddress, joinNames, partnerTooLong, splitContacts, splitList, splitNames, validateContacts, validateDomains, type Message } from '../../core/overview';
import { AgendaList } from '../pane/AgendaList';
import { DepartmentContacts } from '../pane/DepartmentContacts';
import { RelationshipCard } from '../pane/RelationshipCard';
import { Timeline } from '../pane/Timeline';
import { noteActionsFor, withQueuedNotes } from '../pane/timelineEntries';
import { useI18n } from '../shell/I18nContext';
import { useWrapStyles } from '../shell/wrapStyles';
import { useMessage } from './messages';
import { OwnerNotifySetting } from './OwnerNotifySetting';
import type { OverviewModel } from './useOverviewModel';
import { VersionHistory } from './VersionHistory';
import { LoadError } from '../shell/LoadError';
import { FailedWrites } from '../pane/FailedWrites';
import { waitsForOfficial } from '../services';
import { useStoredDraft } from '../pane/useStoredDraft';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '900px' },
  head: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  // `min(100%, …)`: on a screen narrower than one column, the column is the screen's width.
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 320px), 1fr))', gap: tokens.spacingHorizontalXL },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  // Fields align to the top of their row: when one shows an error (and grows), the others keep their place.
  form: {
    display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 260px), 1fr))', alignItems: 'start', gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, gridColumn: '1 / -1' },
});

/**
 * One partner for a manager: the pane's context (same components, so the card's heading names the
 * partner) plus the full history and editing.
 */
export function PartnerPage({ model, partnerId, onBack }: { model: OverviewModel; partnerId: string; onBack(): void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const partner = model.partners.find((p) => p.id === partnerId);
  const [history, setHistory] = useState<Interaction[] | undefined>();
  const [failed, setFailed] = useState<unknown>();
  const [historyAttempt, setHistoryAttempt] = useState(0);
  const [editing, setEditing] = useState(false);
  // A change typed before a reload or a tab switch opens the form again, as it was left.
  useEffect(() => {
    let live = true;
    model.services.drafts.load(partnerDraftKey(partnerId)).then((d) => live && d !== undefined && setEditing(true), () => undefined);
    return () => {
      live = false;
    };
  }, [model.services.drafts, partnerId]);
  const [settings, setSettings] = useState<Settings>();

  useEffect(() => {
    let live = true;
    setHistory(undefined);
    setFailed(undefined);
    model.services.repository.listInteractions(partnerId).then((list) => live && setHistory(list), (error: unknown) => live && setFailed(error ?? new Error('load failed')));
    model.services.repository.getSettings().then((s) => live && setSettings(s), () => undefined);
    // A correction or withdrawal the server confirmed replaces the version read before (with its new ETag).
    const unsubscribe = model.services.queue.subscribe((event) => {
      if (event.type !== 'confirmed' || event.kind !== 'interaction') return;
      const saved = event.result as Interaction;
      if (saved.partnerId === partnerId) setHistory((all) => all && [saved, ...all.filter((i) => i.clientId !== saved.clientId)]);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [model.services, partnerId, historyAttempt]);

  const noteActions = useMemo(() => noteActionsFor(model.services, model.user, settings), [model.services, model.user, settings]);
  const timeline = useMemo(() => history && withQueuedNotes(history, model.writes, partnerId), [history, model.writes, partnerId]);

  const agenda = useMemo(() => model.agenda.filter((a) => a.partnerId === partnerId), [model.agenda, partnerId]);
  const pendingIds = useMemo(() => new Set(model.writes.filter((w) => w.kind === 'agenda' && !waitsForOfficial(w)).map((w) => w.clientId)), [model.writes]);
  const failedIds = useMemo(() => new Set(model.writes.filter((w) => w.kind === 'agenda' && waitsForOfficial(w)).map((w) => w.clientId)), [model.writes]);
  // This partner's own change and its agenda items that the queue gave up on, each with what can be done about it.
  const failedWrites = useMemo(
    () => model.writes.filter((w) => waitsForOfficial(w) && ((w.kind === 'partner' && w.clientId === partnerId) || (w.kind === 'agenda' && w.payload.partnerId === partnerId))),
    [model.writes, partnerId],
  );
  if (!partner) return <MessageBar intent="warning"><MessageBarBody>{t('overview.partnerMissing')}</MessageBarBody></MessageBar>;
  const interactions = history ?? [];

  return (
    <article className={styles.root} aria-label={partner.name} data-testid="partner-page">
      <div className={styles.head}>
        <Button icon={<ArrowLeft16Regular />} onClick={onBack}>
          {t('overview.back')}
        </Button>
        <Button icon={<Edit16Regular />} onClick={() => setEditing((e) => !e)} aria-expanded={editing}>
          {t('partnerEdit.edit')}
        </Button>
      </div>
      <FailedWrites writes={failedWrites} queue={model.services.queue} partnerName={(id) => model.partners.find((p) => p.id === id)?.name} />
      {editing && <PartnerEditForm model={model} partner={partner} internalDomains={settings?.internalDomains ?? []} onDone={() => setEditing(false)} />}
      <div className={styles.columns}>
        <div className={styles.stack}>
          <RelationshipCard partner={partner} interactions={interactions} now={model.now} />
          <OwnerNotifySetting partner={partner} official={model.user?.email} onChange={(choice) => void model.savePartner({ ...partner, ownerNotify: choice })} />
          <DepartmentContacts interactions={interactions} now={model.now} />
          <AgendaList
            items={agenda}
            pendingIds={pendingIds}
            failedIds={failedIds}
            partnerId={partner.id}
            user={model.user}
            names={model.officialNames}
            now={model.now}
            onStatusChange={(item: AgendaItem, status) => void model.saveAgendaItem({ ...item, status })}
            onAdd={(item: AgendaItem) => void model.saveAgendaItem(item)}
            drafts={model.services.drafts}
          />
        </div>
        <div className={styles.stack}>
          {failed ? (
            <LoadError error={failed} host={model.services.host} onRetry={() => setHistoryAttempt((n) => n + 1)} />
          ) : timeline ? (
            <Timeline entries={timeline} actions={noteActions} />
          ) : (
            <Spinner size="small" label={t('overview.history')} />
          )}
        </div>
      </div>
      <VersionHistory model={model} partnerId={partnerId} />
    </article>
  );
}

type PartnerForm = { name: string; aliases: string; domains: string; contacts: string; ownerName: string; ownerEmail: string; themes: string; rhythm: string };
/** The form's draft: what is typed, and the partner as it was when typing began (see PartnerEditForm). */
type PartnerFormDraft = PartnerForm & { base: PartnerForm };
const partnerDraftKey = (partnerId: string) => `partnerEdit:${partnerId}`;

function formOf(partner: Partner): PartnerForm {
  return {
    name: partner.name,
    aliases: joinNames(partner.aliases),
    domains: partner.domains.join(', '),
    contacts: contactsOf(partner).map(formatContact).join(', '),
    ownerName: partner.ownerName ?? '',
    ownerEmail: partner.ownerEmail ?? '',
    themes: joinNames(partner.themes),
    rhythm: partner.rhythmDays ? String(partner.rhythmDays) : '',
  };
}

/**
 * `internalDomains`: the municipality's own (settings), which no partner may have, nor any domain under them (as the CSV import checks).
 *
 * What is typed is kept as a draft (a tab switch or a reload loses nothing). A field the official did not
 * touch shows the partner as it is now, so a colleague's change saved meanwhile is not written back over:
 * only the fields that differ from the partner as it was when typing began are the official's.
 */
export function PartnerEditForm({ model, partner, internalDomains, onDone }: { model: OverviewModel; partner: Partner; internalDomains: string[]; onDone(): void }) {
  const { t } = useI18n();
  const say = useMessage();
  const styles = useStyles();
  const wrap = useWrapStyles();
  const current = formOf(partner);
  const stored = useStoredDraft<PartnerFormDraft>(model.services.drafts, partnerDraftKey(partner.id), () => ({ ...formOf(partner), base: formOf(partner) }));
  const draft = stored.draft;
  const form = Object.fromEntries(
    (Object.keys(current) as Array<keyof PartnerForm>).map((key) => [key, draft && draft[key] !== draft.base[key] ? draft[key] : current[key]]),
  ) as PartnerForm;
  const [errors, setErrors] = useState<Partial<Record<keyof PartnerForm, string>>>({});
  const [saveFailed, setSaveFailed] = useState(false);
  const set = (key: keyof PartnerForm) => (_: unknown, d: { value: string }) => stored.change({ ...form, [key]: d.value, base: draft?.base ?? current });
  const cancel = () => void stored.clear().then(onDone);

  const save = async () => {
    const found: Partial<Record<keyof PartnerForm, string>> = {};
    const join = (messages: Message[]) => messages.map(say).join('; ');
    if (!form.name.trim()) found.name = t('error.required', { field: t('partnerEdit.name') });
    const domains = validateDomains(splitList(form.domains), internalDomains);
    if (domains.errors.length) found.domains = join(domains.errors);
    const contacts = validateContacts(splitContacts(form.contacts));
    if (contacts.errors.length) found.contacts = join(contacts.errors);
    if (form.ownerEmail.trim() && !isEmailAddress(form.ownerEmail)) found.ownerEmail = say({ key: 'partnerEdit.contact.invalid', params: { value: form.ownerEmail } });
    const rhythm = form.rhythm.trim() ? Number(form.rhythm) : undefined;
    if (rhythm !== undefined && (!Number.isInteger(rhythm) || rhythm < 1 || rhythm > 3650)) found.rhythm = t('partnerEdit.rhythmInvalid');
    const next: Partner = {
      ...partner,
      name: form.name.trim(),
      aliases: splitNames(form.aliases),
      domains: domains.domains,
      contacts: contacts.contacts,
      contactNames: contacts.contactNames,
      ownerName: form.ownerName.trim() || undefined,
      ownerEmail: form.ownerEmail.trim().toLowerCase() || undefined,
      themes: splitNames(form.themes).map((x) => x.toLowerCase()),
      rhythmDays: rhythm,
    };
    // What the list column would refuse is said here, not as a failed write later (the description is not edited here).
    for (const { field, max } of partnerTooLong(next)) if (field !== 'description') found[field] ??= t('error.tooLong', { field: t(`partnerEdit.${field}`), max });
    setErrors(found);
    setSaveFailed(false);
    if (Object.keys(found).length > 0) return;
    try {
      await model.savePartner(next);
    } catch {
      // Not stored, not even on this device: the form stays as typed.
      return setSaveFailed(true);
    }
    await stored.clear();
    onDone();
  };

  const field = (key: keyof PartnerForm, label: string) => (
    <Field label={label} validationMessage={errors[key]} validationState={errors[key] ? 'error' : 'none'} className={wrap.anywhere}>
      <Input value={form[key]} onChange={set(key)} />
    </Field>
  );
  return (
    <form className={styles.form} aria-label={t('partnerEdit.title')} onSubmit={(e) => (e.preventDefault(), void save())} data-testid="partner-edit">
      {saveFailed && (
        <MessageBar intent="error" data-testid="partner-edit-failed">
          <MessageBarBody>{t('partnerEdit.saveFailed')}</MessageBarBody>
        </MessageBar>
      )}
      {field('name', t('partnerEdit.name'))}
      {field('aliases', t('partnerEdit.aliases'))}
      {field('domains', t('partnerEdit.domains'))}
      {field('contacts', t('partnerEdit.contacts'))}
      {field('ownerName', t('partnerEdit.ownerName'))}
      {field('ownerEmail', t('partnerEdit.ownerEmail'))}
      {field('themes', t('partnerEdit.themes'))}
      {field('rhythm', t('partnerEdit.rhythm'))}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit">
          {t('common.save')}
        </Button>
        <Button onClick={cancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
