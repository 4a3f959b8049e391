import { Button, Dropdown, Field, Input, makeStyles, Option, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { ownerFromInput } from '../../core/agenda';
import { AGENDA_DIRECTIONS, type AgendaDirection, type AgendaItem, type Official } from '../../core/model';
import { NOTE_LIMITS, newClientId } from '../../core/noteDraft';
import { useI18n } from '../shell/I18nContext';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '120px' },
});

/** A new item on the partner's collaboration agenda; it goes through the write queue like a note. */
export interface AgendaFormProps {
  partnerId: string;
  /** The owner until another is typed: the signed-in official. */
  user?: Official;
  /** Officials' names by address, the signed-in official among them. */
  names: ReadonlyMap<string, string>;
  onSave(item: AgendaItem): void;
  onCancel(): void;
}

export function AgendaForm({ partnerId, user, names, onSave, onCancel }: AgendaFormProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const [topic, setTopic] = useState('');
  const [direction, setDirection] = useState<AgendaDirection>('samen');
  // The field shows a name; the item stores the address with it (see ownerFromInput).
  const [owner, setOwner] = useState(user?.name || user?.email || '');
  const [dueDate, setDueDate] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [tried, setTried] = useState(false);
  const topicProblem = !topic.trim()
    ? t('error.required', { field: t('agenda.field.topic') })
    : topic.length > NOTE_LIMITS.title
      ? t('error.tooLong', { field: t('agenda.field.topic'), max: NOTE_LIMITS.title })
      : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (topicProblem) return;
    const id = newClientId();
    onSave({
      id, clientId: id, partnerId, topic: topic.trim(), direction, ...ownerFromInput(owner, names), status: 'open',
      dueDate: dueDate ? new Date(`${dueDate}T12:00:00Z`).toISOString() : undefined, nextStep: nextStep.trim() || undefined,
    });
  };
  return (
    <form className={styles.form} onSubmit={submit} noValidate data-testid="agenda-form">
      <Field label={t('agenda.field.topic')} required validationMessage={tried ? topicProblem : undefined} validationState={tried && topicProblem ? 'error' : undefined}>
        <Input value={topic} onChange={(_, d) => setTopic(d.value)} />
      </Field>
      <div className={styles.row}>
        <Field label={t('agenda.field.direction')} className={styles.grow}>
          <Dropdown value={t(`agenda.direction.${direction}`)} selectedOptions={[direction]} onOptionSelect={(_, d) => d.optionValue && setDirection(d.optionValue as AgendaDirection)}>
            {AGENDA_DIRECTIONS.map((x) => (
              <Option key={x} value={x}>
                {t(`agenda.direction.${x}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('agenda.field.due')} className={styles.grow}>
          <Input type="date" value={dueDate} onChange={(_, d) => setDueDate(d.value)} />
        </Field>
      </div>
      <Field label={t('agenda.field.owner')}>
        <Input value={owner} onChange={(_, d) => setOwner(d.value)} />
      </Field>
      <Field label={t('agenda.field.next')}>
        <Input value={nextStep} onChange={(_, d) => setNextStep(d.value)} />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" type="submit">
          {t('agenda.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
