import { Button, Caption1, Field, makeStyles, MessageBar, MessageBarBody, Select, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { History16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ItemVersion } from '../../data/SharePointPartnerRepository';
import { useI18n } from '../shell/I18nContext';
import type { OverviewModel } from './useOverviewModel';
import { FailureMessage, type Failure } from '../shell/FailureMessage';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
  // A note's title can be long: the choice takes the section's width, never its longest option's.
  choice: { alignSelf: 'stretch', maxWidth: '40rem', minWidth: 0 },
  select: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
});

/** SharePoint's own version history of one item: who changed it, and when (answers "who changed this?"). */
function Versions({ model, list, id, label }: { model: OverviewModel; list: 'Partners' | 'Interactions'; id: string; label: string }) {
  const { t, dateTime } = useI18n();
  const styles = useStyles();
  const [versions, setVersions] = useState<ItemVersion[]>();
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState<Failure>();
  const load = async () => {
    setLoading(true);
    setFailed(undefined);
    try {
      setVersions(await model.services.audit.versions(list, id));
    } catch (error) {
      setFailed({ lead: 'versions.loadFailed', error });
    } finally {
      setLoading(false);
    }
  };
  return (
    <>
      <Button icon={<History16Regular />} onClick={() => void load()} disabled={loading} data-testid={`versions-${list}`}>{label}</Button>
      {loading && <Spinner size="tiny" label={t('versions.loading')} />}
      {failed && <FailureMessage {...failed} />}
      {versions && (
        <ul className={styles.list} data-testid={`versions-${list}-list`} aria-label={label}>
          {versions.map((v) => (
            <li key={v.id}>{t('versions.entry', { version: v.id, by: v.modifiedBy.name || t('versions.unknown'), at: dateTime(v.modifiedAt) })}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The partner's and a chosen note's version history on the partner page. */
export function VersionHistory({ model, partnerId }: { model: OverviewModel; partnerId: string }) {
  const { t, date } = useI18n();
  const styles = useStyles();
  const notes = model.interactions.filter((i) => i.partnerId === partnerId && i.id && i.id !== i.clientId).sort((a, b) => b.date.localeCompare(a.date)).slice(0, 100);
  const [noteId, setNoteId] = useState('');
  return (
    <section className={styles.section} aria-labelledby="versions-title" data-testid="versions">
      <Subtitle2 as="h3" id="versions-title">{t('versions.title')}</Subtitle2>
      <Caption1 className={styles.muted}>{t('versions.intro')}</Caption1>
      <Versions model={model} list="Partners" id={partnerId} label={t('versions.partner')} />
      {notes.length > 0 && (
        <Field label={t('versions.note')} className={styles.choice}>
          <Select value={noteId} onChange={(_, d) => setNoteId(d.value)} data-testid="versions-note" select={{ className: styles.select }}>
            <option value="">{t('versions.chooseNote')}</option>
            {notes.map((n) => (
              <option key={n.id} value={n.id}>{`${date(n.date)} · ${n.title}`}</option>
            ))}
          </Select>
        </Field>
      )}
      {noteId && <Versions key={noteId} model={model} list="Interactions" id={noteId} label={t('versions.noteButton')} />}
    </section>
  );
}
