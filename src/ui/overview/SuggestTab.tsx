import { Button, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Subtitle2, Text, Textarea, tokens } from '@fluentui/react-components';
import { CalendarAdd16Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { ownedBy } from '../../core/agenda';
import { newClientId } from '../../core/noteDraft';
import { suggestPartners, type Suggestion } from '../../core/overview';
import { useI18n } from '../shell/I18nContext';
import { useMessage } from './messages';
import type { OverviewModel } from './useOverviewModel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '820px' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  themes: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, alignItems: 'flex-start' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** "Wie kan meedenken?": involve partners at the start of an issue, not as a consultation afterwards. */
export function SuggestTab({ model, partnerName, onOpen }: { model: OverviewModel; partnerName(id: string): string; onOpen(id: string): void }) {
  const { t } = useI18n();
  const say = useMessage();
  const styles = useStyles();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [themes, setThemes] = useState<string[]>([]);
  // The issue as last searched for. Ticked themes count at once: a checkbox that changes nothing until
  // the button is pressed again looked like it did nothing at all.
  const [searched, setSearched] = useState<{ title: string; text: string }>();
  const [added, setAdded] = useState<Set<string>>(new Set());
  const [titleError, setTitleError] = useState(false);
  const allThemes = useMemo(() => [...new Set(model.partners.flatMap((p) => p.themes))].sort(), [model.partners]);
  const results = useMemo(
    () => searched && { title: searched.title, suggestions: suggestPartners({ ...searched, themes }, { partners: model.partners, interactions: model.interactions, now: model.now }) },
    [searched, themes, model.partners, model.interactions, model.now],
  );

  const submit = () => {
    if (!title.trim()) return setTitleError(true);
    setTitleError(false);
    setAdded(new Set());
    setSearched({ title: title.trim(), text });
  };
  const toAgenda = (s: Suggestion) => {
    if (!results) return;
    const id = newClientId();
    void model.saveAgendaItem({
      id, clientId: id, partnerId: s.partnerId, topic: t('suggest.agendaTopic', { title: results.title }), direction: 'samen',
      ...ownedBy(model.user), status: 'open', nextStep: t('suggest.agendaNext'),
    });
    setAdded((a) => new Set(a).add(s.partnerId));
  };

  return (
    <div className={styles.root}>
      <Text>{t('suggest.intro')}</Text>
      <form className={styles.form} onSubmit={(e) => (e.preventDefault(), submit())} aria-label={t('suggest.title')}>
        <Field label={t('suggest.field.title')} required validationMessage={titleError ? t('error.required', { field: t('suggest.field.title') }) : undefined}>
          <Input value={title} onChange={(_, d) => setTitle(d.value)} />
        </Field>
        <fieldset className={styles.themes}>
          <legend>{t('suggest.field.themes')}</legend>
          {allThemes.map((theme) => (
            <Checkbox key={theme} label={theme} checked={themes.includes(theme)} onChange={(_, d) => setThemes((all) => (d.checked ? [...all, theme] : all.filter((x) => x !== theme)))} />
          ))}
        </fieldset>
        <Field label={t('suggest.field.text')}>
          <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" />
        </Field>
        <div>
          <Button appearance="primary" type="submit">
            {t('suggest.submit')}
          </Button>
        </div>
      </form>
      {results && (
        <section aria-labelledby="suggest-results" aria-live="polite">
          <Subtitle2 as="h3" id="suggest-results">
            {t('suggest.results')}
          </Subtitle2>
          {results.suggestions.length === 0 ? (
            <Text className={styles.muted}>{t('suggest.none')}</Text>
          ) : (
            <ol className={styles.list} data-testid="suggestions">
              {results.suggestions.map((s) => (
                <li key={s.partnerId} className={styles.item} data-testid="suggestion">
                  <Button appearance="transparent" size="small" onClick={() => onOpen(s.partnerId)}>
                    <Text weight="semibold" data-testid="suggestion-name">{partnerName(s.partnerId)}</Text>
                  </Button>
                  <Text data-testid="suggestion-explanation">{s.explanation.map(say).join(', ')}.</Text>
                  {added.has(s.partnerId) ? (
                    <MessageBar intent="success">
                      <MessageBarBody>{t('suggest.onAgenda', { partner: partnerName(s.partnerId) })}</MessageBarBody>
                    </MessageBar>
                  ) : (
                    <Button size="small" icon={<CalendarAdd16Regular />} onClick={() => toAgenda(s)} aria-label={`${t('suggest.toAgenda')}: ${partnerName(s.partnerId)}`}>
                      {t('suggest.toAgenda')}
                    </Button>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}
