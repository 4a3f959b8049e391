import { Button, Field, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, Subtitle2, Text, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { Settings } from '../../core/model';
import { changedSettings, keepMine, mergeSettingsDraft, SETTINGS_LISTS, settingsDraftOf, takeStored, validateSettingsDraft, type SettingsDraft, type SettingsList } from '../../core/settingsDraft';
import { failureCause } from '../../data/graph/errors';
import { SettingsConflictError } from '../../data/PartnerRepository';
import { useStoredDraft } from '../pane/useStoredDraft';
import type { Services } from '../services';
import { useI18n, type MessageKey } from '../shell/I18nContext';
import { useWrapStyles } from '../shell/wrapStyles';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '820px', marginBlockStart: tokens.spacingVerticalXL },
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', gap: tokens.spacingVerticalM },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

type Outcome = { intent: 'success' | 'info' | 'warning' | 'error'; key: MessageKey };

/**
 * "Instellingen van de gemeente": the Settings list's lists (own domains, ignored addresses, departments,
 * themes, register owners), edited here instead of in the list item by hand. What is typed is a draft on
 * this device until it is saved, so a closed tab loses nothing; only the lists that changed are written,
 * each through the audited repository (one trail entry per save).
 */
export function SettingsSection({ services }: { services: Pick<Services, 'repository' | 'drafts'> }) {
  const { t, say } = useI18n();
  const styles = useStyles();
  const wrap = useWrapStyles();
  const [loaded, setLoaded] = useState<{ status: 'loading' } | { status: 'error' } | { status: 'ready'; settings: Settings }>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [shownProblems, setShownProblems] = useState(false);

  useEffect(() => {
    let live = true;
    setLoaded({ status: 'loading' });
    services.repository.getSettings().then(
      (settings) => live && setLoaded({ status: 'ready', settings }),
      () => live && setLoaded({ status: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [services, attempt]);

  const stored = loaded.status === 'ready' ? loaded.settings : undefined;
  const form = useStoredDraft<SettingsDraft>(services.drafts, stored ? 'settings' : undefined, () => settingsDraftOf(stored));
  // The draft over what is stored now: a colleague's save shows in the lists this administrator left alone.
  const merged = useMemo(() => (form.draft && stored ? mergeSettingsDraft(form.draft, stored) : undefined), [form.draft, stored]);
  const checked = useMemo(() => (merged ? validateSettingsDraft(merged.draft) : undefined), [merged]);
  const changes = checked && merged ? changedSettings(merged.draft.base, checked.settings) : {};
  const unsaved = Object.keys(changes).length > 0;

  if (loaded.status === 'loading' || (stored && !form.draft)) return <Spinner size="tiny" label={t('settings.loading')} />;
  if (loaded.status === 'error' || !stored || !merged || !checked) {
    return (
      <MessageBar intent="error" data-testid="settings-load-error">
        <MessageBarBody>{t('settings.loadFailed')}</MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={() => setAttempt((n) => n + 1)}>{t('common.retry')}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  const draft = merged.draft;
  const conflicts = merged.conflicts;
  const problemsOf = (field: SettingsList) => (shownProblems ? checked.problems.filter((p) => p.field === field).map((p) => say(p.message)) : []);

  const save = async () => {
    setOutcome(undefined);
    if (checked.problems.length > 0) {
      setShownProblems(true);
      setOutcome({ intent: 'warning', key: 'settings.problems' });
      return;
    }
    setShownProblems(false);
    if (conflicts.length > 0) {
      setOutcome({ intent: 'warning', key: 'settings.conflicts' });
      return;
    }
    if (!unsaved) {
      await form.clear();
      setOutcome({ intent: 'info', key: 'settings.unchanged' });
      return;
    }
    setSaving(true);
    try {
      const base = Object.fromEntries(Object.keys(changes).map((list) => [list, draft.base?.[list as SettingsList] ?? []]));
      const saved = await services.repository.saveSettings(changes, { base });
      setLoaded({ status: 'ready', settings: saved });
      await form.clear();
      // The draft starts again from what is stored now (clear's fresh value is the one from before the save).
      form.revise(settingsDraftOf(saved));
      setOutcome({ intent: 'success', key: 'settings.saved' });
    } catch (error) {
      // The draft stays on screen and on the device: nothing typed is lost.
      if (error instanceof SettingsConflictError) {
        // A colleague saved the same list since this draft began: what they stored now shows beside it.
        setLoaded({ status: 'ready', settings: error.current });
        setOutcome({ intent: 'warning', key: 'settings.conflicted' });
      } else setOutcome({ intent: 'error', key: saveFailure(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className={styles.root} aria-labelledby="settings-title" data-testid="settings">
      <Subtitle2 as="h3" id="settings-title">{t('settings.title')}</Subtitle2>
      <Text>{t('settings.intro')}</Text>
      <form className={styles.fields} aria-labelledby="settings-title" onSubmit={(e) => (e.preventDefault(), void save())} noValidate>
        {SETTINGS_LISTS.map((list) => {
          const problems = problemsOf(list);
          return (
            <div key={list} className={styles.field}>
              <Field
                label={t(`settings.field.${list}` as MessageKey)}
                hint={t(`settings.hint.${list}` as MessageKey)}
                validationState={problems.length > 0 ? 'error' : 'none'}
                validationMessage={problems.length > 0 ? problems.join(' ') : undefined}
              >
                <Textarea
                  resize="vertical"
                  rows={4}
                  value={draft[list]}
                  onChange={(_, d) => form.change({ ...draft, [list]: d.value })}
                  data-testid={`settings-${list}`}
                  spellCheck={list === 'departments' || list === 'themes'}
                />
              </Field>
              {conflicts.includes(list) && (
                <MessageBar layout="multiline" intent="warning" data-testid={`settings-conflict-${list}`}>
                  <MessageBarBody className={wrap.anywhere}>{t('settings.conflict', { value: stored[list]?.join(', ') || t('settings.conflict.empty') })}</MessageBarBody>
                  <MessageBarActions>
                    <Button size="small" onClick={() => form.change(keepMine(draft, stored, list))}>{t('settings.keepMine')}</Button>
                    <Button size="small" onClick={() => form.change(takeStored(draft, stored, list))}>{t('settings.takeStored')}</Button>
                  </MessageBarActions>
                </MessageBar>
              )}
            </div>
          );
        })}
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={saving}>{t('settings.save')}</Button>
          {unsaved && !saving && (
            <Button onClick={() => void form.clear().then(() => setShownProblems(false))}>{t('settings.discard')}</Button>
          )}
          {saving && <Spinner size="tiny" label={t('settings.saving')} />}
        </div>
      </form>
      {unsaved && !outcome && <Text data-testid="settings-unsaved">{t('settings.unsaved')}</Text>}
      {outcome && (
        <MessageBar intent={outcome.intent} data-testid="settings-outcome" aria-live="polite">
          <MessageBarBody>{t(outcome.key)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

/** Why a save failed, in words the administrator can act on. */
function saveFailure(error: unknown): MessageKey {
  const cause = failureCause(error);
  if (cause === 'forbidden') return 'settings.saveForbidden';
  if (cause === 'needsSetup') return 'settings.saveNeedsSetup';
  return 'settings.saveFailed';
}
