import { Badge, Button, Caption1, Dropdown, makeStyles, Option, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { Add16Regular } from '@fluentui/react-icons';
import { AgendaForm } from './AgendaForm';
import { useStoredDraft } from './useStoredDraft';
import { isOverdue, ownerLabel } from '../../core/agenda';
import { newAgendaDraft, type AgendaDraft } from '../../core/agendaDraft';
import { AGENDA_STATUSES, type AgendaItem, type AgendaStatus, type Official } from '../../core/model';
import type { DraftPort } from '../services';
import { useI18n } from '../shell/I18nContext';
import { useWrapStyles } from '../shell/wrapStyles';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, justifyContent: 'space-between' },
  muted: { color: tokens.colorNeutralForeground3 },
  // The topic wraps, the status keeps its width: in a 320 px panel the dropdown stays inside the pane.
  status: { minWidth: '110px', flexShrink: 0 },
});

export interface AgendaListProps {
  items: AgendaItem[];
  /** Client ids of items whose change is still in the write queue. */
  pendingIds: ReadonlySet<string>;
  /** Items the write queue gave up on (the pane's failed-writes list says why and offers what to do). */
  failedIds?: ReadonlySet<string>;
  partnerId: string;
  /** The signed-in official: the owner of a new item unless they name another. */
  user?: Official;
  /** Officials' names by address (see `knownOfficialNames`), so an owner shows as a person. */
  names: ReadonlyMap<string, string>;
  now: Date;
  onStatusChange(item: AgendaItem, status: AgendaStatus): void;
  onAdd(item: AgendaItem): void;
  /** Where a new item being typed is kept until it is saved or cancelled (per partner). */
  drafts: DraftPort;
}

/** The new-item form's draft: whether it is open, and what is typed in it. */
type AddDraft = AgendaDraft & { open: boolean };

export function AgendaList({ items, pendingIds, failedIds, partnerId, user, names, now, onStatusChange, onAdd, drafts }: AgendaListProps) {
  const { t, choice, date } = useI18n();
  const styles = useStyles();
  const wrap = useWrapStyles();
  // A pane closed halfway through a new item opens with the form as it was left. A closed form's draft
  // is never stored: opening it starts afresh, with the signed-in official (known by now) as the owner.
  const adding = useStoredDraft<AddDraft>(drafts, `agenda:${partnerId}`, () => ({ ...newAgendaDraft(user), open: false }));
  const open = items.filter((i) => i.status !== 'done');
  return (
    <section aria-labelledby="agenda-title">
      <Subtitle2 as="h3" id="agenda-title">
        {t('agenda.title')}
      </Subtitle2>
      {open.length === 0 ? (
        <Text className={styles.muted}>{t('agenda.empty')}</Text>
      ) : (
        <ul className={styles.list} data-testid="agenda">
          {open.map((item) => (
            <li key={item.clientId || item.id} className={styles.item}>
              <div className={styles.head}>
                <Text weight="semibold" className={wrap.anywhere}>
                  <Badge appearance="outline" size="small">
                    {choice('agenda.direction', item.direction)}
                  </Badge>{' '}
                  {item.topic}
                </Text>
                <Dropdown
                  size="small"
                  className={styles.status}
                  aria-label={`${item.topic}: status`}
                  value={choice('agenda.status', item.status)}
                  selectedOptions={[item.status]}
                  onOptionSelect={(_, d) => d.optionValue && d.optionValue !== item.status && onStatusChange(item, d.optionValue as AgendaStatus)}
                >
                  {AGENDA_STATUSES.map((status) => (
                    <Option key={status} value={status}>
                      {t(`agenda.status.${status}`)}
                    </Option>
                  ))}
                </Dropdown>
              </div>
              <Caption1 className={styles.muted}>
                {t('agenda.owner', { owner: ownerLabel(item, names) })}
                {item.dueDate ? ` · ${t('agenda.due', { date: date(item.dueDate) })}` : ''}
                {isOverdue(item, now) && (
                  <>
                    {' '}
                    <Badge appearance="tint" color="danger" size="small" data-testid="agenda-overdue">
                      {t('agendas.overdue')}
                    </Badge>
                  </>
                )}
              </Caption1>
              {item.nextStep && <Text size={200}>{t('agenda.next', { step: item.nextStep })}</Text>}
              {failedIds?.has(item.clientId) ? (
                <Badge appearance="tint" color="danger" data-testid="agenda-failed">
                  {t('timeline.failed')}
                </Badge>
              ) : (
                pendingIds.has(item.clientId) && (
                  <Caption1 className={styles.muted} data-testid="agenda-pending">
                    {t('timeline.pending')}
                  </Caption1>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      {adding.draft?.open ? (
        <AgendaForm
          partnerId={partnerId}
          draft={adding.draft}
          names={names}
          onChange={(draft) => adding.change({ ...draft, open: true })}
          onCancel={() => void adding.clear()}
          onSave={(item) => {
            onAdd(item);
            void adding.clear();
          }}
        />
      ) : (
        <Button appearance="subtle" icon={<Add16Regular />} onClick={() => adding.change({ ...newAgendaDraft(user), open: true })}>
          {t('agenda.add')}
        </Button>
      )}
    </section>
  );
}
