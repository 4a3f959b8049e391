import { Button, Dropdown, Field, Input, makeStyles, Option, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { agendaItemFromDraft, validateAgendaDraft, type AgendaDraft, type AgendaField } from '../../core/agendaDraft';
import { AGENDA_DIRECTIONS, type AgendaDirection, type AgendaItem } from '../../core/model';
import { newClientId } from '../../core/noteDraft';
import { useI18n } from '../shell/I18nContext';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '120px' },
});

/**
 * A new item on the partner's collaboration agenda; it goes through the write queue like a note. The
 * form is controlled by its parent, which keeps what is typed as a draft until it is saved or cancelled.
 */
export interface AgendaFormProps {
  partnerId: string;
  draft: AgendaDraft;
  /** Officials' names by address, the signed-in official among them. */
  names: ReadonlyMap<string, string>;
  onChange(draft: AgendaDraft): void;
  onSave(item: AgendaItem): void;
  onCancel(): void;
}

export function AgendaForm({ partnerId, draft, names, onChange, onSave, onCancel }: AgendaFormProps) {
  const { t } = useI18n();
  const styles = useStyles();
  // Problems show from the first attempt to save on, for the draft as it is now.
  const [tried, setTried] = useState(false);
  const problems = tried ? validateAgendaDraft(draft) : [];
  const labels: Record<AgendaField, string> = { topic: t('agenda.field.topic'), owner: t('agenda.field.owner'), dueDate: t('agenda.field.due'), nextStep: t('agenda.field.next') };
  const messageFor = (field: AgendaField): string | undefined => {
    const problem = problems.find((p) => p.field === field);
    if (!problem) return undefined;
    if (problem.problem === 'too-long') return t('error.tooLong', { field: labels[field], max: problem.max ?? 0 });
    if (problem.problem === 'invalid') return t('error.invalidDate', { field: labels[field] });
    return t('error.required', { field: labels[field] });
  };
  const validation = (field: AgendaField) => {
    const message = messageFor(field);
    return { validationMessage: message, validationState: message ? ('error' as const) : undefined };
  };
  const set = <K extends keyof AgendaDraft>(key: K, value: AgendaDraft[K]) => onChange({ ...draft, [key]: value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (validateAgendaDraft(draft).length === 0) onSave(agendaItemFromDraft(draft, partnerId, names, newClientId()));
  };
  return (
    <form className={styles.form} onSubmit={submit} noValidate data-testid="agenda-form">
      <Field label={labels.topic} required {...validation('topic')}>
        <Input value={draft.topic} onChange={(_, d) => set('topic', d.value)} />
      </Field>
      <div className={styles.row}>
        <Field label={t('agenda.field.direction')} className={styles.grow}>
          <Dropdown value={t(`agenda.direction.${draft.direction}`)} selectedOptions={[draft.direction]} onOptionSelect={(_, d) => d.optionValue && set('direction', d.optionValue as AgendaDirection)}>
            {AGENDA_DIRECTIONS.map((x) => (
              <Option key={x} value={x}>
                {t(`agenda.direction.${x}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={labels.dueDate} className={styles.grow} {...validation('dueDate')}>
          <Input type="date" value={draft.dueDate} onChange={(_, d) => set('dueDate', d.value)} />
        </Field>
      </div>
      <Field label={labels.owner} {...validation('owner')}>
        <Input value={draft.owner} onChange={(_, d) => set('owner', d.value)} />
      </Field>
      <Field label={labels.nextStep} {...validation('nextStep')}>
        <Input value={draft.nextStep} onChange={(_, d) => set('nextStep', d.value)} />
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
