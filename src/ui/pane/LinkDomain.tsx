import { Button, Combobox, Dropdown, Field, Input, makeStyles, MessageBar, MessageBarBody, Option, Text, tokens } from '@fluentui/react-components';
import { Link16Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { normalizeRegisterDomain } from '../../core/detection';
import { domainLink, PARTNER_CATEGORIES, type DomainLink, type Official, type Partner, type PartnerCategory, type RegisterPartner } from '../../core/model';
import { newClientId } from '../../core/noteDraft';
import { TEXT_MAX_CHARS } from '../../core/fieldLimits';
import { searchPartners } from '../../core/partnerSearch';
import { useI18n } from '../shell/I18nContext';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalS, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '140px' },
});

export interface LinkDomainProps {
  domain: string;
  partners: RegisterPartner[];
  /** Queues adding the domain to an existing partner. */
  onLink(link: DomainLink): void;
  /** Queues a proposed new partner with this domain. */
  onPropose(partner: Partner): void;
  /** Who proposes (recorded on the proposal, so the register owner knows whom to ask and the proposer hears back). */
  proposer?: Official;
  now(): Date;
}

/** "Koppel dit domein aan een partner": add the domain to an existing partner, or propose a new one. */
export function LinkDomain({ domain, partners, onLink, onPropose, proposer, now }: LinkDomainProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [partnerId, setPartnerId] = useState<string>();
  const [name, setName] = useState('');
  const [category, setCategory] = useState<PartnerCategory>('overig');
  const [done, setDone] = useState<string>();
  const normalized = normalizeRegisterDomain(domain);
  const options = useMemo(() => searchPartners(partners, query), [partners, query]);

  if (done) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>{done}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!normalized.ok) {
    return <Text size={200}>{t('link.invalid', { problem: t(`domain.problem.${normalized.problem}`) })}</Text>;
  }
  if (!open) {
    return (
      <Button size="small" appearance="secondary" icon={<Link16Regular />} onClick={() => setOpen(true)}>
        {t('link.button', { domain: normalized.domain })}
      </Button>
    );
  }
  const link = () => {
    const partner = partners.find((p) => p.id === partnerId);
    if (!partner) return;
    onLink(domainLink(partner.id, normalized.domain));
    setDone(t('link.done', { domain: normalized.domain, partner: partner.name }));
  };
  const propose = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    const proposal = proposer && { byEmail: proposer.email.toLowerCase(), byName: proposer.name, at: now().toISOString() };
    onPropose({ id: newClientId(), name: trimmed, category, aliases: [], domains: [normalized.domain], contacts: [], themes: [], status: 'proposed', interactionCount: 0, proposal });
    setDone(t('link.proposed', { partner: trimmed }));
  };
  return (
    <div className={styles.box} data-testid="link-domain">
      <div className={styles.row}>
        <Field label={t('link.partner')} className={styles.grow} size="small">
          <Combobox size="small" value={query} onChange={(e) => setQuery(e.target.value)} onOptionSelect={(_, d) => { setPartnerId(d.optionValue); setQuery(d.optionText ?? ''); }}>
            {options.map((p) => (
              <Option key={p.id} value={p.id}>
                {p.name}
              </Option>
            ))}
          </Combobox>
        </Field>
        <Button size="small" appearance="primary" disabled={!partnerId} onClick={link}>
          {t('link.submit')}
        </Button>
      </div>
      <Text size={200} weight="semibold">
        {t('link.propose')}
      </Text>
      <div className={styles.row}>
        <Field label={t('link.proposeName')} className={styles.grow} size="small">
          <Input size="small" value={name} maxLength={TEXT_MAX_CHARS} onChange={(_, d) => setName(d.value)} />
        </Field>
        <Field label={t('link.proposeCategory')} size="small">
          <Dropdown size="small" value={t(`category.${category}`)} selectedOptions={[category]} onOptionSelect={(_, d) => d.optionValue && setCategory(d.optionValue as PartnerCategory)}>
            {PARTNER_CATEGORIES.map((c) => (
              <Option key={c} value={c}>
                {t(`category.${c}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button size="small" disabled={!name.trim()} onClick={propose}>
          {t('link.proposeSubmit')}
        </Button>
      </div>
    </div>
  );
}
