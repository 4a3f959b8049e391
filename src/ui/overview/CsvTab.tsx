import { Badge, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { ArrowDownload16Regular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { agendaCsv, interactionsCsv, partnersCsv } from '../../core/csv/csvExport';
import { parseRegisterCsv, type ImportResult } from '../../core/csv/registerImport';
import { newClientId } from '../../core/noteDraft';
import { leftRegister } from '../../core/proposals';
import { useI18n } from '../shell/I18nContext';
import { downloadText, useMessage } from './messages';
import type { OverviewModel } from './useOverviewModel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '900px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  file: { fontSize: tokens.fontSizeBase300 },
});

/** Import of an existing register (preview first, nothing written until confirmed) and CSV exports. */
export function CsvTab({ model, partnerName }: { model: OverviewModel; partnerName(id: string): string }) {
  const { t } = useI18n();
  const say = useMessage();
  const styles = useStyles();
  const fileId = useId();
  const [result, setResult] = useState<ImportResult>();
  const [imported, setImported] = useState<number>();

  const read = async (file: File | undefined) => {
    setImported(undefined);
    if (!file) return setResult(undefined);
    // The size check runs on the text too, but refusing a huge file before reading it saves the tab.
    if (file.size > 2_000_000) return setResult({ ok: false, error: { key: 'csv.error.tooLarge', params: { max: 2000 } } });
    const settingsDomains = await model.services.repository.getSettings().then((s) => s.internalDomains, () => [] as string[]);
    // A rejected or merged proposal is no partner: its name or domain is free to be imported (and it is not exported).
    setResult(parseRegisterCsv(await file.text(), { existing: model.partners.filter((p) => !leftRegister(p)), internalDomains: settingsDomains, newId: newClientId }));
  };
  const confirm = async () => {
    if (!result?.ok) return;
    const partners = result.rows.flatMap((r) => (r.partner ? [r.partner] : []));
    for (const partner of partners) await model.savePartner(partner);
    setImported(partners.length);
    setResult(undefined);
  };
  const names = new Map(model.partners.map((p) => [p.id, p.name]));
  const stamp = model.now.toISOString().slice(0, 10);
  const valid = result?.ok ? result.rows.filter((r) => r.partner).length : 0;

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="csv-import-title">
        <Subtitle2 as="h3" id="csv-import-title">{t('csv.import.title')}</Subtitle2>
        <Caption1 className={styles.muted}>{t('csv.import.hint')}</Caption1>
        <label htmlFor={fileId}>{t('csv.import.file')}</label>
        <input id={fileId} type="file" accept=".csv,text/csv" className={styles.file} data-testid="csv-file" onChange={(e) => void read(e.target.files?.[0])} />
        {imported !== undefined && (
          <MessageBar intent="success"><MessageBarBody>{t('csv.import.done', { count: imported })}</MessageBarBody></MessageBar>
        )}
        {result && !result.ok && (
          <MessageBar intent="error" data-testid="csv-error"><MessageBarBody>{say(result.error)}</MessageBarBody></MessageBar>
        )}
        {result?.ok && (
          <>
            <Text data-testid="csv-summary" aria-live="polite">
              {t('csv.import.summary', { valid, errors: result.rows.filter((r) => r.errors.length > 0).length, duplicates: result.rows.filter((r) => r.duplicate && r.errors.length === 0).length })}
            </Text>
            {result.unknownColumns.length > 0 && <Caption1 className={styles.muted}>{t('csv.unknownColumns', { columns: result.unknownColumns.join(', ') })}</Caption1>}
            <Table size="small" aria-label={t('csv.import.preview')} data-testid="csv-preview">
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
                        <Badge appearance="tint" color="danger">{row.errors.map(say).join('; ')}</Badge>
                      ) : row.duplicate ? (
                        <Badge appearance="tint" color="warning">{say(row.duplicate)}</Badge>
                      ) : (
                        <Badge appearance="tint" color="success">{t('csv.row.ok')}</Badge>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <div className={styles.buttons}>
              <Button appearance="primary" disabled={valid === 0} onClick={() => void confirm()}>
                {t('csv.import.confirm', { count: valid })}
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
          <Button icon={<ArrowDownload16Regular />} onClick={() => downloadText(`partners-${stamp}.csv`, partnersCsv(model.partners.filter((p) => !leftRegister(p))), 'text/csv;charset=utf-8')}>
            {t('csv.export.partners')}
          </Button>
          <Button
            icon={<ArrowDownload16Regular />}
            onClick={() => downloadText(`contactmomenten-${stamp}.csv`, interactionsCsv(model.interactions.map((i) => ({ ...i, wooRelevant: !!i.wooRelevant, confidential: !!i.confidential })), names), 'text/csv;charset=utf-8')}
          >
            {t('csv.export.interactions')}
          </Button>
          <Button icon={<ArrowDownload16Regular />} onClick={() => downloadText(`agenda-${stamp}.csv`, agendaCsv(model.agenda, new Map(model.partners.map((p) => [p.id, partnerName(p.id)]))), 'text/csv;charset=utf-8')}>
            {t('csv.export.agenda')}
          </Button>
        </div>
      </section>
    </div>
  );
}
