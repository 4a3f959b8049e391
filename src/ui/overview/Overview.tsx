import { Caption1, Field, makeStyles, MessageBar, MessageBarBody, ProgressBar, Skeleton, SkeletonItem, Subtitle1, Tab, TabList, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { activityByPartner, activityFromSummaries, activityFromTable, attentionCounts, attentionFromActivity, lastMonths, makeDigest, type AttentionReason } from '../../core/overview';
import type { Services } from '../services';
import { useI18n } from '../shell/I18nContext';
import { AgendasTab } from './AgendasTab';
import { AttentionHeadline } from './AttentionHeadline';
import { AttentionTab } from './AttentionTab';
import { CoverageTab } from './CoverageTab';
import { CsvTab } from './CsvTab';
import { FirstScreenDigestView } from './FirstScreenDigestView';
import { PartnerPage } from './PartnerPage';
import { PrivacyTab } from './PrivacyTab';
import { ProposalsTab } from './ProposalsTab';
import { RegisterTab } from './RegisterTab';
import { ReviewsTab } from './ReviewsTab';
import { SettingsSection } from './SettingsSection';
import { SetupTab, type SetupRunner } from './SetupTab';
import { SinceLastVisit } from './SinceLastVisit';
import { SuggestTab } from './SuggestTab';
import { TrendsTab } from './TrendsTab';
import { useOverviewModel } from './useOverviewModel';
import { WeekAheadTab } from './WeekAheadTab';
import { LoadError } from '../shell/LoadError';

const TABS = ['register', 'partner', 'weekAhead', 'attention', 'proposals', 'coverage', 'trends', 'suggest', 'agendas', 'reviews', 'setup', 'csv', 'privacy'] as const;
type TabName = (typeof TABS)[number];
/** Tabs that work on every interaction as an object: they wait (briefly) until those are made. */
const NEEDS_INTERACTIONS: ReadonlySet<TabName> = new Set(['weekAhead', 'coverage', 'trends', 'suggest', 'reviews', 'csv', 'privacy']);

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  tabs: { flexWrap: 'wrap' },
  panel: { paddingTop: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * The managers' and strategic adviser's tab: the whole landscape. What a manager sees first is the
 * headline of what needs attention (gone quiet, no owner, one department, overdue, worse), then the
 * register; every other view is one tab away.
 */
export function Overview({ services, setup }: { services: Services; setup?: SetupRunner }) {
  const { t, plural, locale } = useI18n();
  const styles = useStyles();
  const { load, model, reload } = useOverviewModel(services);
  const [tab, setTab] = useState<TabName>('register');
  const [partnerId, setPartnerId] = useState<string>();
  const [attentionReason, setAttentionReason] = useState<AttentionReason | ''>('');
  // A headline count opens its list; focus follows to the attention tab, so the keyboard carries on there.
  const focusAttention = useRef(false);
  useEffect(() => {
    if (tab !== 'attention' || !focusAttention.current) return;
    focusAttention.current = false;
    document.getElementById('overview-tab-attention')?.focus();
  }, [tab, attentionReason]);

  const names = useMemo(() => new Map(model.partners.map((p) => [p.id, p.name])), [model.partners]);
  const partnerName = (id: string) => names.get(id) ?? id;
  // One pass over the interactions for the register's department filter and the attention list, from the
  // cache's columns while they hold the truth, so neither waits for 100,000 objects.
  const summaries = model.firstScreen?.summaries;
  const activity = useMemo(() => {
    if (load.status !== 'ready') return undefined;
    const period = lastMonths(model.now, 12);
    if (model.interactionTable) return activityFromTable(model.interactionTable, period);
    if (model.interactionsReady) return activityByPartner(model.interactions, period);
    // A first-ever open: from each partner's summary until every interaction has arrived.
    return summaries && activityFromSummaries(summaries, period);
  }, [load.status, model.now, model.interactionTable, model.interactionsReady, model.interactions, summaries]);
  const attention = useMemo(
    () => (activity ? attentionFromActivity({ partners: model.partners, activity, agenda: model.agenda, now: model.now }) : undefined),
    [activity, model.partners, model.agenda, model.now],
  );
  const counts = useMemo(() => (attention ? attentionCounts(attention) : undefined), [attention]);
  // The whole register and its headline are on screen: the site's first-screen digest is kept from them,
  // for the next first-ever open (on another device, by a colleague); see docs/overview-digest.md.
  const digestKept = useRef(false);
  useEffect(() => {
    if (!counts || digestKept.current) return;
    digestKept.current = true;
    void model.services.keepOverviewDigest?.(() => makeDigest({ partners: model.partners, counts, now: model.services.now() }));
  }, [counts, model.partners, model.services]);
  const openAttention = (reason: AttentionReason) => {
    setAttentionReason(reason);
    setTab('attention');
    focusAttention.current = true;
  };
  const waiting = (
    <Skeleton aria-busy="true" aria-label={plural('overview.loading', model.interactionTable?.length ?? model.interactions.length)}>
      {Array.from({ length: 4 }, (_, i) => (
        <SkeletonItem key={i} size={24} />
      ))}
    </Skeleton>
  );
  const open = (id: string) => {
    setPartnerId(id);
    setTab('partner');
  };

  return (
    <main className={styles.root}>
      <Subtitle1 as="h1">{t('overview.title')}</Subtitle1>
      {load.status === 'failed' && <LoadError error={load.error} host={services.host} onRetry={reload} />}
      {load.status === 'loading' && load.digest && <FirstScreenDigestView digest={load.digest} />}
      {load.status === 'loading' && !load.digest && (
        <Skeleton aria-busy="true" aria-label={plural('overview.loading', load.loaded)}>
          <Caption1 className={styles.muted} role="status">
            {plural('overview.loading', load.loaded)}
          </Caption1>
          {Array.from({ length: 8 }, (_, i) => (
            <SkeletonItem key={i} size={24} />
          ))}
        </Skeleton>
      )}
      {load.status === 'ready' && (
        <>
          {counts && <AttentionHeadline counts={counts} onOpen={openAttention} />}
          {model.firstScreen && (
            <Field validationState="none" validationMessage={plural('overview.firstScreen', model.firstScreen.expected, { count: model.firstScreen.expected.toLocaleString(locale), loaded: model.firstScreen.loaded.toLocaleString(locale) })} data-testid="overview-interactions-progress">
              <ProgressBar value={model.firstScreen.loaded} max={Math.max(model.firstScreen.expected, model.firstScreen.loaded, 1)} aria-label={t('overview.firstScreenLabel')} />
            </Field>
          )}
          {model.interactionsReady && <SinceLastVisit model={model} partnerName={partnerName} onOpen={open} />}
          <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabName)} aria-label={t('overview.tabs')}>
            {TABS.filter((name) => name !== 'partner' || partnerId).map((name) => (
              <Tab key={name} value={name} id={`overview-tab-${name}`}>
                {name === 'partner' && partnerId ? partnerName(partnerId) : t(`overview.tab.${name}`)}
              </Tab>
            ))}
          </TabList>
          <div role="tabpanel" aria-labelledby={`overview-tab-${tab}`} className={styles.panel}>
            {NEEDS_INTERACTIONS.has(tab) && !model.interactionsReady && waiting}
            {tab === 'register' && <RegisterTab model={model} activity={activity} onOpen={open} />}
            {tab === 'partner' && (partnerId ? <PartnerPage model={model} partnerId={partnerId} onBack={() => setTab('register')} /> : <Caption1>{t('overview.noPartner')}</Caption1>)}
            {tab === 'weekAhead' && model.interactionsReady && <WeekAheadTab model={model} onOpen={open} />}
            {tab === 'attention' && (attention ? <AttentionTab items={attention} reason={attentionReason} onReasonChange={setAttentionReason} partnerName={partnerName} onOpen={open} /> : waiting)}
            {tab === 'proposals' && <ProposalsTab model={model} partnerName={partnerName} />}
            {tab === 'coverage' && model.interactionsReady && <CoverageTab model={model} partnerName={partnerName} onOpen={open} />}
            {tab === 'trends' && model.interactionsReady && <TrendsTab model={model} partnerName={partnerName} />}
            {tab === 'suggest' && model.interactionsReady && <SuggestTab model={model} partnerName={partnerName} onOpen={open} />}
            {tab === 'agendas' && <AgendasTab model={model} partnerName={partnerName} onOpen={open} />}
            {tab === 'reviews' && model.interactionsReady && <ReviewsTab model={model} partnerName={partnerName} />}
            {tab === 'setup' && (
              <>
                <SetupTab setup={setup} />
                <SettingsSection services={services} />
              </>
            )}
            {tab === 'csv' && model.interactionsReady && <CsvTab model={model} partnerName={partnerName} />}
            {tab === 'privacy' && model.interactionsReady && <PrivacyTab model={model} partnerName={partnerName} />}
          </div>
        </>
      )}
    </main>
  );
}
