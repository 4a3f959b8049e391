import {
  Button, Dropdown, Field, makeStyles, MessageBar, MessageBarBody, Option, SpinButton, Subtitle2, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Textarea, tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { ownedBy } from '../../core/agenda';
import { newClientId } from '../../core/noteDraft';
import { useI18n } from '../shell/I18nContext';
import { rememberDepartment, rememberedDepartment, useDirectoryDepartment } from '../shell/ownDepartment';
import type { OverviewEntry, OverviewModel } from './useOverviewModel';
import { WideTable } from './WideTable';

const YEAR_MS = 365 * 86_400_000;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1000px' },
  form: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: tokens.spacingVerticalS },
  actions: { gridColumn: '1 / -1' },
});

/** Plan and record the yearly review — the partner's own view of the collaboration — and see scores over time. */
export function ReviewsTab({ model, partnerName }: { model: OverviewModel; partnerName(id: string): string }) {
  const { t, date } = useI18n();
  const styles = useStyles();
  const active = useMemo(() => model.partners.filter((p) => p.status !== 'inactive').sort((a, b) => a.name.localeCompare(b.name, 'nl')), [model.partners]);
  const departments = useMemo(() => [...new Set(model.interactions.map((i) => i.department).filter(Boolean))].sort(), [model.interactions]);
  // Until the official picks one: theirs from the directory, else the one this device remembers.
  const [chosenDepartment, setChosenDepartment] = useState<string>();
  const prefill = useDirectoryDepartment(model.services, true, departments) ?? rememberedDepartment();
  const department = chosenDepartment ?? prefill;
  const [form, setForm] = useState({ partnerId: '', goesWell: '', couldImprove: '', score: 3 });
  const [message, setMessage] = useState<string>();
  const rows = useMemo(() => {
    const byPartner = new Map<string, OverviewEntry[]>();
    for (const i of model.interactions) if (i.kind === 'review') byPartner.set(i.partnerId, [...(byPartner.get(i.partnerId) ?? []), i]);
    return active.map((p) => {
        const reviews = (byPartner.get(p.id) ?? []).sort((a, b) => a.date.localeCompare(b.date));
        const last = reviews[reviews.length - 1];
        const planned = model.agenda.some((a) => a.partnerId === p.id && a.status !== 'done' && a.topic === t('reviews.planTopic'));
        return { partner: p, reviews, last, due: !last || model.now.getTime() - Date.parse(last.date) > YEAR_MS, planned };
      });
  }, [active, model.interactions, model.agenda, model.now, t]);

  const record = () => {
    if (!form.partnerId || !department || !model.user) return;
    rememberDepartment(department);
    const id = newClientId();
    const partner = partnerName(form.partnerId);
    void model.addInteraction({
      id, clientId: id, partnerId: form.partnerId, date: model.now.toISOString(), kind: 'review', department, authorEmail: model.user.email,
      authorName: model.user.name, themes: [], title: t('reviews.titleFor', { year: model.now.getUTCFullYear(), partner }), summary: '', confidential: false, wooRelevant: false,
      review: { goesWell: form.goesWell.trim(), couldImprove: form.couldImprove.trim(), score: form.score },
    });
    setForm((f) => ({ ...f, goesWell: '', couldImprove: '', score: 3 }));
    setMessage(t('reviews.saved'));
  };
  const plan = (partnerId: string) => {
    const id = newClientId();
    const due = new Date(model.now.getTime() + 30 * 86_400_000).toISOString();
    void model.saveAgendaItem({ id, clientId: id, partnerId, topic: t('reviews.planTopic'), direction: 'samen', ...ownedBy(model.user), status: 'open', dueDate: due });
    setMessage(t('reviews.planned', { partner: partnerName(partnerId) }));
  };

  return (
    <div className={styles.root}>
      <MessageBar intent="info"><MessageBarBody>{t('reviews.intro')}</MessageBarBody></MessageBar>
      {message && <MessageBar intent="success"><MessageBarBody>{message}</MessageBarBody></MessageBar>}
      <form className={styles.form} aria-label={t('reviews.record')} onSubmit={(e) => (e.preventDefault(), record())}>
        <Field label={t('reviews.partner')} required>
          <Dropdown value={form.partnerId ? partnerName(form.partnerId) : ''} selectedOptions={[form.partnerId]} onOptionSelect={(_, d) => setForm((f) => ({ ...f, partnerId: d.optionValue ?? '' }))}>
            {active.map((p) => <Option key={p.id} value={p.id}>{p.name}</Option>)}
          </Dropdown>
        </Field>
        <Field label={t('note.field.department')} required>
          <Dropdown value={department} selectedOptions={[department]} onOptionSelect={(_, d) => setChosenDepartment(d.optionValue ?? '')}>
            {(department && !departments.includes(department) ? [department, ...departments] : departments).map((d) => <Option key={d} value={d}>{d}</Option>)}
          </Dropdown>
        </Field>
        <Field label={t('reviews.goesWell')}>
          <Textarea value={form.goesWell} onChange={(_, d) => setForm((f) => ({ ...f, goesWell: d.value }))} />
        </Field>
        <Field label={t('reviews.couldImprove')}>
          <Textarea value={form.couldImprove} onChange={(_, d) => setForm((f) => ({ ...f, couldImprove: d.value }))} />
        </Field>
        <Field label={t('reviews.score')}>
          <SpinButton value={form.score} min={1} max={5} onChange={(_, d) => {
            const v = d.value ?? Number(d.displayValue);
            if (Number.isInteger(v) && v >= 1 && v <= 5) setForm((f) => ({ ...f, score: v }));
          }} />
        </Field>
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={!form.partnerId || !department || !model.user}>{t('reviews.record')}</Button>
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
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map(({ partner, reviews, last, due, planned }) => (
              <TableRow key={partner.id}>
                <TableCell>{partner.name}</TableCell>
                <TableCell>{reviews.length === 0 ? t('reviews.none') : reviews.map((r) => r.review?.score ?? '…').join(' → ')}</TableCell>
                <TableCell>{date(last?.date)}</TableCell>
                <TableCell>
                  {due && !planned ? (
                    <Button size="small" onClick={() => plan(partner.id)} aria-label={`${t('reviews.plan')}: ${partner.name}`}>{t('reviews.plan')}</Button>
                  ) : last ? (
                    date(new Date(Date.parse(last.date) + YEAR_MS).toISOString())
                  ) : (
                    t('reviews.dueNow')
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </WideTable>
      </section>
    </div>
  );
}
