import {
  Button, Combobox, Field, makeStyles, MessageBar, MessageBarBody, Option, SpinButton, Subtitle2, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Textarea, tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { ownedBy } from '../../core/agenda';
import { dueDayAfter } from '../../core/calendarDay';
import { addCalendarMonths } from '../../core/calendarMonths';
import { NOTE_LIMITS, newClientId } from '../../core/noteDraft';
import { FEEDBACK_ANSWER_DAYS, feedbackRequestState, findFeedbackReference } from '../../core/partnerFeedback';
import { searchPartners } from '../../core/partnerSearch';
import { isPlannedReview, plannedReviewClientId, REVIEW_PLAN_DAYS } from '../../core/relationship';
import { useI18n } from '../shell/I18nContext';
import { rememberDepartment, rememberedDepartment, useDirectoryDepartment } from '../shell/ownDepartment';
import type { OverviewEntry, OverviewModel } from './useOverviewModel';
import { WideTable } from './WideTable';
import { useStoredDraft } from '../pane/useStoredDraft';

/** A year after the last review, on the calendar (a review on 15 March is due again on 15 March, also across 29 February). */
const yearAfter = (date: string) => addCalendarMonths(date, 12);

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1000px' },
  form: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: tokens.spacingVerticalS },
  actions: { gridColumn: '1 / -1' },
});

type ReviewForm = { partnerId: string; partnerText: string; department?: string; goesWell: string; couldImprove: string; score: number };
const freshReviewForm = (): ReviewForm => ({ partnerId: '', partnerText: '', goesWell: '', couldImprove: '', score: 3 });
const REVIEW_DRAFT = 'review:new';

/** Plan and record the yearly review — the partner's own view of the collaboration — and see scores over time. */

export function ReviewsTab({ model, partnerName }: { model: OverviewModel; partnerName(id: string): string }) {
  const { t, date } = useI18n();
  const styles = useStyles();
  const active = useMemo(() => model.partners.filter((p) => p.status !== 'inactive').sort((a, b) => a.name.localeCompare(b.name, 'nl')), [model.partners]);
  const departments = useMemo(() => [...new Set(model.interactions.map((i) => i.department).filter(Boolean))].sort(), [model.interactions]);
  // Until the official picks one: theirs from the directory, else the one this device remembers, else
  // the one they logged most under.
  const directoryDepartment = useDirectoryDepartment(model.services, true, departments);
  const ownDepartment = useMemo(
    () => directoryDepartment || rememberedDepartment() || mostFrequent(model.interactions.filter((i) => i.authorEmail === model.user?.email).map((i) => i.department)),
    [directoryDepartment, model.interactions, model.user],
  );
  // Kept as a draft as it is typed: the overview shows one tab at a time, and a tab closes without warning.
  const stored = useStoredDraft<ReviewForm>(model.services.drafts, REVIEW_DRAFT, freshReviewForm);
  const form = stored.draft ?? freshReviewForm();
  const setForm = (update: (f: ReviewForm) => ReviewForm) => stored.change(update(form));
  const department = form.department ?? ownDepartment;
  const [errors, setErrors] = useState<Partial<Record<'partner' | 'department' | 'goesWell' | 'couldImprove', string>>>({});
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string }>();
  const partnerOptions = useMemo(() => searchPartners(active, form.partnerId ? '' : form.partnerText), [active, form.partnerId, form.partnerText]);
  const rows = useMemo(() => {
    const byPartner = new Map<string, OverviewEntry[]>();
    for (const i of model.interactions) if (i.kind === 'review') byPartner.set(i.partnerId, [...(byPartner.get(i.partnerId) ?? []), i]);
    return active.map((p) => {
        const reviews = (byPartner.get(p.id) ?? []).sort((a, b) => a.date.localeCompare(b.date));
        const last = reviews[reviews.length - 1];
        const planned = model.agenda.some((a) => a.partnerId === p.id && isPlannedReview(a, t('reviews.planTopic')));
        return { partner: p, reviews, last, due: !last || model.now.getTime() > yearAfter(last.date).getTime(), planned, feedback: latestFeedbackRequest(p.id, model.agenda, model.now, reviews) };
      });
  }, [active, model.interactions, model.agenda, model.now, t]);

  const record = async () => {
    // A name typed in full counts as chosen; anything else must be picked from the list.
    const typed = form.partnerText.trim().toLowerCase();
    const partnerId = form.partnerId || active.find((p) => p.name.toLowerCase() === typed)?.id || '';
    const found: typeof errors = {};
    if (!partnerId) found.partner = typed ? t('reviews.partnerUnknown', { text: form.partnerText.trim() }) : t('reviews.partnerMissing');
    if (!department.trim()) found.department = t('error.required', { field: t('note.field.department') });
    else if (department.length > NOTE_LIMITS.department) found.department = t('error.tooLong', { field: t('note.field.department'), max: NOTE_LIMITS.department });
    if (form.goesWell.length > NOTE_LIMITS.reviewGoesWell) found.goesWell = t('error.tooLong', { field: t('reviews.goesWell'), max: NOTE_LIMITS.reviewGoesWell });
    if (form.couldImprove.length > NOTE_LIMITS.reviewCouldImprove) found.couldImprove = t('error.tooLong', { field: t('reviews.couldImprove'), max: NOTE_LIMITS.reviewCouldImprove });
    setErrors(found);
    setMessage(undefined);
    if (Object.keys(found).length > 0) return;
    if (!model.user) return setMessage({ intent: 'error', text: t('reviews.noUser') });
    const id = newClientId();
    const partner = partnerName(partnerId);
    // The moment it is recorded, not when the tab was opened (model.now stays for the tab's life).
    const now = model.services.now();
    rememberDepartment(department.trim());
    try {
      await model.addInteraction({
        id, clientId: id, partnerId, date: now.toISOString(), kind: 'review', department: department.trim(), authorEmail: model.user.email,
        authorName: model.user.name, themes: [], title: t('reviews.titleFor', { year: now.getFullYear(), partner }).slice(0, NOTE_LIMITS.title), summary: '', confidential: false, wooRelevant: false,
        review: { goesWell: form.goesWell.trim(), couldImprove: form.couldImprove.trim(), score: form.score },
      });
    } catch {
      // Not stored, not even on this device: what was typed stays in the form.
      return setMessage({ intent: 'error', text: t('reviews.saveFailed') });
    }
    await stored.clear();
    setMessage({ intent: 'success', text: t('reviews.saved', { partner }) });
  };
  const plan = async (partnerId: string) => {
    const id = plannedReviewClientId();
    try {
      await model.saveAgendaItem({ id, clientId: id, partnerId, topic: t('reviews.planTopic'), direction: 'samen', ...ownedBy(model.user), status: 'open', dueDate: dueDayAfter(model.services.now(), REVIEW_PLAN_DAYS) });
    } catch {
      return setMessage({ intent: 'error', text: t('reviews.saveFailed') });
    }
    setMessage({ intent: 'success', text: t('reviews.planned', { partner: partnerName(partnerId) }) });
  };

  return (
    <div className={styles.root}>
      <MessageBar intent="info"><MessageBarBody>{t('reviews.intro')}</MessageBarBody></MessageBar>
      {message && <MessageBar intent={message.intent} data-testid="reviews-message"><MessageBarBody>{message.text}</MessageBarBody></MessageBar>}
      <form className={styles.form} aria-label={t('reviews.record')} onSubmit={(e) => (e.preventDefault(), void record())} noValidate>
        <Field label={t('reviews.partner')} required validationMessage={errors.partner} validationState={errors.partner ? 'error' : 'none'}>
          <Combobox
            freeform
            placeholder={t('reviews.partnerSearch')}
            value={form.partnerText}
            selectedOptions={form.partnerId ? [form.partnerId] : []}
            onChange={(e) => setForm((f) => ({ ...f, partnerText: e.target.value, partnerId: '' }))}
            onOptionSelect={(_, d) => setForm((f) => ({ ...f, partnerId: d.optionValue ?? '', partnerText: d.optionText ?? '' }))}
          >
            {partnerOptions.map((p) => <Option key={p.id} value={p.id}>{p.name}</Option>)}
            {partnerOptions.length === 0 && <Option disabled value="" text="">{t('reviews.partnerNoMatch')}</Option>}
          </Combobox>
        </Field>
        <Field label={t('note.field.department')} required validationMessage={errors.department} validationState={errors.department ? 'error' : 'none'}>
          <Combobox
            freeform
            value={department}
            selectedOptions={[department]}
            onChange={(e) => setForm((f) => ({ ...f, department: e.target.value }))}
            onOptionSelect={(_, d) => setForm((f) => ({ ...f, department: d.optionValue ?? '' }))}
          >
            {departments.map((d) => <Option key={d} value={d}>{d}</Option>)}
          </Combobox>
        </Field>
        <Field label={t('reviews.goesWell')} validationMessage={errors.goesWell} validationState={errors.goesWell ? 'error' : 'none'}>
          <Textarea value={form.goesWell} onChange={(_, d) => setForm((f) => ({ ...f, goesWell: d.value }))} />
        </Field>
        <Field label={t('reviews.couldImprove')} validationMessage={errors.couldImprove} validationState={errors.couldImprove ? 'error' : 'none'}>
          <Textarea value={form.couldImprove} onChange={(_, d) => setForm((f) => ({ ...f, couldImprove: d.value }))} />
        </Field>
        <Field label={t('reviews.score')}>
          <SpinButton value={form.score} min={1} max={5} onChange={(_, d) => {
            const v = d.value ?? Number(d.displayValue);
            if (Number.isInteger(v) && v >= 1 && v <= 5) setForm((f) => ({ ...f, score: v }));
          }} />
        </Field>
        <div className={styles.actions}>
          <Button appearance="primary" type="submit">{t('reviews.record')}</Button>
        </div>
      </form>
      <section aria-labelledby="reviews-history">
        <Subtitle2 as="h3" id="reviews-history">{t('reviews.history')}</Subtitle2>
        <WideTable size="small" aria-labelledby="reviews-history" data-testid="reviews-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('reviews.col.partner')}</TableHeaderCell>
              <TableHeaderCell>{t('reviews.col.scores')}</TableHeaderCell>
              <TableHeaderCell>{t('reviews.col.last')}</TableHeaderCell>
              <TableHeaderCell>{t('reviews.col.due')}</TableHeaderCell>
              <TableHeaderCell>{t('reviews.col.feedback')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map(({ partner, reviews, last, due, planned, feedback }) => (
              <TableRow key={partner.id} data-testid="reviews-row">
                <TableCell>{partner.name}</TableCell>
                <TableCell>{reviews.length === 0 ? t('reviews.none') : reviews.map((r) => r.review?.score ?? '…').join(' → ')}</TableCell>
                <TableCell>{date(last?.date)}</TableCell>
                <TableCell>
                  {due && !planned ? (
                    <Button size="small" onClick={() => void plan(partner.id)} aria-label={`${t('reviews.plan')}: ${partner.name}`}>{t('reviews.plan')}</Button>
                  ) : last ? (
                    date(yearAfter(last.date).toISOString())
                  ) : (
                    t('reviews.dueNow')
                  )}
                </TableCell>
                <TableCell data-testid="reviews-feedback" data-state={feedback?.state ?? 'none'}>
                  {feedback ? t(`reviews.feedback.${feedback.state}`, { date: date(feedback.askedAt), days: FEEDBACK_ANSWER_DAYS }) : t('reviews.feedback.none')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </WideTable>
      </section>
    </div>
  );
}

/**
 * The partner's latest feedback request: the agenda item "feedback asked [PZ-…]" the pane made, asked
 * FEEDBACK_ANSWER_DAYS before its due day; answered once it is done or a review carries its reference.
 */
function latestFeedbackRequest(partnerId: string, agenda: OverviewModel['agenda'], now: Date, reviews: OverviewEntry[]) {
  const requests = agenda
    .flatMap((a) => {
      const reference = a.partnerId === partnerId && a.dueDate ? findFeedbackReference(a.topic) : undefined;
      return reference ? [{ item: a, reference, askedAt: new Date(Date.parse(a.dueDate!) - FEEDBACK_ANSWER_DAYS * 86_400_000).toISOString() }] : [];
    })
    .sort((a, b) => b.askedAt.localeCompare(a.askedAt));
  const latest = requests[0];
  if (!latest) return undefined;
  const answered = latest.item.status === 'done' || reviews.some((r) => findFeedbackReference(r.title) === latest.reference);
  return { askedAt: latest.askedAt, state: feedbackRequestState({ askedAt: latest.askedAt, answered }, now) };
}

/** The value that occurs most often (the first of equals), or '' for none. */
function mostFrequent(values: string[]): string {
  const counts = new Map<string, number>();
  let best = '';
  for (const value of values) {
    if (!value) continue;
    const n = (counts.get(value) ?? 0) + 1;
    counts.set(value, n);
    if (n > (counts.get(best) ?? 0)) best = value;
  }
  return best;
}
