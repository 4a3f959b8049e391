import { Button, Caption1, Checkbox, Combobox, Dropdown, Field, Input, makeStyles, Option, Radio, RadioGroup, Subtitle2, Textarea, tokens } from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { INTERACTION_KINDS, type InteractionKind } from '../../core/model';
import { SUMMARY_MIN_WORDS, validateNote, type NoteDraft, type NoteField } from '../../core/noteDraft';
import { useI18n } from '../shell/I18nContext';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '120px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface NoteFormProps {
  heading: string;
  /** What is being logged: the hint names what is not stored (the email's or the appointment's content). */
  itemKind: 'email' | 'meeting';
  draft: NoteDraft;
  departments: string[];
  themes: string[];
  draftSaved: boolean;
  onChange(draft: NoteDraft): void;
  onSubmit(draft: NoteDraft): void;
  /** Correcting a logged note: its own button text, a cancel button, no "also on the agenda". */
  edit?: { submitLabel: string; onCancel(): void };
}

/** The note form is controlled by its parent, which saves every change as a draft. */
export function NoteForm({ heading, itemKind, draft, departments, themes, draftSaved, onChange, onSubmit, edit }: NoteFormProps) {
  const { t, choice } = useI18n();
  const styles = useStyles();
  const headingId = useId();
  // Problems show from the first attempt to send on, and always for the draft as it is now: a field
  // that has been put right loses its message at once.
  const [tried, setTried] = useState(false);
  const problems = tried ? validateNote(draft) : [];
  const set = <K extends keyof NoteDraft>(key: K, value: NoteDraft[K]) => onChange({ ...draft, [key]: value });
  const labels: Record<NoteField, string> = {
    title: t('note.field.title'), date: t('note.field.date'), kind: t('note.field.kind'), department: t('note.field.department'),
    summary: t('note.field.summary'), followUps: t('note.field.followUps'), reviewGoesWell: t('note.field.reviewGoesWell'),
    reviewCouldImprove: t('note.field.reviewCouldImprove'), reviewScore: t('note.field.reviewScore'),
  };
  const messageFor = (field: NoteField): string | undefined => {
    const problem = problems.find((p) => p.field === field);
    if (!problem) return undefined;
    if (problem.problem === 'too-long') return t('error.tooLong', { field: labels[field], max: problem.max ?? 0 });
    if (problem.problem === 'too-short') return t('error.tooFewWords', { field: labels[field], min: problem.min ?? SUMMARY_MIN_WORDS });
    // A kind written outside the app (core/noteDraft.ts takes only the app's own): the official picks one.
    if (field === 'kind') return t('error.chooseOne', { field: labels.kind });
    if (field === 'date' && draft.date.trim()) return t('error.invalidDate', { field: labels.date });
    return t('error.required', { field: labels[field] });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (validateNote(draft).length === 0) onSubmit(draft);
  };
  const state = (field: NoteField) => (messageFor(field) ? 'error' : undefined);

  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby={headingId} data-testid={edit ? 'note-edit-form' : 'note-form'} noValidate>
      <Subtitle2 as="h3" id={headingId}>
        {heading}
      </Subtitle2>
      <Field label={labels.title} required validationMessage={messageFor('title')} validationState={state('title')}>
        <Input autoFocus={edit !== undefined} value={draft.title} onChange={(_, d) => set('title', d.value)} maxLength={400} />
      </Field>
      <div className={styles.row}>
        <Field label={labels.date} className={styles.grow} validationMessage={messageFor('date')} validationState={state('date')}>
          <Input type="date" value={draft.date} onChange={(_, d) => set('date', d.value)} />
        </Field>
        <Field label={labels.kind} className={styles.grow} validationMessage={messageFor('kind')} validationState={state('kind')}>
          <Dropdown value={choice('kind', draft.kind)} selectedOptions={[draft.kind]} onOptionSelect={(_, d) => d.optionValue && set('kind', d.optionValue as InteractionKind)}>
            {INTERACTION_KINDS.map((kind) => (
              <Option key={kind} value={kind}>
                {t(`kind.${kind}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Field label={labels.department} required validationMessage={messageFor('department')} validationState={state('department')}>
        <Combobox
          freeform
          value={draft.department}
          selectedOptions={[draft.department]}
          onChange={(e) => set('department', e.target.value)}
          onOptionSelect={(_, d) => set('department', d.optionValue ?? '')}
        >
          {departments.map((d) => (
            <Option key={d} value={d}>
              {d}
            </Option>
          ))}
        </Combobox>
      </Field>
      <Field label={t('note.field.themes')}>
        <Combobox
          multiselect
          value={draft.themes.join(', ')}
          selectedOptions={draft.themes}
          onOptionSelect={(_, d) => set('themes', d.selectedOptions)}
        >
          {themes.map((theme) => (
            <Option key={theme} value={theme}>
              {theme}
            </Option>
          ))}
        </Combobox>
      </Field>
      <Field label={labels.summary} required hint={t(`note.field.summaryHint.${itemKind}`, { min: SUMMARY_MIN_WORDS })} validationMessage={messageFor('summary')} validationState={state('summary')}>
        <Textarea value={draft.summary} onChange={(_, d) => set('summary', d.value)} resize="vertical" rows={4} />
      </Field>
      {draft.kind === 'review' && (
        <>
          <Field label={labels.reviewGoesWell} validationMessage={messageFor('reviewGoesWell')} validationState={state('reviewGoesWell')}>
            <Textarea value={draft.reviewGoesWell} onChange={(_, d) => set('reviewGoesWell', d.value)} resize="vertical" rows={2} />
          </Field>
          <Field label={labels.reviewCouldImprove} validationMessage={messageFor('reviewCouldImprove')} validationState={state('reviewCouldImprove')}>
            <Textarea value={draft.reviewCouldImprove} onChange={(_, d) => set('reviewCouldImprove', d.value)} resize="vertical" rows={2} />
          </Field>
          <Field label={labels.reviewScore} required validationMessage={messageFor('reviewScore')} validationState={state('reviewScore')}>
            <RadioGroup layout="horizontal" value={draft.reviewScore ? String(draft.reviewScore) : ''} onChange={(_, d) => set('reviewScore', Number(d.value))}>
              {[1, 2, 3, 4, 5].map((score) => (
                <Radio key={score} value={String(score)} label={String(score)} />
              ))}
            </RadioGroup>
          </Field>
        </>
      )}
      <Field label={labels.followUps} validationMessage={messageFor('followUps')} validationState={state('followUps')}>
        <Textarea value={draft.followUps} onChange={(_, d) => set('followUps', d.value)} resize="vertical" rows={2} />
      </Field>
      {!edit && draft.followUps.trim() && (
        <Checkbox checked={draft.followUpsToAgenda} onChange={(_, d) => set('followUpsToAgenda', d.checked === true)} label={t('note.field.followUpsToAgenda')} />
      )}
      <Checkbox checked={draft.confidential} onChange={(_, d) => set('confidential', d.checked === true)} label={t('note.field.confidential')} />
      <Checkbox checked={draft.wooRelevant} onChange={(_, d) => set('wooRelevant', d.checked === true)} label={t('note.field.woo')} />
      <div className={styles.row}>
        <Button appearance="primary" type="submit">
          {edit?.submitLabel ?? t('note.submit')}
        </Button>
        {edit && <Button onClick={edit.onCancel}>{t('common.cancel')}</Button>}
        {draftSaved && (
          <Caption1 className={styles.muted} aria-live="polite">
            {t('note.draftSaved')}
          </Caption1>
        )}
      </div>
    </form>
  );
}
