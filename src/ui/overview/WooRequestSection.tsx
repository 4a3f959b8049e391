import { Button, Checkbox, Combobox, Field, Input, makeStyles, MessageBar, MessageBarBody, Option, Spinner, Subtitle2, Tag, TagGroup, Text, tokens } from '@fluentui/react-components';
import { ArrowDownload16Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { CsvWords } from '../../core/csv/csvExport';
import { gatherWooRecords, wooCounts, wooInventoryCsv, wooPackageHtml, type WooQuery, type WooRecord } from '../../core/overview';
import { searchPartners } from '../../core/partnerSearch';
import { useI18n } from '../shell/I18nContext';
import { downloadText, useMessage } from './messages';
import { readInteractionTexts, type OverviewModel } from './useOverviewModel';
import { FailureMessage, type Failure } from '../shell/FailureMessage';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  field: { minWidth: '14rem', maxWidth: '100%' },
  themes: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, border: 'none', padding: 0, margin: 0 },
});

/**
 * Woo request: choose partners, themes and a period, gather the matching documents (the notes are read
 * again with their texts: the overview's cache holds none) and download the coordinator's package.
 */
export function WooRequestSection({ model, partnerName, onRecorded }: { model: OverviewModel; partnerName(id: string): string; onRecorded?: () => void }) {
  const { t, plural, numericDate, locale } = useI18n();
  const say = useMessage();
  const words: CsvWords = { say, date: numericDate };
  const styles = useStyles();
  const [partnerIds, setPartnerIds] = useState<string[]>([]);
  const [partnerText, setPartnerText] = useState('');
  const [themes, setThemes] = useState<string[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [progress, setProgress] = useState<number>();
  const [records, setRecords] = useState<WooRecord[]>();
  const [query, setQuery] = useState<WooQuery>();
  const [failed, setFailed] = useState<Failure>();
  const partnerOptions = useMemo(() => searchPartners(model.partners, partnerText).filter((p) => !partnerIds.includes(p.id)).slice(0, 50), [model.partners, partnerText, partnerIds]);
  const allThemes = useMemo(() => [...new Set([...model.partners.flatMap((p) => p.themes), ...model.interactions.flatMap((i) => i.themes)])].sort((a, b) => a.localeCompare(b, locale)), [model.partners, model.interactions, locale]);
  const periodInvalid = from !== '' && to !== '' && to < from;

  const gather = async () => {
    if (periodInvalid) return;
    const asked: WooQuery = { partnerIds, themes, from: from || undefined, to: to || undefined };
    setFailed(undefined);
    setRecords(undefined);
    setProgress(0);
    try {
      const interactions = await readInteractionTexts(model, partnerIds, setProgress);
      setQuery(asked);
      const gathered = gatherWooRecords(asked, { partners: model.partners, interactions, agenda: model.agenda });
      setRecords(gathered);
      // The request's scope and what it found, in the trail (the records themselves are not copied there).
      void model.services.audit
        .record({ action: 'wooGather', detail: `${gathered.length} records; partners ${asked.partnerIds.length || 'all'}; themes ${asked.themes.join('|') || 'all'}; period ${asked.from ?? '-'}..${asked.to ?? '-'}` })
        .then(onRecorded, () => undefined);
    } catch (error) {
      setFailed({ lead: 'woo.gatherFailed', error });
    } finally {
      setProgress(undefined);
    }
  };
  const stamp = model.now.toISOString().slice(0, 10);
  const recordExport = (format: string) =>
    void model.services.audit.record({ action: 'export', detail: `woo ${format}: ${records?.length ?? 0} records` }).then(onRecorded, () => undefined);

  return (
    <section className={styles.section} aria-labelledby="woo-title" data-testid="woo-request">
      <Subtitle2 as="h3" id="woo-title">{t('woo.title')}</Subtitle2>
      <Text>{t('woo.intro')}</Text>
      <form className={styles.section} onSubmit={(e) => (e.preventDefault(), void gather())} noValidate>
        <Field label={t('woo.partners')} className={styles.field}>
          <Combobox
            freeform
            placeholder={t('woo.partners.placeholder')}
            value={partnerText}
            selectedOptions={[]}
            onChange={(e) => setPartnerText(e.target.value)}
            onOptionSelect={(_, d) => {
              if (d.optionValue) setPartnerIds((ids) => [...ids, d.optionValue!]);
              setPartnerText('');
            }}
          >
            {partnerOptions.map((p) => <Option key={p.id} value={p.id}>{p.name}</Option>)}
          </Combobox>
        </Field>
        {partnerIds.length > 0 && (
          <TagGroup onDismiss={(_, d) => setPartnerIds((ids) => ids.filter((id) => id !== d.value))} aria-label={t('woo.partners')}>
            {partnerIds.map((id) => (
              <Tag key={id} value={id} dismissible dismissIcon={{ 'aria-label': t('woo.remove', { name: partnerName(id) }) }}>{partnerName(id)}</Tag>
            ))}
          </TagGroup>
        )}
        <fieldset className={styles.themes}>
          <legend>{t('woo.themes')}</legend>
          {allThemes.map((theme) => (
            <Checkbox key={theme} label={theme} checked={themes.includes(theme)} onChange={(_, d) => setThemes((all) => (d.checked ? [...all, theme] : all.filter((x) => x !== theme)))} />
          ))}
        </fieldset>
        <div className={styles.row}>
          <Field label={t('woo.from')}>
            <Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} />
          </Field>
          <Field label={t('woo.to')} validationState={periodInvalid ? 'error' : 'none'} validationMessage={periodInvalid ? t('woo.periodInvalid') : undefined}>
            <Input type="date" value={to} onChange={(_, d) => setTo(d.value)} />
          </Field>
          <Button appearance="primary" type="submit" disabled={progress !== undefined || periodInvalid}>{t('woo.gather')}</Button>
        </div>
      </form>
      {progress !== undefined && <Spinner size="tiny" label={plural('woo.gathering', progress)} />}
      {failed && <FailureMessage {...failed} />}
      {records && query && (
        <div className={styles.section} aria-live="polite">
          {records.length === 0 ? (
            <Text data-testid="woo-none">{t('woo.none')}</Text>
          ) : (
            <>
              <Text weight="semibold" data-testid="woo-found">{wooCounts(words, records, 'woo.found')}</Text>
              <div className={styles.row}>
                <Button
                  icon={<ArrowDownload16Regular />}
                  onClick={() => {
                    downloadText(`woo-${stamp}.html`, wooPackageHtml(records, words, { query, generatedAt: new Date(), generatedBy: model.user?.name ?? '', partnerName, lang: locale }), 'text/html');
                    recordExport('html');
                  }}
                >
                  {t('woo.download.html')}
                </Button>
                <Button icon={<ArrowDownload16Regular />} onClick={() => {
                  downloadText(`woo-${stamp}.csv`, wooInventoryCsv(records, words, partnerName), 'text/csv');
                  recordExport('csv');
                }}>
                  {t('woo.download.csv')}
                </Button>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}
