import { Badge, Button, Caption1, makeStyles, mergeClasses, MessageBar, MessageBarBody, Spinner, Subtitle2, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { ArrowDownload16Regular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { agendaCsv, interactionsCsv, partnersCsv, withTexts, type CsvWords } from '../../core/csv/csvExport';
import { decodeCsvBytes, parseRegisterCsv, type ImportResult } from '../../core/csv/registerImport';
import { newClientId } from '../../core/noteDraft';
import { leftRegister } from '../../core/proposals';
import { useI18n } from '../shell/I18nContext';
import { useWrapStyles } from '../shell/wrapStyles';
import { downloadText, useMessage } from './messages';
import type { OverviewModel } from './useOverviewModel';
import { WideTable } from './WideTable';
import { FailureMessage, type Failure } from '../shell/FailureMessage';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '900px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  // In a column whose items keep their own width, a message bar would be as wide as its text on one line.
  bar: { alignSelf: 'stretch' },
  file: { fontSize: tokens.fontSizeBase300, maxWidth: '100%' },
  // A row's errors one under the other, each wrapping within the column: the row grows, nothing runs onto the next.
  errors: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: 'none' },
  // A message of several lines in a pill would be an oval.
  message: { borderRadius: tokens.borderRadiusMedium },
});

/** Import of an existing register (preview first, nothing written until confirmed) and CSV exports. */
export function CsvTab({ model, partnerName }: { model: OverviewModel; partnerName(id: string): string }) {
  const { t, plural, numericDate } = useI18n();
  const say = useMessage();
  const words: CsvWords = { say, date: numericDate };
  const styles = useStyles();
  const wrap = useWrapStyles();
  const fileId = useId();
  const [result, setResult] = useState<ImportResult>();
  const [imported, setImported] = useState<number>();
  const [reading, setReading] = useState<number>();
  const [exportFailed, setExportFailed] = useState<Failure>();

  const read = async (file: File | undefined) => {
    setImported(undefined);
    if (!file) return setResult(undefined);
    // The size check runs on the text too, but refusing a huge file before reading it saves the tab.
    if (file.size > 2_000_000) return setResult({ ok: false, error: { key: 'csv.error.tooLarge', params: { max: 2000 } } });
    const settingsDomains = await model.services.repository.getSettings().then((s) => s.internalDomains, () => [] as string[]);
    // A rejected or merged proposal is no partner: its name or domain is free to be imported (and it is not exported).
    setResult(parseRegisterCsv(decodeCsvBytes(new Uint8Array(await file.arrayBuffer())), { existing: model.partners.filter((p) => !leftRegister(p)), internalDomains: settingsDomains, newId: newClientId }));
  };
  const confirm = async () => {
    if (!result?.ok) return;
    const partners = result.rows.flatMap((r) => (r.partner ? [r.partner] : []));
    for (const partner of partners) await model.savePartner(partner);
    setImported(partners.length);
    setResult(undefined);
  };
  const names = new Map(model.partners.map((p) => [p.id, partnerName(p.id)]));
  const stamp = model.now.toISOString().slice(0, 10);
  // Every export is an action in the trail: which list, how many rows.
  const csv = (name: string, text: string, list: string, rows: number) => {
    downloadText(`${name}-${stamp}.csv`, text, 'text/csv;charset=utf-8');
    void model.services.audit.record({ action: 'export', list, detail: `csv ${rows} rows` }).catch(() => undefined);
  };
  // The overview's cache holds no note text: follow-ups and review answers are read for the export.
  const exportInteractions = async () => {
    setExportFailed(undefined);
    setReading(0);
    try {
      const texts = await model.services.repository.listInteractionTexts({ onProgress: setReading });
      csv(t('csv.file.interactions'), interactionsCsv(withTexts(model.interactions, new Map(texts.map((x) => [x.id, x]))), names, words), 'Interactions', model.interactions.length);
    } catch (error) {
      setExportFailed({ lead: 'csv.export.failed', error });
    } finally {
      setReading(undefined);
    }
  };
  const valid = result?.ok ? result.rows.filter((r) => r.partner).length : 0;

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="csv-import-title">
        <Subtitle2 as="h3" id="csv-import-title">{t('csv.import.title')}</Subtitle2>
        <Caption1 className={styles.muted}>{t('csv.import.hint')}</Caption1>
        <label htmlFor={fileId}>{t('csv.import.file')}</label>
        <input id={fileId} type="file" accept=".csv,text/csv" className={styles.file} data-testid="csv-file" onChange={(e) => void read(e.target.files?.[0])} />
        {imported !== undefined && (
          <MessageBar intent="success" className={styles.bar}><MessageBarBody>{plural('csv.import.done', imported)}</MessageBarBody></MessageBar>
        )}
        {result && !result.ok && (
          <MessageBar intent="error" data-testid="csv-error" className={styles.bar}><MessageBarBody className={wrap.anywhere}>{say(result.error)}</MessageBarBody></MessageBar>
        )}
        {result?.ok && (
          <>
            <Text data-testid="csv-summary" aria-live="polite">
              {t('csv.import.summary', {
                toImport: plural('csv.import.toImport', valid),
                withErrors: plural('csv.import.withErrors', result.rows.filter((r) => r.errors.length > 0).length),
                duplicates: plural('csv.import.duplicates', result.rows.filter((r) => r.duplicate && r.errors.length === 0).length),
              })}
            </Text>
            {result.unknownColumns.length > 0 && <Caption1 className={styles.muted}>{t('csv.unknownColumns', { columns: result.unknownColumns.join(', ') })}</Caption1>}
            <WideTable size="small" aria-label={t('csv.import.preview')} data-testid="csv-preview">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('csv.col.line')}</TableHeaderCell>
                  <TableHeaderCell>{t('csv.col.name')}</TableHeaderCell>
                  <TableHeaderCell>{t('csv.col.result')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.rows.map((row) => (
                  <TableRow key={row.line} data-testid={row.errors.length ? 'csv-row-error' : row.duplicate ? 'csv-row-duplicate' : 'csv-row-ok'}>
                    <TableCell>{row.line}</TableCell>
                    <TableCell>{row.name}</TableCell>
                    <TableCell>
                      {row.errors.length > 0 ? (
                        <ul className={styles.errors}>
                          {row.errors.map((error, i) => (
                            <li key={i}>
                              <Badge appearance="tint" color="danger" className={mergeClasses(wrap.badge, styles.message)}>{say(error)}</Badge>
                            </li>
                          ))}
                        </ul>
                      ) : row.duplicate ? (
                        <Badge appearance="tint" color="warning" className={mergeClasses(wrap.badge, styles.message)}>{say(row.duplicate)}</Badge>
                      ) : (
                        <Badge appearance="tint" color="success" className={mergeClasses(wrap.badge, styles.message)}>{t('csv.row.ok')}</Badge>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </WideTable>
            <div className={styles.buttons}>
              <Button appearance="primary" disabled={valid === 0} onClick={() => void confirm()}>
                {plural('csv.import.confirm', valid)}
              </Button>
              <Button onClick={() => setResult(undefined)}>{t('common.cancel')}</Button>
            </div>
          </>
        )}
      </section>
      <section className={styles.section} aria-labelledby="csv-export-title">
        <Subtitle2 as="h3" id="csv-export-title">{t('csv.export.title')}</Subtitle2>
        <Caption1 className={styles.muted}>{t('csv.export.hint')}</Caption1>
        <div className={styles.buttons}>
          <Button icon={<ArrowDownload16Regular />} onClick={() => {
            const partners = model.partners.filter((p) => !leftRegister(p));
            csv(t('csv.file.partners'), partnersCsv(partners, words), 'Partners', partners.length);
          }}>
            {t('csv.export.partners')}
          </Button>
          <Button icon={<ArrowDownload16Regular />} disabled={reading !== undefined} onClick={() => void exportInteractions()}>
            {t('csv.export.interactions')}
          </Button>
          <Button icon={<ArrowDownload16Regular />} onClick={() => csv(t('csv.file.agenda'), agendaCsv(model.agenda, names, words, { officialNames: model.officialNames, now: model.now }), 'Agenda', model.agenda.length)}>
            {t('csv.export.agenda')}
          </Button>
        </div>
        {reading !== undefined && <Spinner size="tiny" label={t('csv.export.reading', { interactions: plural('count.interactions', reading) })} />}
        {exportFailed && <FailureMessage {...exportFailed} testId="csv-export-failed" />}
      </section>
    </div>
  );
}
