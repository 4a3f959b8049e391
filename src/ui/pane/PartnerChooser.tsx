import { Caption1, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Skeleton, SkeletonItem, Text, tokens } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import type { PartnerMatch } from '../../core/detection';
import type { RegisterPartner } from '../../core/model';
import { useI18n, type I18n } from '../shell/I18nContext';

// The picker (a combobox: its list, positioning and focus management) is a chunk of its own, loaded
// beside the pane's first render rather than in front of it: the partner's context is what an official
// opened the pane for (bench:open, issue 19). Its place is held meanwhile, so nothing moves when it arrives.
const PartnerPicker = lazy(() => import(/* webpackChunkName: "pane-picker" */ './PartnerPicker').then((m) => ({ default: m.PartnerPicker })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // The picker's field (label and small input), so that its arrival moves nothing.
  pickerPlace: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minHeight: '46px' },
  pickerLabel: { width: '40%' },
  // "bekend contact m.ozturk@onderzoek.streekziekenhuisveenhaven.nl" is wider than a meeting panel.
  evidence: { color: tokens.colorNeutralForeground3, display: 'block', overflowWrap: 'anywhere' },
});

/** Evidence in plain words: "2 deelnemers van portaal.nl", "bekend contact …", "genoemd in het onderwerp". */
export function describeEvidence(match: PartnerMatch, i18n: I18n): string {
  const parts: string[] = [];
  const byDomain = new Map<string, number>();
  for (const p of match.participants) {
    if (p.via === 'contact') parts.push(i18n.t('detect.evidence.contact', { address: p.address }));
    else if (p.domain) byDomain.set(p.domain, (byDomain.get(p.domain) ?? 0) + 1);
  }
  for (const [domain, count] of byDomain) parts.unshift(i18n.plural('detect.evidence.participants', count, { domain }));
  if (match.subjectTerms.length > 0) parts.push(i18n.t('detect.evidence.subject'));
  return parts.join(' · ');
}

export interface PartnerChooserProps {
  matches: PartnerMatch[];
  partners: RegisterPartner[];
  /** The partner shown, or undefined for "none". */
  selectedId: string | undefined;
  chosenByUser: boolean;
  onChoose(partnerId: string | undefined): void;
}

export function PartnerChooser({ matches, partners, selectedId, chosenByUser, onChoose }: PartnerChooserProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();

  // One match not shown by itself: a name found only in the subject, offered to confirm (paneReads selectPartner).
  const offered = matches.length > 1 || (matches.length === 1 && !chosenByUser && selectedId === undefined);
  return (
    <div className={styles.root} data-testid="partner-chooser">
      {offered && (
        <MessageBar intent="info">
          <MessageBarBody>{t(matches.length > 1 ? 'detect.several' : 'detect.subjectOnly')}</MessageBarBody>
        </MessageBar>
      )}
      {offered ? (
        <RadioGroup aria-label={t('detect.title')} value={selectedId ?? ''} onChange={(_, d) => onChoose(d.value || undefined)}>
          {matches.map((m) => (
            <Radio
              key={m.partnerId}
              value={m.partnerId}
              label={
                <span>
                  <Text weight="semibold">{m.name}</Text>
                  <Caption1 className={styles.evidence}>{describeEvidence(m, i18n)}</Caption1>
                </span>
              }
            />
          ))}
        </RadioGroup>
      ) : (
        matches[0] &&
        matches[0].partnerId === selectedId && (
          <Caption1 className={styles.evidence} data-testid="evidence">
            {describeEvidence(matches[0], i18n)}
          </Caption1>
        )
      )}
      {chosenByUser && <Caption1 className={styles.evidence}>{t('detect.chosenByYou')}</Caption1>}
      <Suspense
        fallback={
          <Skeleton className={styles.pickerPlace} aria-label={t('detect.choose')}>
            <SkeletonItem size={12} className={styles.pickerLabel} />
            <SkeletonItem size={24} />
          </Skeleton>
        }
      >
        <PartnerPicker partners={partners} selectedId={selectedId} onChoose={onChoose} />
      </Suspense>
    </div>
  );
}
